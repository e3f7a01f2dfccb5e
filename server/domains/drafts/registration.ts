// The registration agency's approval of an adopted registered-apprenticeship standard (an optional step
// after adoption): the body's co-chairs or staff record where it stands — submitted on a date, then
// approved on a date, or returned on a date with the agency's note — and the agency's reference. One
// row per draft, changed under the draft's row lock; every change is audited with what it was before.
import { recordAudit } from "../../audit/audit.js";
import { AppError, forbidden } from "../../errors.js";
import { inTransaction, lockRow } from "../../unit-of-work/unit-of-work.js";
import { draftChanged, requireDraftReader, userName, type DraftsDeps } from "./drafts.facts.js";
import { canRecordRegistration, mayRecordRegistration } from "./drafts.policy.js";
import { rethrowRefusal } from "./drafts.refusals.js";
import type { DraftStatus, RegistrationInput } from "./drafts.schema.js";

export async function recordRegistration(deps: DraftsDeps, { userId, input }: { userId: string; input: RegistrationInput }) {
  const { draft, body, seat } = await requireDraftReader(deps, userId, input.draftId);
  if (!mayRecordRegistration(seat)) throw forbidden(`Only the co-chairs and staff of ${body.name} record the registration agency's steps.`);
  const today = new Date();
  if (input.submittedOn > today || (input.decidedOn && input.decidedOn > today)) {
    throw new AppError("BAD_REQUEST", "Dates of the registration cannot be in the future.", { fieldErrors: { [input.submittedOn > today ? "submittedOn" : "decidedOn"]: ["That date is in the future."] } });
  }
  const byName = await userName(deps.db, userId);
  try {
    return await inTransaction(deps, async (tx, effects) => {
      await lockRow(tx, "Draft", draft.id);
      const now = await tx.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true, programKind: true } });
      if (!canRecordRegistration(seat, { status: now.status as DraftStatus, programKind: now.programKind })) {
        throw new AppError("PRECONDITION_FAILED", "Registration is recorded for an adopted registered-apprenticeship standard only.");
      }
      const before = await tx.draftRegistration.findUnique({ where: { draftId: draft.id } });
      const data = {
        status: input.status,
        agency: input.agency,
        agencyReference: input.agencyReference,
        submittedOn: input.submittedOn,
        decidedOn: input.decidedOn,
        note: input.note,
        updatedById: userId,
        updatedByName: byName,
      };
      await tx.draftRegistration.upsert({ where: { draftId: draft.id }, create: { draftId: draft.id, partnershipId: draft.partnershipId, ...data }, update: data });
      await recordAudit(tx, {
        partnershipId: draft.partnershipId,
        actorId: userId,
        action: "draft.registration",
        subjectType: "Draft",
        subjectId: draft.id,
        data: {
          status: input.status,
          agency: input.agency,
          agencyReference: input.agencyReference,
          submittedOn: input.submittedOn.toISOString().slice(0, 10),
          decidedOn: input.decidedOn?.toISOString().slice(0, 10) ?? null,
          note: input.note,
          before: before ? { status: before.status, agencyReference: before.agencyReference, decidedOn: before.decidedOn?.toISOString().slice(0, 10) ?? null } : null,
        },
      });
      draftChanged(effects, draft.id, userId, ["registration"]);
      return { id: draft.id, status: input.status };
    });
  } catch (error) {
    return rethrowRefusal(error, [[/Registration is recorded for an adopted/, () => new AppError("PRECONDITION_FAILED", "Registration is recorded for an adopted registered-apprenticeship standard only.")]]);
  }
}
