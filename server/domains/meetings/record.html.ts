// The minutes of record and the agenda packet as HTML documents for the PDF printer (server/pdf). Pure:
// the record (record.ts) in, a string out; every value escaped. Times in the meeting's own zone.
import { Temporal } from "temporal-polyfill";
import { escapeHtml as e, pdfDocument } from "../../pdf/html.js";
import { SIDES } from "../partnerships/partnerships.schema.js";
import { RULE_LABELS, type Counts, type Tally } from "../voting/voting.rules.js";
import { CHOICE_LABELS } from "../voting/voting.schema.js";
import { DOCUMENT_TYPES, type DocumentMime } from "./documents.rules.js";
import { ACTION_STATUSES, AGENDA_ITEM_KINDS } from "./meetings.schema.js";
import type { Quorum } from "./meetings.rules.js";
import type { MeetingRecord } from "./record.js";
import { ATTENDANCE_WORDS, recordStamp } from "./record.rules.js";

const LOCALE = "en-US";
const zoned = (d: Date, zone: string) => Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(zone);
export const formatDateTime = (d: Date, zone: string) =>
  zoned(d, zone).toLocaleString(LOCALE, { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });
export const formatTime = (d: Date, zone: string) => zoned(d, zone).toLocaleString(LOCALE, { hour: "numeric", minute: "2-digit", timeZoneName: "short" });
export const formatDate = (d: Date, zone: string) => zoned(d, zone).toLocaleString(LOCALE, { year: "numeric", month: "short", day: "numeric" });

const OUTCOME_WORDS = { PASSED: "Passed", FAILED: "Failed", DEADLOCKED: "Deadlocked", NO_QUORUM: "No quorum" } as const;
const BALLOT_WORDS = { ROLL_CALL: "Roll call", SECRET: "Secret ballot" } as const;
const STATUS_WORDS = { MOVED: "Moved, waiting for a second", SECONDED: "Seconded, not yet put to a vote", OPEN: "Vote open", CLOSED: "Voted", WITHDRAWN: "Withdrawn", TABLED: "Tabled" } as const;

/** "met (labor 2 of 2 required, management 2 of 2)" */
export const quorumWords = (q: Pick<Quorum, "LABOR" | "MANAGEMENT" | "met">) =>
  `${q.met ? "met" : "not met"} (labor ${q.LABOR.present} present of ${q.LABOR.required} required, management ${q.MANAGEMENT.present} of ${q.MANAGEMENT.required})`;

/** The record's stamp, in the meeting's zone. */
export function stampOf(record: MeetingRecord): string {
  const { approval, meeting } = record;
  return recordStamp({
    approvedAt: approval.approvedAt,
    approvedBy: approval.approvedBy,
    names: approval.coChairs.map((c) => `${c.name} (${SIDES[c.side].toLowerCase()} co-chair)`),
    formatDate: (d) => formatDate(d, meeting.timeZone),
  });
}

function tallyTable(tally: Tally): string {
  const row = (label: string, c: Counts) => `<tr><th scope="row">${label}</th><td>${c.YES}</td><td>${c.NO}</td><td>${c.ABSTAIN}</td></tr>`;
  return `<table class="keep"><thead><tr><th scope="col">Side</th><th scope="col">Yes</th><th scope="col">No</th><th scope="col">Abstain</th></tr></thead><tbody>${row("Labor", tally.LABOR)}${row("Management", tally.MANAGEMENT)}${
    tally.NEUTRAL.YES + tally.NEUTRAL.NO + tally.NEUTRAL.ABSTAIN ? row("Neutral", tally.NEUTRAL) : ""
  }${row("Total", tally.total)}</tbody></table>`;
}

