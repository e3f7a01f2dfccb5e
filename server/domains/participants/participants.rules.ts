// Pure rules of participants' progress: the enrollment's life (a state machine), weeks and hours, the
// progress toward completion against the curriculum version, wage steps, the dashboard's stages, and
// the CSV import's row checks. No I/O.
import { parseCalendarDate, type Parsed } from "../common.rules.js";
import { DEMOGRAPHICS, PREFER_NOT_TO_SAY, RACE_ETHNICITY, checkRaceEthnicity, type RaceEthnicityAnswer } from "../services/services.rules.js";

export const PROGRAM_KINDS = {
  REGISTERED_APPRENTICESHIP: "Registered apprenticeship",
  PRE_APPRENTICESHIP: "Pre-apprenticeship with direct entry",
  INCUMBENT_UPSKILLING: "Incumbent worker upskilling",
} as const;
export type ProgramKind = keyof typeof PROGRAM_KINDS;
export const PROGRAM_KIND_KEYS = Object.keys(PROGRAM_KINDS) as [ProgramKind, ...ProgramKind[]];

// ─── the enrollment's life ──────────────────────────────────────────────────

export const ENROLLMENT_STATUSES = {
  APPLIED: "Applied",
  NOT_ENROLLED: "Not enrolled",
  ENROLLED: "Enrolled",
  ACTIVE: "Active",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
  TRANSFERRED: "Transferred",
} as const;
export type EnrollmentStatus = keyof typeof ENROLLMENT_STATUSES;
export const ENROLLMENT_STATUS_KEYS = Object.keys(ENROLLMENT_STATUSES) as [EnrollmentStatus, ...EnrollmentStatus[]];
export const OPEN_ENROLLMENT: EnrollmentStatus[] = ["APPLIED", "ENROLLED", "ACTIVE"];
/** Statuses in which hours, competencies and credentials are recorded. */
export const IN_PROGRAM: EnrollmentStatus[] = ["ENROLLED", "ACTIVE"];

/** Every move an enrollment can make (the database's trigger holds the same table). */
export const ENROLLMENT_ACTIONS = {
  enroll: { from: ["APPLIED"], to: "ENROLLED", needsReason: false },
  decline: { from: ["APPLIED"], to: "NOT_ENROLLED", needsReason: true },
  activate: { from: ["ENROLLED"], to: "ACTIVE", needsReason: false },
  complete: { from: ["ACTIVE"], to: "COMPLETED", needsReason: false },
  cancel: { from: ["ENROLLED", "ACTIVE"], to: "CANCELLED", needsReason: true },
  transfer: { from: ["ENROLLED", "ACTIVE"], to: "TRANSFERRED", needsReason: true },
} as const satisfies Record<string, { from: readonly EnrollmentStatus[]; to: EnrollmentStatus; needsReason: boolean }>;
export type EnrollmentAction = keyof typeof ENROLLMENT_ACTIONS;
export const ENROLLMENT_ACTION_KEYS = Object.keys(ENROLLMENT_ACTIONS) as [EnrollmentAction, ...EnrollmentAction[]];
export const ENROLLMENT_ACTION_LABELS: Record<EnrollmentAction, string> = {
  enroll: "Enroll",
  decline: "Not enrolled",
  activate: "Mark active",
  complete: "Complete",
  cancel: "Cancel",
  transfer: "Transfer",
};

export type Transition = { ok: true; to: EnrollmentStatus } | { ok: false; message: string };

/** Whether `action` may move an enrollment in `status`, given the reason and (to complete) the progress. */
export function checkEnrollmentTransition(status: EnrollmentStatus, action: EnrollmentAction, facts: { reason: string; progressComplete?: boolean }): Transition {
  const rule = ENROLLMENT_ACTIONS[action];
  if (!(rule.from as readonly EnrollmentStatus[]).includes(status)) {
    return { ok: false, message: `An enrollment that is ${ENROLLMENT_STATUSES[status].toLowerCase()} cannot be marked ${ENROLLMENT_STATUSES[rule.to].toLowerCase()}.` };
  }
  if (rule.needsReason && !facts.reason.trim()) return { ok: false, message: "Give a reason." };
  if (action === "complete" && !facts.progressComplete) return { ok: false, message: "Every competency and the required hours must be met before completion." };
  return { ok: true, to: rule.to };
}

