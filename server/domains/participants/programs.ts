// The partnership's participant settings (which committee is the A&O committee, the small-cell threshold,
// whether a program's committee sees names) and its programs: each owned by a committee, on an adopted
// curriculum version, with its wage steps (the curriculum has none: they are the program's, as bargained).
import { recordAudit } from "../../audit/audit.js";
import { forbidden, isUniqueViolation } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { readAdoptedCurriculum } from "../drafts/drafts.api.js";
import { canEditSettings, canManageProgram } from "./participants.policy.js";
import type { CreateProgramInput, SettingsInput } from "./participants.schema.js";
import { fieldError, requireViewer, type Call, type ParticipantsDeps } from "./participants.shared.js";

export async function setParticipantSettings(deps: ParticipantsDeps, { userId, input }: Call<SettingsInput>) {
  const { partnershipId } = input;
  const viewer = await requireViewer(deps, userId, partnershipId);
  if (!canEditSettings(viewer)) throw forbidden("Only the partnership's co-chairs change these settings.");
  if (input.aoBodyId) {
    const body = await deps.db.body.findFirst({ where: { id: input.aoBodyId, partnershipId, kind: "COMMITTEE" }, select: { id: true } });
    if (!body) throw fieldError("BAD_REQUEST", "aoBodyId", "Choose a committee of this partnership.");
  }
  return inTransaction(deps, async (tx, effects) => {
    const data = { aoBodyId: input.aoBodyId, suppressionThreshold: input.suppressionThreshold, committeeSeesNames: input.committeeSeesNames };
    await tx.participantSettings.upsert({ where: { partnershipId }, create: { partnershipId, ...data }, update: data });
    await recordAudit(tx, { partnershipId, actorId: userId, action: "participants.settingsChanged", subjectType: "Partnership", subjectId: partnershipId, data });
    effects.publish(partnershipRoom(partnershipId), "participants:totalsChanged", { partnershipId });
    return { partnershipId };
  });
}

export async function createProgram(deps: ParticipantsDeps, { userId, input }: Call<CreateProgramInput>) {
  const { partnershipId } = input;
  const viewer = await requireViewer(deps, userId, partnershipId);
  if (!canManageProgram(viewer, input.bodyId)) throw forbidden("Only the committee's co-chairs and staff, or the partnership's, create its programs.");
  const body = await deps.db.body.findFirst({ where: { id: input.bodyId, partnershipId }, select: { id: true } });
  if (!body) throw fieldError("BAD_REQUEST", "bodyId", "Choose a committee of this partnership.");
  const curriculum = await readAdoptedCurriculum(deps.db, partnershipId, input.curriculumVersionId);
  if (!curriculum) throw fieldError("BAD_REQUEST", "curriculumVersionId", "Choose an adopted curriculum version.");
  return inTransaction(deps, async (tx, effects) => {
    const program = await tx.program.create({
      data: {
        partnershipId,
        bodyId: body.id,
        name: input.name,
        kind: input.kind,
        curriculumVersionId: curriculum.versionId,
        createdById: userId,
        wageSteps: { create: input.wageSteps.map((s, position) => ({ position, label: s.label, basis: s.basis, threshold: s.threshold, hourlyCents: s.hourlyWage })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, { partnershipId, actorId: userId, action: "participants.programCreated", subjectType: "Program", subjectId: program.id, data: { name: input.name, curriculumVersionId: curriculum.versionId } });
    effects.publish(partnershipRoom(partnershipId), "participants:totalsChanged", { partnershipId });
    return program;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "name", "A program with this name already exists.");
    throw error;
  });
}
