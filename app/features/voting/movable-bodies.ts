// Which bodies the viewer may move motions in: those where they hold a voting seat (a co-chair or a
// voting member). The server checks it again; this only keeps the form's choices honest.
import type { RouterOutputs } from "~/lib/trpc";

type Body = Pick<RouterOutputs["partnerships"]["committee"]["get"], "id" | "name" | "seats">;

export function movableBodies(bodies: Body[], membershipId: string) {
  return bodies
    .filter((b) => b.seats.some((s) => s.membershipId === membershipId && s.isVoting && (s.role === "CO_CHAIR" || s.role === "MEMBER")))
    .map((b) => ({ id: b.id, name: b.name }));
}
