// CSV import of participants (with their application or enrollment) and of weekly hours, from a
// spreadsheet. A preview checks every row and writes nothing; the import checks them again inside one
// transaction and writes all rows or none: a row with an error refuses the whole file, with the rows
// and their errors named.
import { recordAudit } from "../../audit/audit.js";
import type { Db, Tx } from "../../db.js";
import { AppError, forbidden, isUniqueViolation } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { canManageProgram } from "./participants.policy.js";
import {
  checkHoursRow,
  checkParticipantRow,
  checkWeek,
  HOURS_COLUMNS,
  IN_PROGRAM,
  keyedRows,
  parseCsv,
  PARTICIPANT_COLUMNS,
  type EnrollmentStatus,
  type HoursRow,
  type ParticipantRow,
} from "./participants.rules.js";
import type { ImportInput } from "./participants.schema.js";
import { requireViewer, type Call, type ParticipantsDeps } from "./participants.shared.js";

export const MAX_IMPORT_ROWS = 2_000;

export type RowResult = { line: number; ok: boolean; errors: Array<{ column: string; message: string }>; summary: string };
export type ImportPreview = { kind: ImportInput["kind"]; rows: RowResult[]; valid: number; invalid: number; columns: readonly string[] };

type Resolved =
  | { kind: "participants"; line: number; row: ParticipantRow; programId: string; curriculumVersionId: string; employerId: string; mentorMembershipId: string | null; userId: string | null }
  | { kind: "hours"; line: number; row: HoursRow; enrollmentId: string };

/** Checks every row against the partnership as it is now (in `client`: the import's own transaction). */
async function checkRows(client: Db | Tx, viewer: Awaited<ReturnType<typeof requireViewer>>, input: ImportInput): Promise<{ preview: ImportPreview; resolved: Resolved[] }> {
  const columns = input.kind === "participants" ? PARTICIPANT_COLUMNS : HOURS_COLUMNS;
  const parsed = parseCsv(input.csv);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", parsed.message, { fieldErrors: { csv: [parsed.message] } });
  const keyed = keyedRows(parsed.value, columns);
  if (!keyed.ok) throw new AppError("BAD_REQUEST", keyed.message, { fieldErrors: { csv: [keyed.message] } });
  if (keyed.value.length === 0) throw new AppError("BAD_REQUEST", "The file has no rows under its header.", { fieldErrors: { csv: ["The file has no rows under its header."] } });
  if (keyed.value.length > MAX_IMPORT_ROWS) throw new AppError("BAD_REQUEST", `At most ${MAX_IMPORT_ROWS} rows at a time.`, { fieldErrors: { csv: [`At most ${MAX_IMPORT_ROWS} rows at a time.`] } });
  const { partnershipId } = input;
  const [programs, employers, members] = await Promise.all([
    client.program.findMany({ where: { partnershipId }, select: { id: true, name: true, bodyId: true, curriculumVersionId: true } }),
    client.organization.findMany({ where: { partnershipId, type: "EMPLOYER" }, select: { id: true, name: true } }),
    client.membership.findMany({ where: { partnershipId }, select: { id: true, user: { select: { email: true } } } }),
  ]);
  const byName = <T extends { name: string }>(list: T[], name: string) => list.find((x) => x.name.trim().toLowerCase() === name.trim().toLowerCase());
  const rows: RowResult[] = [];
  const resolved: Resolved[] = [];
  const seen = new Set<string>();
  for (const [i, cells] of keyed.value.entries()) {
    const line = i + 2; // the header is line 1
    if (input.kind === "participants") {
      const check = checkParticipantRow(cells);
      const errors = check.ok ? [] : [...check.errors];
      const program = byName(programs, cells.program ?? "");
      const employer = byName(employers, cells.employer ?? "");
      if (cells.program && !program) errors.push({ column: "program", message: `No program named "${cells.program}".` });
      else if (program && !canManageProgram(viewer, program.bodyId)) errors.push({ column: "program", message: "You do not administer this program." });
      if (cells.employer && !employer) errors.push({ column: "employer", message: `No employer named "${cells.employer}".` });
      const mentorEmail = (cells.mentor_email ?? "").trim().toLowerCase();
      const mentor = mentorEmail ? members.find((m) => m.user.email === mentorEmail) : null;
      if (mentorEmail && !mentor) errors.push({ column: "mentor_email", message: "No member of the partnership has this address." });
      const email = (cells.email ?? "").trim().toLowerCase();
      const user = email ? await client.user.findUnique({ where: { email }, select: { id: true } }) : null;
      if (email) {
        if (seen.has(`email:${email}`)) errors.push({ column: "email", message: "This address appears twice in the file." });
        seen.add(`email:${email}`);
        if (user && (await client.participant.findFirst({ where: { partnershipId, userId: user.id }, select: { id: true } }))) {
          errors.push({ column: "email", message: "That account already belongs to a participant." });
        }
      }
      rows.push({ line, ok: errors.length === 0, errors, summary: `${cells.name ?? ""} · ${cells.program ?? ""}` });
      if (check.ok && !errors.length && program && employer) {
        resolved.push({ kind: "participants", line, row: check.value, programId: program.id, curriculumVersionId: program.curriculumVersionId, employerId: employer.id, mentorMembershipId: mentor?.id ?? null, userId: user?.id ?? null });
      }
    } else {
      const check = checkHoursRow(cells);
      const errors = check.ok ? [] : [...check.errors];
      let enrollmentId: string | null = null;
      if (check.ok) {
        const program = byName(programs, check.value.program);
        const enrollment = program
          ? await client.enrollment.findFirst({
              where: { partnershipId, programId: program.id, participant: { OR: [{ email: check.value.participantEmail }, { userId: (await client.user.findUnique({ where: { email: check.value.participantEmail }, select: { id: true } }))?.id ?? "-" }] } },
              orderBy: { appliedOn: "desc" },
              select: { id: true, status: true, startDate: true },
            })
          : null;
        if (!program) errors.push({ column: "program", message: `No program named "${check.value.program}".` });
        else if (!canManageProgram(viewer, program.bodyId)) errors.push({ column: "program", message: "You do not administer this program." });
        else if (!enrollment) errors.push({ column: "participant_email", message: "Nobody with this address is in that program." });
        else if (!IN_PROGRAM.includes(enrollment.status as EnrollmentStatus)) errors.push({ column: "participant_email", message: "That enrollment is not enrolled or active." });
        else {
          const week = checkWeek(check.value.weekOf, { startDate: enrollment.startDate, now: new Date() });
          if (!week.ok) errors.push({ column: "week_of", message: week.message });
          const key = `${enrollment.id}:${check.value.weekOf.toISOString()}:${check.value.kind}`;
          if (seen.has(key)) errors.push({ column: "week_of", message: "This week and kind appear twice for this person." });
          seen.add(key);
          const logged = await client.hoursLog.findFirst({ where: { enrollmentId: enrollment.id, weekOf: check.value.weekOf, kind: check.value.kind, status: { not: "REJECTED" } }, select: { id: true } });
          if (logged) errors.push({ column: "week_of", message: "Hours of this kind are already logged for that week." });
          enrollmentId = enrollment.id;
        }
      }
      rows.push({ line, ok: errors.length === 0, errors, summary: `${cells.participant_email ?? ""} · ${cells.week_of ?? ""} · ${cells.kind ?? ""} ${cells.hours ?? ""}` });
      if (check.ok && !errors.length && enrollmentId) resolved.push({ kind: "hours", line, row: check.value, enrollmentId });
    }
  }
  const invalid = rows.filter((r) => !r.ok).length;
  return { preview: { kind: input.kind, rows, valid: rows.length - invalid, invalid, columns }, resolved };
}