export const isEnded = (status: EnrollmentStatus) => status === "COMPLETED" || status === "CANCELLED" || status === "TRANSFERRED";

// ─── weeks and hours ────────────────────────────────────────────────────────


/** The Monday (00:00 UTC) of the week holding calendar date `date`. */
export function weekOf(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const isoDay = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day.getTime() - isoDay * 86_400_000);
}

/** "37.5" → 375 tenths; between 0.1 and 80 hours in a week, at most one decimal. */
export function parseHours(input: string | number): Parsed<number> {
  const text = String(input).trim();
  const match = /^(\d{1,3})(?:\.(\d))?$/.exec(text);
  if (!match) return { ok: false, message: "Enter hours as a number with at most one decimal, e.g. 37.5." };
  const tenths = Number(match[1]) * 10 + Number(match[2] ?? "0");
  if (tenths < 1) return { ok: false, message: "Enter more than zero hours." };
  if (tenths > 800) return { ok: false, message: "A week has at most 80 hours." };
  return { ok: true, value: tenths };
}

export const formatTenths = (tenths: number) => (tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1));

/** A week may be logged from the enrollment's start until the current week, never ahead. */
export function checkWeek(week: Date, facts: { startDate: Date | null; now: Date }): Parsed<Date> {
  if (!facts.startDate) return { ok: false, message: "Hours are logged once the enrollment has a start date." };
  if (week.getTime() < weekOf(facts.startDate).getTime()) return { ok: false, message: "That week is before the enrollment started." };
  if (week.getTime() > weekOf(facts.now).getTime()) return { ok: false, message: "That week has not started yet." };
  return { ok: true, value: week };
}

// ─── progress toward completion ─────────────────────────────────────────────

export type CurriculumModule = {
  key: string;
  title: string;
  competencies: string[];
  relatedHours: number;
  ojlHours: number;
  assessment: string;
  credential: string;
  testOut: boolean;
};

export type ProgressFacts = {
  modules: CurriculumModule[];
  /** Approved hours, in tenths. */
  approvedTenths: { RI: number; OJL: number };
  standings: Array<{ moduleKey: string; riHours: number; ojlHours: number }>;
  attained: Array<{ moduleKey: string; competency: string }>;
};

export type Progress = {
  required: { riHours: number; ojlHours: number; competencies: number };
  credited: { riTenths: number; ojlTenths: number; standingRiHours: number; standingOjlHours: number };
  attained: number;
  /** 0–100 each, rounded down so 100 means done. */
  percent: { ri: number; ojl: number; competencies: number; overall: number };
  complete: boolean;
  modules: Array<{ key: string; title: string; attained: number; of: number; testedOut: boolean }>;
};

const pct = (part: number, whole: number) => (whole <= 0 ? 100 : Math.min(100, Math.floor((part * 100) / whole)));