function motionHtml(m: MeetingRecord["motions"][number], record: MeetingRecord, number: string): string {
  const zone = record.meeting.timeZone;
  const amended = m.amendsMotionId ? record.motions.findIndex((x) => x.id === m.amendsMotionId) : -1;
  const parts = [
    `<h3>Motion ${number}${amended >= 0 ? ` (amendment to motion ${amended + 1})` : ""}: ${e(m.text)}</h3>`,
    m.rationale ? `<p class="muted pre">${e(m.rationale)}</p>` : "",
    `<p>Moved by ${m.movedBy ? `${e(m.movedBy.name)} (${SIDES[m.movedBy.side]})` : "—"}; seconded by ${m.secondedBy ? `${e(m.secondedBy.name)} (${SIDES[m.secondedBy.side]})` : "nobody"}.</p>`,
    ...m.friendlyAmendments.map((a) => `<p>Friendly amendment accepted at ${e(formatTime(a.at, zone))}: "${e(a.text)}"</p>`),
    `<p>${BALLOT_WORDS[m.ballotKind]}; rule: ${e(RULE_LABELS[m.rule])}. Status: ${STATUS_WORDS[m.status]}.</p>`,
  ];
  if (m.status === "CLOSED" && m.outcome) {
    parts.push(`<p><strong>Result: ${OUTCOME_WORDS[m.outcome]}</strong>${m.reason ? ` (${e(m.reason)})` : ""}. ${m.cast ?? 0} of ${m.eligible} voted.${m.closedAt ? ` Closed at ${e(formatTime(m.closedAt, zone))}.` : ""}</p>`);
    if (m.quorum) parts.push(`<p>Quorum at the vote: ${quorumWords(m.quorum)}.</p>`);
    if (m.tally) parts.push(tallyTable(m.tally));
    if (m.ballotKind === "SECRET") parts.push(`<p class="small muted">Secret ballot: counts only; no one's vote is recorded.</p>`);
    if (m.rollCall?.length) {
      parts.push(
        `<table class="keep"><thead><tr><th scope="col">Member</th><th scope="col">Side</th><th scope="col">Vote</th></tr></thead><tbody>${m.rollCall
          .map((v) => `<tr><td>${e(v.seat?.name ?? "A former member")}${v.castBy ? ` (cast by alternate ${e(v.castBy.name)})` : ""}</td><td>${v.seat ? SIDES[v.seat.side] : ""}</td><td>${CHOICE_LABELS[v.choice]}</td></tr>`)
          .join("")}</tbody></table>`,
      );
    }
  }
  if (m.resolution) parts.push(`<p>Deadlock settled: ${e(m.resolution)}</p>`);
  return `<div class="keep">${parts.join("")}</div>`;
}

