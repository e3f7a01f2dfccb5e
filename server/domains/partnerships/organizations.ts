// A partnership's organizations (unions, employers, colleges, community partners), each on a side. An
// organization's side decides whose members its people are, so a side's co-chair adds, changes and
// removes organizations of their own side at once; anything on the other side, a neutral organization,
// or a change of side is a joint change. The organization's row is locked while it is changed or
// removed: a member seated as co-chair, a trainee recorded or an invitation accepted meanwhile either
// waits for the change or is seen by it.
import type { AppDeps } from "../../deps.js";
import { notFound } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { proposeJointChange, type ProposedOr } from "../joint/joint.api.js";
import { readOrganization, writeOrganization, type OrganizationChange } from "./partnerships.api.js";
import { conflictOnUnique, recheckPartnershipManager, type PartnershipsDeps } from "./partnerships.guards.js";
import { isOwnSide } from "./partnerships.policy.js";
import type { CreateOrganizationInput, Side, UpdateOrganizationInput } from "./partnerships.schema.js";
import { AppError } from "../../errors.js";

const DUPLICATE_NAME = "An organization with this name is already in the partnership.";
type ProposingDeps = PartnershipsDeps & Pick<AppDeps, "realtime" | "logger">;

/** At once when every side involved is the actor's own; otherwise proposed to the other side. */
async function changeOrganization(deps: ProposingDeps, userId: string, partnershipId: string, change: OrganizationChange, sides: Side[]): Promise<ProposedOr<{ id?: string }>> {
  const actor = await deps.access.requirePartnershipManager(userId, partnershipId);
  if (!sides.every((side) => isOwnSide(actor.side, side))) {
    return proposeJointChange(deps, { userId, input: { partnershipId, bodyId: null, kind: "ORGANIZATION", payload: change } });
  }
  return inTransaction(deps, async (tx, effects) => {
    const { member } = await recheckPartnershipManager(tx, userId, partnershipId);
    if (change.organizationId) {
      const now = await readOrganization(tx, partnershipId, change.organizationId);
      if (now && !isOwnSide(member.side, now.side as Side)) throw new AppError("CONFLICT", "That organization's side changed meanwhile. Reload and try again.");
    }
    const { id } = await writeOrganization(tx, effects, { partnershipId, change, actorId: userId, changeId: null });
    return { id, pending: false as const };
  }).catch(conflictOnUnique(DUPLICATE_NAME, "name"));
}

export async function createOrganization(deps: ProposingDeps, { userId, input }: { userId: string; input: CreateOrganizationInput }) {
  const { partnershipId, ...fields } = input;
  return changeOrganization(deps, userId, partnershipId, { action: "CREATE", organizationId: null, ...fields }, [input.side]);
}

/** Renames an organization or changes its type or side (not its side while a co-chair belongs to it). */
export async function updateOrganization(deps: ProposingDeps, { userId, input }: { userId: string; input: UpdateOrganizationInput }) {
  const { partnershipId, organizationId, ...fields } = input;
  const current = await readOrganization(deps.db, partnershipId, organizationId);
  await deps.access.requireMember(userId, partnershipId);
  if (!current) throw notFound("Organization");
  return changeOrganization(deps, userId, partnershipId, { action: "UPDATE", organizationId, ...fields }, [current.side as Side, input.side]);
}

/** Removes an organization nobody belongs to and no service record names (its pending invitations go with it). */
export async function removeOrganization(deps: ProposingDeps, { userId, input }: { userId: string; input: { partnershipId: string; organizationId: string } }) {
  const { partnershipId, organizationId } = input;
  await deps.access.requireMember(userId, partnershipId);
  const current = await readOrganization(deps.db, partnershipId, organizationId);
  if (!current) throw notFound("Organization");
  return changeOrganization(deps, userId, partnershipId, { action: "REMOVE", organizationId, name: current.name, type: current.type as OrganizationChange["type"], side: current.side as Side }, [current.side as Side]);
}