/** Hours and competencies against the curriculum version; test-out credits the module's hours as advanced standing. */
export function progressOf(facts: ProgressFacts): Progress {
  const riHours = facts.modules.reduce((n, m) => n + m.relatedHours, 0);
  const ojlHours = facts.modules.reduce((n, m) => n + m.ojlHours, 0);
  const competencies = facts.modules.reduce((n, m) => n + m.competencies.length, 0);
  const standingRiHours = facts.standings.reduce((n, s) => n + s.riHours, 0);
  const standingOjlHours = facts.standings.reduce((n, s) => n + s.ojlHours, 0);
  const riTenths = facts.approvedTenths.RI + standingRiHours * 10;
  const ojlTenths = facts.approvedTenths.OJL + standingOjlHours * 10;
  const attainedKeys = new Set(facts.attained.map((a) => `${a.moduleKey}\u0000${a.competency}`));
  const modules = facts.modules.map((m) => ({
    key: m.key,
    title: m.title,
    attained: m.competencies.filter((c) => attainedKeys.has(`${m.key}\u0000${c}`)).length,
    of: m.competencies.length,
    testedOut: facts.standings.some((s) => s.moduleKey === m.key),
  }));
  const attained = modules.reduce((n, m) => n + m.attained, 0);
  const percent = { ri: pct(riTenths, riHours * 10), ojl: pct(ojlTenths, ojlHours * 10), competencies: pct(attained, competencies), overall: 0 };
  percent.overall = Math.floor((percent.ri + percent.ojl + percent.competencies) / 3);
  return {
    required: { riHours, ojlHours, competencies },
    credited: { riTenths, ojlTenths, standingRiHours, standingOjlHours },
    attained,
    percent,
    complete: riTenths >= riHours * 10 && ojlTenths >= ojlHours * 10 && attained >= competencies,
    modules,
  };
}

/** One competency per line of a module's text, as the curriculum lists them. */
export const competenciesOf = (text: string) =>
  text
    .split("\n")
    .map((c) => c.trim())
    .filter(Boolean);

// ─── wage steps ─────────────────────────────────────────────────────────────

export const WAGE_BASES = { HOURS: "On-the-job hours", COMPETENCIES: "Competencies attained" } as const;
export type WageBasis = keyof typeof WAGE_BASES;
export type WageStep = { position: number; label: string; basis: WageBasis; threshold: number; hourlyCents: number };

/** The highest step reached (steps in order; a step is reached when its threshold is met) and the next one. */
export function wageStepOf(steps: WageStep[], progress: Pick<Progress, "credited" | "attained">) {
  const ojlHours = Math.floor(progress.credited.ojlTenths / 10);
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const reached = (s: WageStep) => (s.basis === "HOURS" ? ojlHours >= s.threshold : progress.attained >= s.threshold);
  let current: WageStep | null = null;
  for (const step of ordered) {
    if (!reached(step)) break;
    current = step;
  }
  const next = ordered.find((s) => !reached(s)) ?? null;
  return { current, next, toNext: next ? (next.basis === "HOURS" ? next.threshold - ojlHours : next.threshold - progress.attained) : 0 };
}

export const formatWage = (cents: number) => `$${(cents / 100).toFixed(2)}/h`;

// ─── the Access & Opportunity dashboard ─────────────────────────────────────

export const STAGES = {
  applied: "Applied",
  enrolled: "Enrolled",
  retained6: "Retained 6 months",
  retained12: "Retained 12 months",
  completed: "Completed",
  placed: "Placed at exit",
} as const;
export type Stage = keyof typeof STAGES;
export const STAGE_KEYS = Object.keys(STAGES) as Stage[];
/** [later, earlier]: a later stage's count never exceeds the earlier one's, in any group. */
export const STAGE_NESTING: ReadonlyArray<readonly [number, number]> = [
  [1, 0],
  [2, 1],
  [3, 2],
  [4, 1],
  [5, 1],
];
/** Rates shown beside the counts: stage over its base. */
export const RATES: Array<{ key: string; label: string; of: Stage; over: Stage }> = [
  { key: "enrollment", label: "Enrollment rate", of: "enrolled", over: "applied" },
  { key: "retention6", label: "6-month retention", of: "retained6", over: "enrolled" },
  { key: "completion", label: "Completion rate", of: "completed", over: "enrolled" },
  { key: "placement", label: "Placement rate", of: "placed", over: "enrolled" },
];

export const BREAKDOWNS = {
  raceEthnicity: "Race and ethnicity",
  sex: "Sex",
  veteranStatus: "Veteran status",
  disabilityStatus: "Disability",
  ageBand: "Age",
  employer: "Employer",
  program: "Program",
} as const;
export type Breakdown = keyof typeof BREAKDOWNS;
export const BREAKDOWN_KEYS = Object.keys(BREAKDOWNS) as Breakdown[];