/** The minutes of record as an HTML document. */
export function minutesHtml(record: MeetingRecord): string {
  const { meeting, attendance, items, motions, decisions, actionItems, caucusBreaks, approval } = record;
  const zone = meeting.timeZone;
  const itemTitle = new Map(items.map((i, index) => [i.id, `${index + 1}. ${i.title}`]));
  const roll = attendance
    .map(
      (r) =>
        `<tr><td>${e(r.name)}</td><td>${e(r.organizationName)}</td><td>${SIDES[r.side]}</td><td>${r.role === "CO_CHAIR" ? "Co-chair" : r.role === "MEMBER" ? (r.isVoting ? "Member" : "Member (advisory)") : r.role === "STAFF" ? "Staff" : "Observer"}</td><td>${ATTENDANCE_WORDS[r.status]}${r.isRecorded ? "" : " (not recorded)"}</td></tr>`,
    )
    .join("");
  const motionNumber = new Map(motions.map((m, i) => [m.id, String(i + 1)]));
  const itemBlocks = items
    .map((item) => {
      const ds = decisions.filter((d) => d.agendaItemId === item.id);
      const as = actionItems.filter((a) => a.agendaItemId === item.id);
      const ms = motions.filter((m) => m.agendaItemId === item.id);
      return `<div><h3>${e(itemTitle.get(item.id)!)} <span class="muted small">(${AGENDA_ITEM_KINDS[item.kind]}${item.presenter ? `, ${e(item.presenter)}` : ""})</span></h3>
        <p class="pre">${item.minutes ? e(item.minutes) : '<span class="muted">No minutes recorded.</span>'}</p>
        ${ms.length ? `<p>Motions, with their results below: ${ms.map((m) => `motion ${motionNumber.get(m.id)}${m.outcome ? ` (${OUTCOME_WORDS[m.outcome].toLowerCase()})` : ""}`).join(", ")}.</p>` : ""}
        ${ds.map((d) => `<p><strong>Decision:</strong> ${e(d.text)} <em class="muted">Quorum ${quorumWords(d.quorum)}.</em></p>`).join("")}
        ${as.map((a) => `<p><strong>Action:</strong> ${e(a.text)}: ${e(a.ownerName)}, due ${e(a.dueDate.toISOString().slice(0, 10))} (${ACTION_STATUSES[a.status].toLowerCase()})</p>`).join("")}</div>`;
    })
    .join("");
  const otherDecisions = decisions.filter((d) => !d.agendaItemId);
  const otherActions = actionItems.filter((a) => !a.agendaItemId);
  const approvalText = approval.approvedAt
    ? approval.approvedBy === "VOTE"
      ? `Approved on ${e(formatDate(approval.approvedAt, zone))} by a vote of the body${approval.byMotion ? `: motion "${e(approval.byMotion.text)}"${approval.byMotion.atMeeting ? ` at the meeting "${e(approval.byMotion.atMeeting.title)}" of ${e(formatDate(approval.byMotion.atMeeting.startsAt, zone))}` : ""}` : ""}.`
      : `Approved on ${e(formatDate(approval.approvedAt, zone))} by both co-chairs.`
    : "Not yet approved: a draft.";
  const html = `
  <header><p class="muted small">${e(record.partnership.name)} · ${e(record.body.name)}</p><h1>Minutes: ${e(meeting.title)}</h1>
  <p>${e(formatDateTime(meeting.startsAt, zone))}${meeting.location ? ` · ${e(meeting.location)}` : ""}</p>
  <p>${meeting.startedAt ? `Called to order at ${e(formatTime(meeting.startedAt, zone))}` : "Not started"}${meeting.adjournedAt ? `; adjourned at ${e(formatTime(meeting.adjournedAt, zone))}` : ""}.</p>
  <p class="stamp">${e(stampOf(record))}</p></header>
  <h2>Attendance</h2>
  <table><thead><tr><th scope="col">Name</th><th scope="col">Organization</th><th scope="col">Side</th><th scope="col">Seat</th><th scope="col">Attendance</th></tr></thead><tbody>${roll || '<tr><td colspan="5">Nobody is seated on this body.</td></tr>'}</tbody></table>
  <h2>Agenda and minutes</h2>${itemBlocks || '<p class="muted">No agenda items.</p>'}
  <h2>Motions and votes</h2>${motions.length ? motions.map((m, i) => motionHtml(m, record, String(i + 1))).join("") : '<p class="muted">No motions were made at this meeting.</p>'}
  ${otherDecisions.length || otherActions.length ? `<h2>Other decisions and action items</h2>${otherDecisions.map((d) => `<p><strong>Decision:</strong> ${e(d.text)} <em class="muted">Quorum ${quorumWords(d.quorum)}.</em></p>`).join("")}${otherActions.map((a) => `<p><strong>Action:</strong> ${e(a.text)}: ${e(a.ownerName)}, due ${e(a.dueDate.toISOString().slice(0, 10))} (${ACTION_STATUSES[a.status].toLowerCase()})</p>`).join("")}` : ""}
  <h2>Caucus breaks</h2>${caucusBreaks.length ? `<ul>${caucusBreaks.map((c) => `<li>${e(formatTime(c.startedAt, zone))} to ${c.endedAt ? e(formatTime(c.endedAt, zone)) : "(not ended)"}</li>`).join("")}</ul>` : '<p class="muted">None.</p>'}
  <h2>Approval of the minutes</h2><p>${approvalText}</p>
  ${approval.coChairs.map((c) => `<p>${SIDES[c.side]} co-chair: ${e(c.name)}, approved ${e(formatDate(c.at, zone))}</p>`).join("")}`;
  return pdfDocument(`Minutes: ${meeting.title}`, html);
}

