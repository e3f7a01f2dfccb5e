// A partnership's security setting: whether it requires two-factor sign-in of its co-chairs and of
// everyone who can read trainee data (the rule is `mustUseTwoFactor`, enforced by the permission layer
// for every read and change in the partnership). Set by a co-chair of the partnership, who must have
// two-factor sign-in on first (so nobody requires what they do not use, nor locks themself out).
import { mustUseTwoFactor } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import { AppError } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { inTransaction, lockRow } from "../../unit-of-work/unit-of-work.js";
import { hasTwoFactor } from "../identity/two-factor.js";
import type { PartnershipsDeps } from "./partnerships.guards.js";
import type { SetTwoFactorRequirementInput } from "./partnerships.schema.js";

/** The setting, and who it applies to that has not turned two-factor sign-in on (names, for the co-chairs). */
export async function getSecuritySettings(deps: Pick<PartnershipsDeps, "db" | "access">, { userId, input }: { userId: string; input: { partnershipId: string } }) {
  await deps.access.requirePartnershipManager(userId, input.partnershipId);
  const [partnership, members] = await Promise.all([
    deps.db.partnership.findUniqueOrThrow({ where: { id: input.partnershipId }, select: { twoFactorRequired: true } }),
    deps.db.membership.findMany({
      where: { partnershipId: input.partnershipId },
      select: {
        user: { select: { name: true, twoFactor: { select: { enabledAt: true } } } },
        organization: { select: { type: true } },
        serviceReviewer: { select: { id: true } },
        seats: { where: { role: "CO_CHAIR" }, select: { id: true } },
      },
    }),
  ]);
  const without = members
    .filter((m) => mustUseTwoFactor({ isCoChair: m.seats.length > 0, isCbo: m.organization.type === "CBO", isReviewer: m.serviceReviewer !== null }))
    .filter((m) => !m.user.twoFactor?.enabledAt)
    .map((m) => m.user.name)
    .sort((a, b) => a.localeCompare(b));
  return { twoFactorRequired: partnership.twoFactorRequired, withoutTwoFactor: without };
}

export async function setTwoFactorRequirement(deps: PartnershipsDeps, { userId, input }: { userId: string; input: SetTwoFactorRequirementInput }) {
  await deps.access.requirePartnershipManager(userId, input.partnershipId);
  if (input.required && !(await hasTwoFactor(deps.db, userId))) {
    throw new AppError("PRECONDITION_FAILED", "Turn on two-factor sign-in for yourself first (Settings → Security).");
  }
  await inTransaction(deps, async (tx, effects) => {
    await lockRow(tx, "Partnership", input.partnershipId);
    await tx.partnership.update({ where: { id: input.partnershipId }, data: { twoFactorRequired: input.required } });
    await recordAudit(tx, {
      partnershipId: input.partnershipId,
      actorId: userId,
      action: input.required ? "security.twoFactorRequired" : "security.twoFactorOptional",
      subjectType: "Partnership",
      subjectId: input.partnershipId,
    });
    effects.publish(partnershipRoom(input.partnershipId), "partnership:changed", { partnershipId: input.partnershipId });
  });
  return getSecuritySettings(deps, { userId, input });
}