/** A rate in whole percent, or null when either count is hidden or the base is zero. */
export const rate = (of: number | null, over: number | null) => (of === null || over === null || over === 0 ? null : Math.round((of * 100) / over));

/** The median of whole cents, or null for an empty list. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

// ─── CSV import ─────────────────────────────────────────────────────────────

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of cells. Refuses an
 * unclosed quote. Whitespace around unquoted cells is trimmed.
 */
export function parseCsv(text: string): Parsed<string[][]> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let wasQuoted = false;
  const endCell = () => {
    row.push(wasQuoted ? cell : cell.trim());
    cell = "";
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"' && cell.trim() === "") {
      quoted = true;
      wasQuoted = true;
      cell = "";
    } else if (ch === ",") endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endCell();
      if (row.some((c) => c !== "")) rows.push(row);
      row = [];
    } else cell += ch;
  }
  if (quoted) return { ok: false, message: "A quoted cell is never closed." };
  endCell();
  if (row.some((c) => c !== "")) rows.push(row);
  return { ok: true, value: rows };
}

export const PARTICIPANT_COLUMNS = ["name", "email", "program", "employer", "applied_on", "start_date", "mentor_email", "race_ethnicity", "sex", "veteran_status", "disability", "age_band"] as const;
export const HOURS_COLUMNS = ["participant_email", "program", "week_of", "kind", "hours", "note"] as const;

/** A cell of a demographic question: the key or its label (any case); empty means "prefer not to say". */
function answerOf(question: keyof typeof DEMOGRAPHICS, text: string): Parsed<string> {
  const t = text.trim().toLowerCase();
  if (!t) return { ok: true, value: PREFER_NOT_TO_SAY };
  const found = Object.entries(DEMOGRAPHICS[question]).find(([k, label]) => k.toLowerCase() === t || label.toLowerCase() === t);
  return found ? { ok: true, value: found[0] } : { ok: false, message: `Unknown answer "${text}".` };
}

export type ParticipantRow = {
  name: string;
  email: string;
  program: string;
  employer: string;
  appliedOn: Date;
  startDate: Date | null;
  mentorEmail: string;
  raceEthnicity: RaceEthnicityAnswer[];
  sex: string;
  veteranStatus: string;
  disabilityStatus: string;
  ageBand: string;
};
export type RowCheck<T> = { ok: true; value: T } | { ok: false; errors: Array<{ column: string; message: string }> };