export type PacketDocument = {
  id: string;
  agendaItemId: string;
  kind: "FILE" | "LINK";
  title: string;
  version: number;
  url: string | null;
  originalName: string | null;
  mimeType: DocumentMime | null;
  /** How the packet carries it: its pages appended, an image page, or only listed. */
  embed: "PAGES" | "IMAGE" | "LISTED";
  dataUrl?: string;
};

/** The agenda packet's own pages: the agenda with each item's documents, then image documents a page each. */
export function packetHtml(
  record: Pick<MeetingRecord, "meeting" | "body" | "partnership"> & { items: Array<{ id: string; title: string; kind: keyof typeof AGENDA_ITEM_KINDS; presenter: string; description: string; timeBoxMinutes: number; links: Array<{ label: string; url: string }> }> },
  documents: PacketDocument[],
  stamp: string,
): string {
  const { meeting, body, items } = record;
  const zone = meeting.timeZone;
  const how = (d: PacketDocument) =>
    d.kind === "LINK"
      ? `link: ${e(d.url ?? "")}`
      : d.embed === "PAGES"
        ? "PDF: its pages follow this agenda"
        : d.embed === "IMAGE"
          ? "image: on its own page after this agenda"
          : `${e(d.mimeType ? DOCUMENT_TYPES[d.mimeType] : "file")}: not included in this PDF (open it in Jointly)`;
  const blocks = items
    .map((item, index) => {
      const docs = documents.filter((d) => d.agendaItemId === item.id);
      return `<div class="keep"><h3>${index + 1}. ${e(item.title)} <span class="muted small">(${AGENDA_ITEM_KINDS[item.kind]}, ${item.timeBoxMinutes} min${item.presenter ? `, ${e(item.presenter)}` : ""})</span></h3>
      ${item.description ? `<p class="pre">${e(item.description)}</p>` : ""}
      ${item.links.length ? `<p>Links: ${item.links.map((l) => `${e(l.label)} (${e(l.url)})`).join("; ")}</p>` : ""}
      ${docs.length ? `<p><strong>Documents:</strong></p><ul>${docs.map((d) => `<li>${e(d.title)} (version ${d.version}; ${how(d)})</li>`).join("")}</ul>` : ""}</div>`;
    })
    .join("");
  const listed = documents.filter((d) => d.embed === "LISTED" && d.kind === "FILE");
  const images = documents.filter((d) => d.embed === "IMAGE" && d.dataUrl);
  const html = `
  <header><p class="muted small">${e(record.partnership.name)} · ${e(body.name)}</p><h1>Agenda packet: ${e(meeting.title)}</h1>
  <p>${e(formatDateTime(meeting.startsAt, zone))}${meeting.location ? ` · ${e(meeting.location)}` : ""}</p><p class="stamp">${e(stamp)}</p></header>
  <h2>Agenda</h2>${blocks || '<p class="muted">No accepted agenda items yet.</p>'}
  ${listed.length ? `<h2>Documents not included in this PDF</h2><p>These files cannot be embedded in a PDF; open them on the meeting's page in Jointly:</p><ul>${listed.map((d) => `<li>${e(d.title)} (${e(d.originalName ?? "")}, ${e(d.mimeType ? DOCUMENT_TYPES[d.mimeType] : "file")}, version ${d.version})</li>`).join("")}</ul>` : ""}
  ${images.map((d) => `<section class="page-break"><h2>${e(d.title)}</h2><img class="doc" alt="${e(d.title)}" src="${d.dataUrl}"></section>`).join("")}`;
  return pdfDocument(`Agenda packet: ${meeting.title}`, html);
}
