// A body's settings for its drafts: the editors, the worker sign-off group (labor-side members only;
// a database trigger refuses anyone else) and the rule (ALL, or AT_LEAST n). A change re-checks the
// body's drafts in review against the new group and rule in the same transaction. It takes the body's
// row lock first (one settings change at a time per body; a draft being created in the body waits for
// it), then the row lock of each open draft of the body in id order, so a sign-off, an adoption or a
// new version of those drafts is either committed before the re-check (and counted) or waits for it
// (and sees the new group and rule).
import { canManageBody } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import { AppError } from "../../errors.js";
import { inTransaction, lockRow } from "../../unit-of-work/unit-of-work.js";
import { bodyPeople, draftChanged, draftsListChanged, OPEN_STATUSES, ruleState, settingsOf, type DraftsDeps, type DraftsReadDeps } from "./drafts.facts.js";
import { rethrowRefusal } from "./drafts.refusals.js";
import type { DraftPart } from "./drafts.events.js";
import type { BodyIdInput, DraftSettingsInput } from "./drafts.schema.js";

const NOT_LABOR = "The worker sign-off group takes labor-side members of the committee only.";
const NOT_LABOR_FIELD = "Choose labor-side members of the committee.";
const NOT_EDITOR = "Editors must be members of the committee (not observers).";

export async function getDraftSettings(deps: DraftsReadDeps, { userId, input }: { userId: string; input: BodyIdInput }) {
  const { db } = deps;
  const { body, member, seat } = await deps.access.requireBodySeat(userId, input.bodyId);
  const [settings, editors, reviewers, people] = await Promise.all([
    settingsOf(db, body.id),
    db.draftEditor.findMany({ where: { bodyId: body.id }, select: { membershipId: true } }),
    db.draftReviewer.findMany({ where: { bodyId: body.id }, select: { membershipId: true } }),
    bodyPeople(db, body.id),
  ]);
  return {
    bodyId: body.id,
    bodyName: body.name,
    ...settings,
    editorMembershipIds: editors.map((e) => e.membershipId),
    reviewerMembershipIds: reviewers.map((r) => r.membershipId),
    people: people.map((p) => ({ membershipId: p.membershipId, name: p.name, side: p.side, role: p.role })),
    canManage: canManageBody(member, seat),
  };
}

/**
 * Replaces the body's editors, worker sign-off group and rule. Open drafts in review are re-checked
 * against the new group in the same transaction (signed off ⇄ in review).
 */
export async function setDraftSettings(deps: DraftsDeps, { userId, input }: { userId: string; input: DraftSettingsInput }) {
  const { body } = await deps.access.requireBodyManager(userId, input.bodyId);
  const people = await bodyPeople(deps.db, body.id);
  const seated = new Map(people.map((p) => [p.membershipId, p]));
  const editors = [...new Set(input.editorMembershipIds)];
  const reviewers = [...new Set(input.reviewerMembershipIds)];
  if (editors.some((id) => !seated.has(id) || seated.get(id)!.role === "OBSERVER")) {
    throw new AppError("BAD_REQUEST", NOT_EDITOR, { fieldErrors: { editorMembershipIds: ["Choose members of the committee."] } });
  }
  if (reviewers.some((id) => seated.get(id)?.side !== "LABOR")) {
    throw new AppError("BAD_REQUEST", NOT_LABOR, { fieldErrors: { reviewerMembershipIds: [NOT_LABOR_FIELD] } });
  }
  try {
    return await inTransaction(deps, async (tx, effects) => {
      await lockRow(tx, "Body", body.id);
      await tx.draftEditor.deleteMany({ where: { bodyId: body.id } });
      await tx.draftReviewer.deleteMany({ where: { bodyId: body.id } });
      if (editors.length) await tx.draftEditor.createMany({ data: editors.map((membershipId) => ({ bodyId: body.id, membershipId })) });
      if (reviewers.length) await tx.draftReviewer.createMany({ data: reviewers.map((membershipId) => ({ bodyId: body.id, membershipId })) });
      await tx.draftSettings.upsert({
        where: { bodyId: body.id },
        create: { bodyId: body.id, partnershipId: body.partnershipId, rule: input.rule, minimum: input.minimum },
        update: { rule: input.rule, minimum: input.minimum },
      });
      const open = await tx.draft.findMany({ where: { bodyId: body.id, status: { in: OPEN_STATUSES } }, select: { id: true }, orderBy: { id: "asc" } });
      let listMoved = false;
      for (const { id } of open) {
        await lockRow(tx, "Draft", id);
        const d = await tx.draft.findUniqueOrThrow({ where: { id }, select: { status: true, currentVersion: true } });
        if (d.status !== "IN_REVIEW" && d.status !== "SIGNED_OFF") continue;
        const version = await tx.draftVersion.findUniqueOrThrow({ where: { draftId_number: { draftId: id, number: d.currentVersion } }, select: { id: true } });
        const next = (await ruleState(tx, body.id, version.id)).met ? "SIGNED_OFF" : "IN_REVIEW";
        const parts: DraftPart[] = ["settings"];
        if (next !== d.status) {
          const { count } = await tx.draft.updateMany({ where: { id, status: d.status, currentVersion: d.currentVersion }, data: { status: next } });
          if (count) parts.push("status");
        }
        draftChanged(effects, id, userId, parts);
        listMoved ||= parts.includes("status");
      }
      if (listMoved) draftsListChanged(effects, body.partnershipId);
      await recordAudit(tx, {
        partnershipId: body.partnershipId,
        actorId: userId,
        action: "draft.settingsChanged",
        subjectType: "Body",
        subjectId: body.id,
        data: { editors, reviewers, rule: input.rule, minimum: input.minimum },
      });
      return { bodyId: body.id };
    });
  } catch (error) {
    // A seat or a side changed between the checks above and the transaction: the triggers have the last word.
    return rethrowRefusal(error, [
      [/labor-side members/, () => new AppError("BAD_REQUEST", NOT_LABOR, { fieldErrors: { reviewerMembershipIds: [NOT_LABOR_FIELD] } })],
      [/Editors are members/, () => new AppError("BAD_REQUEST", NOT_EDITOR, { fieldErrors: { editorMembershipIds: ["Choose members of the committee."] } })],
    ]);
  }
}