/** One participant row's own checks (names of programs, employers and mentors are resolved by the use case). */
export function checkParticipantRow(cells: Record<string, string>): RowCheck<ParticipantRow> {
  const errors: Array<{ column: string; message: string }> = [];
  const need = (column: string, max: number) => {
    const v = (cells[column] ?? "").trim();
    if (!v) errors.push({ column, message: "Required." });
    else if (v.length > max) errors.push({ column, message: `At most ${max} characters.` });
    return v;
  };
  const name = need("name", 200);
  const program = need("program", 200);
  const employer = need("employer", 200);
  const email = (cells.email ?? "").trim().toLowerCase();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push({ column: "email", message: "Not an email address." });
  const applied = parseCalendarDate(cells.applied_on ?? "");
  if (!applied.ok) errors.push({ column: "applied_on", message: applied.message });
  const startText = (cells.start_date ?? "").trim();
  const start = startText ? parseCalendarDate(startText) : null;
  if (start && !start.ok) errors.push({ column: "start_date", message: start.message });
  if (applied.ok && start?.ok && start.value < applied.value) errors.push({ column: "start_date", message: "Starts before the application." });
  // Categories by key or by label ("Asian;White", "HISPANIC_LATINO"), separated by ; or |.
  const race = checkRaceEthnicity(
    (cells.race_ethnicity ?? "")
      .split(/[;|]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const t = part.toLowerCase();
        if (t === "prefer not to say" || t === "prefer_not_to_say") return PREFER_NOT_TO_SAY;
        return Object.entries(RACE_ETHNICITY).find(([k, label]) => k.toLowerCase() === t || label.toLowerCase() === t)?.[0] ?? part;
      }),
  );
  if (!race.ok) errors.push({ column: "race_ethnicity", message: race.message });
  const answers = {
    sex: answerOf("sex", cells.sex ?? ""),
    veteranStatus: answerOf("veteranStatus", cells.veteran_status ?? ""),
    disabilityStatus: answerOf("disabilityStatus", cells.disability ?? ""),
    ageBand: answerOf("ageBand", cells.age_band ?? ""),
  };
  const columns = { sex: "sex", veteranStatus: "veteran_status", disabilityStatus: "disability", ageBand: "age_band" } as const;
  for (const [k, v] of Object.entries(answers)) if (!v.ok) errors.push({ column: columns[k as keyof typeof columns], message: v.message });
  if (errors.length || !applied.ok || !race.ok) return { ok: false, errors };
  const value = (p: Parsed<string>) => (p.ok ? p.value : PREFER_NOT_TO_SAY);
  return {
    ok: true,
    value: {
      name,
      email,
      program,
      employer,
      appliedOn: applied.value,
      startDate: start?.ok ? start.value : null,
      mentorEmail: (cells.mentor_email ?? "").trim().toLowerCase(),
      raceEthnicity: race.value,
      sex: value(answers.sex),
      veteranStatus: value(answers.veteranStatus),
      disabilityStatus: value(answers.disabilityStatus),
      ageBand: value(answers.ageBand),
    },
  };
}

export type HoursRow = { participantEmail: string; program: string; weekOf: Date; kind: "RI" | "OJL"; tenths: number; note: string };

export function checkHoursRow(cells: Record<string, string>): RowCheck<HoursRow> {
  const errors: Array<{ column: string; message: string }> = [];
  const participantEmail = (cells.participant_email ?? "").trim().toLowerCase();
  if (!participantEmail) errors.push({ column: "participant_email", message: "Required." });
  const program = (cells.program ?? "").trim();
  if (!program) errors.push({ column: "program", message: "Required." });
  const week = parseCalendarDate(cells.week_of ?? "");
  if (!week.ok) errors.push({ column: "week_of", message: week.message });
  else if (weekOf(week.value).getTime() !== week.value.getTime()) errors.push({ column: "week_of", message: "Give the Monday of the week." });
  const kind = (cells.kind ?? "").trim().toUpperCase();
  if (kind !== "RI" && kind !== "OJL") errors.push({ column: "kind", message: "RI (related instruction) or OJL (on the job)." });
  const hours = parseHours(cells.hours ?? "");
  if (!hours.ok) errors.push({ column: "hours", message: hours.message });
  const note = (cells.note ?? "").trim();
  if (note.length > 500) errors.push({ column: "note", message: "At most 500 characters." });
  if (errors.length || !week.ok || !hours.ok) return { ok: false, errors };
  return { ok: true, value: { participantEmail, program, weekOf: week.value, kind: kind as "RI" | "OJL", tenths: hours.value, note } };
}

/** Rows of cells keyed by the header's (lower-cased) names; refuses missing columns. */
export function keyedRows(rows: string[][], expected: readonly string[]): Parsed<Array<Record<string, string>>> {
  const [header, ...body] = rows;
  if (!header) return { ok: false, message: "The file is empty." };
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = expected.filter((c) => !names.includes(c) && !["email", "start_date", "mentor_email", "race_ethnicity", "sex", "veteran_status", "disability", "age_band", "note"].includes(c));
  if (missing.length) return { ok: false, message: `Missing columns: ${missing.join(", ")}. Expected: ${expected.join(", ")}.` };
  return { ok: true, value: body.map((cells) => Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ""]))) };
}
