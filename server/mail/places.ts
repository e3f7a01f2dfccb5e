// Where a notification belongs: its partnership and the body it is about (a vote's, a meeting's or a
// draft's committee; the partnership's top body otherwise), with their names. Used to honour a muted
// body and to say in the mail which partnership and committee it is about. A handful of queries for
// any number of notifications.
import type { Db, Tx } from "../db.js";

export type Place = {
  partnershipId: string;
  partnershipName: string;
  bodyId: string | null;
  /** The committee's name, or null when the notification is about the partnership itself. */
  bodyName: string | null;
  topBodyId: string | null;
};

type Located = { payload: unknown };

export async function placesOf(client: Db | Tx, notifications: Located[]): Promise<Place[]> {
  const payloads = notifications.map((n) => (typeof n.payload === "object" && n.payload !== null ? (n.payload as Record<string, unknown>) : {}));
  const ids = (field: string) => [...new Set(payloads.map((p) => p[field]).filter((v): v is string => typeof v === "string"))];
  const [motions, meetings, drafts] = await Promise.all([
    ids("motionId").length ? client.motion.findMany({ where: { id: { in: ids("motionId") } }, select: { id: true, bodyId: true } }) : [],
    ids("meetingId").length ? client.meeting.findMany({ where: { id: { in: ids("meetingId") } }, select: { id: true, bodyId: true } }) : [],
    ids("draftId").length ? client.draft.findMany({ where: { id: { in: ids("draftId") } }, select: { id: true, bodyId: true } }) : [],
  ]);
  const bodyOfMotion = new Map(motions.map((m) => [m.id, m.bodyId]));
  const bodyOfMeeting = new Map(meetings.map((m) => [m.id, m.bodyId]));
  const bodyOfDraft = new Map(drafts.map((d) => [d.id, d.bodyId]));
  const bodyIdOf = (p: Record<string, unknown>): string | undefined =>
    bodyOfMotion.get(p.motionId as string) ?? bodyOfMeeting.get(p.meetingId as string) ?? bodyOfDraft.get(p.draftId as string) ?? (typeof p.bodyId === "string" ? p.bodyId : undefined);

  const partnershipIds = ids("partnershipId");
  const bodyIds = [...new Set(payloads.map(bodyIdOf).filter((v): v is string => Boolean(v)))];
  const [partnerships, bodies] = await Promise.all([
    partnershipIds.length ? client.partnership.findMany({ where: { id: { in: partnershipIds } }, select: { id: true, name: true } }) : [],
    partnershipIds.length || bodyIds.length
      ? client.body.findMany({
          where: { OR: [{ id: { in: bodyIds } }, { partnershipId: { in: partnershipIds }, kind: "PARTNERSHIP" }] },
          select: { id: true, name: true, kind: true, partnershipId: true },
        })
      : [],
  ]);
  const partnershipName = new Map(partnerships.map((p) => [p.id, p.name]));
  const body = new Map(bodies.map((b) => [b.id, b]));
  const topBody = new Map(bodies.filter((b) => b.kind === "PARTNERSHIP").map((b) => [b.partnershipId, b.id]));

  return payloads.map((p) => {
    const partnershipId = typeof p.partnershipId === "string" ? p.partnershipId : "";
    const own = body.get(bodyIdOf(p) ?? "");
    const topBodyId = topBody.get(partnershipId) ?? null;
    return {
      partnershipId,
      partnershipName: partnershipName.get(partnershipId) ?? (typeof p.partnershipName === "string" ? p.partnershipName : ""),
      bodyId: own?.id ?? topBodyId,
      bodyName: own && own.kind !== "PARTNERSHIP" ? own.name : null,
      topBodyId,
    };
  });
}

/** The bodies whose mute silences a notification at `place`: its own and its partnership's top body. */
export function bodyIdsOf(place: Place): string[] {
  return [...new Set([place.bodyId, place.topBodyId].filter((id): id is string => Boolean(id)))];
}