async function requireImporter(deps: ParticipantsDeps, userId: string, partnershipId: string) {
  const viewer = await requireViewer(deps, userId, partnershipId);
  if (!viewer.isPartnershipManager && viewer.adminBodyIds.length === 0) throw forbidden("Only programs' administrators import participants and hours.");
  return viewer;
}

/** What an import would do, row by row. Writes nothing. */
export async function previewImport(deps: ParticipantsDeps, { userId, input }: Call<ImportInput>) {
  const viewer = await requireImporter(deps, userId, input.partnershipId);
  return (await checkRows(deps.db, viewer, input)).preview;
}

/** All rows in one transaction, or none: any row with an error refuses the file. */
export async function runImport(deps: ParticipantsDeps, { userId, input }: Call<ImportInput>) {
  const viewer = await requireImporter(deps, userId, input.partnershipId);
  const { partnershipId } = input;
  return inTransaction(deps, async (tx, effects) => {
    const { preview, resolved } = await checkRows(tx, viewer, input);
    if (preview.invalid) {
      const fieldErrors = Object.fromEntries(preview.rows.filter((r) => !r.ok).map((r) => [`line ${r.line}`, r.errors.map((e) => `${e.column}: ${e.message}`)]));
      throw new AppError("BAD_REQUEST", `${preview.invalid} of ${preview.rows.length} rows have errors; nothing was imported.`, { fieldErrors });
    }
    for (const r of resolved) {
      if (r.kind === "participants") {
        const { row } = r;
        const participant = await tx.participant.create({
          data: {
            partnershipId,
            name: row.name,
            email: row.email,
            userId: r.userId,
            raceEthnicity: row.raceEthnicity,
            sex: row.sex,
            veteranStatus: row.veteranStatus,
            disabilityStatus: row.disabilityStatus,
            ageBand: row.ageBand,
            createdById: userId,
          },
          select: { id: true },
        });
        const status = row.startDate ? "ENROLLED" : "APPLIED";
        const enrollment = await tx.enrollment.create({
          data: { partnershipId, participantId: participant.id, programId: r.programId, curriculumVersionId: r.curriculumVersionId, employerId: r.employerId, mentorMembershipId: r.mentorMembershipId, appliedOn: row.appliedOn, startDate: row.startDate, status },
          select: { id: true },
        });
        await tx.enrollmentEvent.create({ data: { enrollmentId: enrollment.id, toStatus: status, actorId: userId, reason: `Imported (line ${r.line})` } });
      } else {
        await tx.hoursLog.create({
          data: { partnershipId, enrollmentId: r.enrollmentId, weekOf: r.row.weekOf, kind: r.row.kind, tenths: r.row.tenths, note: r.row.note, loggedById: userId, loggedAs: "INSTRUCTOR" },
        });
      }
    }
    await recordAudit(tx, { partnershipId, actorId: userId, action: `participants.imported`, subjectType: "Partnership", subjectId: partnershipId, data: { kind: input.kind, rows: resolved.length } });
    effects.publish(partnershipRoom(partnershipId), "participants:totalsChanged", { partnershipId });
    return { imported: resolved.length, kind: input.kind };
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Someone recorded some of these rows meanwhile; nothing was imported. Preview the file again.");
    throw error;
  });
}
