// A body's settings for its drafts: the editors, the worker sign-off group (labor-side members only;
// a database trigger refuses anyone else) and the adoption rule (ALL, or AT_LEAST n). Who decides what:
//   - editors: either side's co-chair, at once (they write drafts; nothing they write is adopted without
//     the worker sign-off and both sides);
//   - the worker sign-off group: labor's own business — labor's co-chair sets it at once; management's
//     co-chair may only propose a change to it, for labor to concur;
//   - the adoption rule: both sides (a joint change).
// The writes themselves (and the re-check of the body's drafts in review) are in drafts.api.ts.
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { proposeJointChange, type Proposed, type ProposedOr } from "../joint/joint.api.js";
import { canManageBody } from "../../access/access.rules.js";
import { NOT_EDITOR, NOT_LABOR, NOT_LABOR_FIELD, readAdoptionRule, writeDraftSettings } from "./drafts.api.js";
import { bodyPeople, settingsOf, type DraftsDeps, type DraftsReadDeps } from "./drafts.facts.js";
import { rethrowRefusal } from "./drafts.refusals.js";
import type { BodyIdInput, DraftSettingsInput } from "./drafts.schema.js";

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

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
    /** Labor's co-chair sets the worker sign-off group at once; management's proposes a change to it. */
    viewerSide: member.side,
  };
}

/**
 * Saves the settings form: what the actor may change alone applies at once (editors; the sign-off group
 * when they co-chair for labor), the rest is proposed to the other side (the adoption rule; the group
 * when management changes it). Answers whether something waits, and which proposals.
 */
export async function setDraftSettings(
  deps: DraftsDeps & Pick<AppDeps, "realtime" | "logger">,
  { userId, input }: { userId: string; input: DraftSettingsInput },
): Promise<ProposedOr<{ bodyId: string }> & { changeIds: string[] }> {
  const { body, member } = await deps.access.requireBodyManager(userId, input.bodyId);
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
  const [currentEditors, currentGroup, currentRule] = await Promise.all([
    deps.db.draftEditor.findMany({ where: { bodyId: body.id }, select: { membershipId: true } }).then((rows) => rows.map((r) => r.membershipId)),
    deps.db.draftReviewer.findMany({ where: { bodyId: body.id }, select: { membershipId: true } }).then((rows) => rows.map((r) => r.membershipId)),
    readAdoptionRule(deps.db, body.id),
  ]);
  const groupChanged = !sameSet(reviewers, currentGroup);
  const ruleChanged = input.rule !== currentRule.rule || (input.rule === "AT_LEAST" && input.minimum !== currentRule.minimum);
  const laborDecides = member.side === "LABOR";
  const direct = {
    editors: sameSet(editors, currentEditors) ? undefined : editors,
    reviewers: groupChanged && laborDecides ? reviewers : undefined,
  };
  if (direct.editors || direct.reviewers) {
    try {
      await inTransaction(deps, (tx, effects) => writeDraftSettings(tx, effects, { body, ...direct, actorId: userId, changeId: null }));
    } catch (error) {
      // A seat or a side changed between the checks above and the transaction: the triggers have the last word.
      rethrowRefusal(error, [
        [/labor-side members/, () => new AppError("BAD_REQUEST", NOT_LABOR, { fieldErrors: { reviewerMembershipIds: [NOT_LABOR_FIELD] } })],
        [/Editors are members/, () => new AppError("BAD_REQUEST", NOT_EDITOR, { fieldErrors: { editorMembershipIds: ["Choose members of the committee."] } })],
      ]);
    }
  }
  const at = { partnershipId: body.partnershipId, bodyId: body.id };
  const proposals: Array<ProposedOr<Record<string, unknown>>> = [];
  if (groupChanged && !laborDecides) proposals.push(await proposeJointChange(deps, { userId, input: { ...at, kind: "SIGNOFF_GROUP", payload: { reviewerMembershipIds: reviewers } } }));
  if (ruleChanged) proposals.push(await proposeJointChange(deps, { userId, input: { ...at, kind: "ADOPTION_RULE", payload: { rule: input.rule, minimum: input.minimum } } }));
  const pending = proposals.filter((p): p is Proposed => p.pending);
  const changeIds = pending.map((p) => p.changeId);
  return pending[0] ? { ...pending[0], changeIds } : { pending: false, bodyId: body.id, changeIds };
}
