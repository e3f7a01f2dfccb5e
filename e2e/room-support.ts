// Helpers for the meeting-room specs: tRPC calls from a signed-in browser context (to set a meeting up
// quickly, as its co-chair would).
import type { APIRequestContext, BrowserContext } from "@playwright/test";

type Requester = BrowserContext | { request: APIRequestContext };

/** Calls a tRPC procedure over HTTP as the context's user (superjson wire format, Origin as a browser sends it). */
export async function trpcCall<T = unknown>(who: Requester, origin: string, path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<T> {
  const url = `${origin}/api/trpc/${path}`;
  const response =
    kind === "query"
      ? await who.request.get(`${url}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await who.request.post(url, { data: { json: input }, headers: { Origin: origin } });
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string } } };
  if (!response.ok() || !body.result) throw new Error(`${path} failed: ${response.status()} ${JSON.stringify(body.error ?? body).slice(0, 400)}`);
  return body.result.data.json;
}

/** A live meeting of the demo partnership's own body with the given items, the first one under discussion. */
export async function liveMeeting(who: Requester, origin: string, partnershipId: string, title: string, items: Array<{ title: string; minutes: number }>) {
  const bodies = await trpcCall<Array<{ id: string; kind: string }>>(who, origin, "meetings.meeting.schedulableBodies", { partnershipId }, "query");
  const body = bodies.find((b) => b.kind === "PARTNERSHIP") ?? bodies[0]!;
  const start = new Date(Date.now() + 60 * 60_000).toISOString().slice(0, 16);
  const { id: meetingId } = await trpcCall<{ id: string }>(who, origin, "meetings.meeting.schedule", {
    bodyId: body.id,
    title,
    startsAtLocal: start,
    timeZone: "America/Detroit",
    durationMinutes: 90,
    location: "Union hall, room 2",
    videoUrl: "",
  });
  const itemIds: string[] = [];
  for (const item of items) {
    const { id } = await trpcCall<{ id: string }>(who, origin, "meetings.agenda.propose", { meetingId, title: item.title, description: "", presenter: "", kind: "DECISION", timeBoxMinutes: item.minutes, links: [] });
    itemIds.push(id);
  }
  await trpcCall(who, origin, "meetings.meeting.start", { meetingId });
  await trpcCall(who, origin, "meetings.meeting.setCurrentItem", { meetingId, itemId: itemIds[0] });
  return { meetingId, bodyId: body.id, itemIds, path: `/p/${partnershipId}/meetings/${meetingId}` };
}
