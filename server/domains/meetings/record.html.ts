// The minutes of record and the agenda packet as HTML documents for the PDF printer (server/pdf), in
// the reader's language (decision 0018: the catalogs' meetings:record.* and packet.*, the same words as
// the printable page). Pure: the record (record.ts) and the reader's words in, a string out; every
// value escaped. Times in the meeting's own zone.
import { Temporal } from "temporal-polyfill";
import { escapeHtml as e, pdfDocument, sentenceHtml } from "../../pdf/html.js";
import type { ServerWords } from "../../i18n.js";
import { reasonIn, type Counts, type Tally } from "../voting/voting.rules.js";
import { DOCUMENT_TYPE_KEYS, type DocumentMime } from "./documents.rules.js";
import type { AgendaItemKind } from "./meetings.schema.js";
import type { Quorum } from "./meetings.rules.js";
import type { MeetingRecord } from "./record.js";
import { decisionText } from "./record.rules.js";

const zoned = (d: Date, zone: string) => Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(zone);
export const formatDateTime = (d: Date, zone: string, intl: string) =>
  zoned(d, zone).toLocaleString(intl, { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });
export const formatTime = (d: Date, zone: string, intl: string) => zoned(d, zone).toLocaleString(intl, { hour: "numeric", minute: "2-digit", timeZoneName: "short" });
export const formatDate = (d: Date, zone: string, intl: string) => zoned(d, zone).toLocaleString(intl, { year: "numeric", month: "short", day: "numeric" });
/** A calendar date kept at 00:00 UTC (an action item's due date). */
const formatDueDate = (d: Date, intl: string) => d.toLocaleDateString(intl, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** "met (labor 2 present of 2 required, management 2 of 2)" */
export function quorumWords({ t }: ServerWords, q: Pick<Quorum, "LABOR" | "MANAGEMENT" | "met">): string {
  const values = { laborPresent: q.LABOR.present, laborRequired: q.LABOR.required, managementPresent: q.MANAGEMENT.present, managementRequired: q.MANAGEMENT.required };
  return q.met ? t("meetings:record.quorumMet", values) : t("meetings:record.quorumNotMet", values);
}

/** The record's stamp (every page's header), in the meeting's zone: a draft, or approved on a date by whom. */
export function stampOf(record: MeetingRecord, words: ServerWords): string {
  const { t, intl } = words;
  const { approval, meeting } = record;
  if (!approval.approvedAt) return t("meetings:packet.stampMinutesDraft");
  const date = formatDate(approval.approvedAt, meeting.timeZone, intl);
  if (approval.approvedBy === "VOTE") return t("meetings:packet.stampMinutesVote", { date });
  if (!approval.coChairs.length) return t("meetings:packet.stampMinutesCoChairs", { date });
  const names = new Intl.ListFormat(intl, { type: "conjunction" }).format(approval.coChairs.map((c) => t(`meetings:packet.coChairNamed.${c.side}`, { name: c.name })));
  return t("meetings:packet.stampMinutesNames", { date, names });
}

function tallyTable({ t }: ServerWords, tally: Tally): string {
  const row = (label: string, c: Counts) => `<tr><th scope="row">${e(label)}</th><td>${c.YES}</td><td>${c.NO}</td><td>${c.ABSTAIN}</td></tr>`;
  const head = ["meetings:record.side", "meetings:record.choice.YES", "meetings:record.choice.NO", "meetings:record.choice.ABSTAIN"].map((k) => `<th scope="col">${e(t(k))}</th>`).join("");
  return `<table class="keep"><thead><tr>${head}</tr></thead><tbody>${row(t("meetings:record.sides.LABOR"), tally.LABOR)}${row(t("meetings:record.sides.MANAGEMENT"), tally.MANAGEMENT)}${
    tally.NEUTRAL.YES + tally.NEUTRAL.NO + tally.NEUTRAL.ABSTAIN ? row(t("meetings:record.sides.NEUTRAL"), tally.NEUTRAL) : ""
  }${row(t("meetings:record.total"), tally.total)}</tbody></table>`;
}

function motionHtml(words: ServerWords, m: MeetingRecord["motions"][number], record: MeetingRecord, number: number): string {
  const { t, intl } = words;
  const zone = record.meeting.timeZone;
  const amended = m.amendsMotionId ? record.motions.findIndex((x) => x.id === m.amendsMotionId) : -1;
  const person = (p: { name: string; side: "LABOR" | "MANAGEMENT" | "NEUTRAL" } | null) => (p ? t("meetings:record.personSide", { name: p.name, side: t(`meetings:record.sides.${p.side}`) }) : null);
  const parts = [
    `<h3>${e(amended >= 0 ? t("meetings:record.motionAmends", { number, amends: amended + 1, text: m.text }) : t("meetings:record.motion", { number, text: m.text }))}</h3>`,
    m.rationale ? `<p class="muted pre">${e(m.rationale)}</p>` : "",
    `<p>${e(t("meetings:record.movedSeconded", { mover: person(m.movedBy) ?? "—", seconder: person(m.secondedBy) ?? t("meetings:record.nobody") }))}</p>`,
    ...m.friendlyAmendments.map((a) => `<p>${sentenceHtml(t, "meetings:record.friendly", { text: a.text }, { time: e(formatTime(a.at, zone, intl)) })}</p>`),
    `<p>${e(
      t("meetings:record.ballotRuleStatus", {
        ballot: m.ballotKind === "SECRET" ? t("meetings:record.secret") : t("meetings:record.rollCallKind"),
        rule: t(`meetings:record.rules.${m.rule}`),
        status: t(`meetings:record.statuses.${m.status}`),
      }),
    )}</p>`,
  ];
  if (m.status === "CLOSED" && m.outcome) {
    const reason = m.why ? reasonIn(t, m.why) : m.reason ? t(m.reason, { ns: "errors", keySeparator: false, nsSeparator: false, defaultValue: m.reason }) : null;
    const closed = m.closedAt ? ` ${e(t("meetings:packet.closedAt", { time: formatTime(m.closedAt, zone, intl) }))}` : "";
    parts.push(`<p><strong>${e(t("meetings:record.result", { outcome: t(`meetings:record.outcomes.${m.outcome}`) }))}</strong>${reason ? ` (${e(reason)})` : ""}. ${e(t("meetings:record.voted", { cast: m.cast ?? 0, eligible: m.eligible }))}${closed}</p>`);
    if (m.quorum) parts.push(`<p>${e(t("meetings:record.quorumAtVote", { quorum: quorumWords(words, m.quorum) }))}</p>`);
    if (m.tally) parts.push(tallyTable(words, m.tally));
    if (m.ballotKind === "SECRET") parts.push(`<p class="small muted">${e(t("meetings:record.secretNote"))}</p>`);
    if (m.rollCall?.length) {
      const head = ["meetings:record.member", "meetings:record.side", "meetings:record.vote"].map((k) => `<th scope="col">${e(t(k))}</th>`).join("");
      parts.push(
        `<table class="keep"><thead><tr>${head}</tr></thead><tbody>${m.rollCall
          .map(
            (v) =>
              `<tr><td>${e(v.seat?.name ?? t("meetings:record.formerMember"))}${v.castBy ? ` ${e(t("meetings:record.castBy", { name: v.castBy.name }))}` : ""}</td><td>${v.seat ? e(t(`meetings:record.sides.${v.seat.side}`)) : ""}</td><td>${e(t(`meetings:record.choice.${v.choice}`))}</td></tr>`,
          )
          .join("")}</tbody></table>`,
      );
    }
  }
  if (m.resolution) parts.push(`<p>${e(t("meetings:record.resolution", { text: m.resolution }))}</p>`);
  return `<div class="keep">${parts.join("")}</div>`;
}

const kindWords = ({ t }: ServerWords, kind: AgendaItemKind, presenter: string) =>
  presenter ? t("meetings:record.kindPresenter", { kind: t(`meetings:kinds.${kind}`), presenter }) : t("meetings:record.kind", { kind: t(`meetings:kinds.${kind}`) });

/** The minutes of record as an HTML document. */
export function minutesHtml(record: MeetingRecord, words: ServerWords): string {
  const { t, intl, locale } = words;
  const { meeting, attendance, items, motions, decisions, actionItems, caucusBreaks, approval } = record;
  const zone = meeting.timeZone;
  const time = (d: Date) => e(formatTime(d, zone, intl));
  const date = (d: Date) => e(formatDate(d, zone, intl));
  const seat = (r: (typeof attendance)[number]) => (r.role === "MEMBER" && !r.isVoting ? t("meetings:record.advisory") : t(`meetings:record.seats.${r.role}`));
  const presence = (r: (typeof attendance)[number]) =>
    r.isRecorded ? t(`meetings:record.attendanceWords.${r.status}`) : t("meetings:record.notRecorded", { status: t(`meetings:record.attendanceWords.${r.status}`) });
  const roll = attendance
    .map((r) => `<tr><td>${e(r.name)}</td><td>${e(r.organizationName)}</td><td>${e(t(`meetings:record.sides.${r.side}`))}</td><td>${e(seat(r))}</td><td>${e(presence(r))}</td></tr>`)
    .join("");
  const motionNumber = new Map(motions.map((m, i) => [m.id, i + 1]));
  const decisionHtml = (d: (typeof decisions)[number]) =>
    `<p>${sentenceHtml(t, "meetings:record.decision", { text: decisionText(t, d), quorum: quorumWords(words, d.quorum) }, { label: (x) => `<strong>${x}</strong>`, note: (x) => `<em class="muted">${x}</em>` })}</p>`;
  const actionHtml = (a: (typeof actionItems)[number]) =>
    `<p>${sentenceHtml(
      t,
      "meetings:record.action",
      { text: a.text, owner: a.ownerName, due: formatDueDate(a.dueDate, intl), status: t(`meetings:record.actionStatus.${a.status}`) },
      { label: (x) => `<strong>${x}</strong>` },
    )}</p>`;
  const itemBlocks = items
    .map((item, index) => {
      const ms = motions.filter((m) => m.agendaItemId === item.id);
      const numbers = ms
        .map((m) => (m.outcome ? t("meetings:record.numberWithOutcome", { number: motionNumber.get(m.id), outcome: t(`meetings:record.outcomes.${m.outcome}`).toLocaleLowerCase(intl) }) : String(motionNumber.get(m.id))))
        .join(", ");
      return `<div><h3>${e(t("meetings:live.numbered", { number: index + 1, title: item.title }))} <span class="muted small">${e(kindWords(words, item.kind, item.presenter))}</span></h3>
        <p class="pre">${item.minutes ? e(item.minutes) : `<span class="muted">${e(t("meetings:record.noMinutes"))}</span>`}</p>
        ${ms.length ? `<p>${e(t("meetings:record.itemMotions", { count: ms.length, numbers }))}</p>` : ""}
        ${decisions.filter((d) => d.agendaItemId === item.id).map(decisionHtml).join("")}
        ${actionItems.filter((a) => a.agendaItemId === item.id).map(actionHtml).join("")}</div>`;
    })
    .join("");
  const otherDecisions = decisions.filter((d) => !d.agendaItemId);
  const otherActions = actionItems.filter((a) => !a.agendaItemId);
  const dateTag: Record<string, string> = approval.approvedAt ? { date: date(approval.approvedAt) } : {};
  const approvalText = !approval.approvedAt
    ? e(t("meetings:record.notApproved"))
    : approval.approvedBy !== "VOTE"
      ? sentenceHtml(t, "meetings:record.approvedCoChairs", {}, dateTag)
      : approval.byMotion?.atMeeting
        ? sentenceHtml(t, "meetings:record.approvedVoteMotionAt", { motion: approval.byMotion.text, meeting: approval.byMotion.atMeeting.title }, dateTag)
        : approval.byMotion
          ? sentenceHtml(t, "meetings:record.approvedVoteMotion", { motion: approval.byMotion.text }, dateTag)
          : sentenceHtml(t, "meetings:record.approvedVote", {}, dateTag);
  const called = meeting.startedAt
    ? meeting.adjournedAt
      ? sentenceHtml(t, "meetings:record.calledAdjourned", {}, { start: time(meeting.startedAt), end: time(meeting.adjournedAt) })
      : sentenceHtml(t, "meetings:record.called", {}, { start: time(meeting.startedAt) })
    : e(t("meetings:packet.notStarted"));
  const head = ["meetings:record.name", "meetings:record.organization", "meetings:record.side", "meetings:record.seat", "meetings:record.attendance"].map((k) => `<th scope="col">${e(t(k))}</th>`).join("");
  const html = `
  <header><p class="muted small">${e(record.partnership.name)} · ${e(record.body.name)}</p><h1>${e(t("meetings:record.title", { title: meeting.title }))}</h1>
  <p>${e(formatDateTime(meeting.startsAt, zone, intl))}${meeting.location ? ` · ${e(meeting.location)}` : ""}</p>
  <p>${called}</p>
  <p class="stamp">${e(stampOf(record, words))}</p></header>
  <h2>${e(t("meetings:record.attendance"))}</h2>
  <table><thead><tr>${head}</tr></thead><tbody>${roll || `<tr><td colspan="5">${e(t("meetings:record.nobodySeated"))}</td></tr>`}</tbody></table>
  <h2>${e(t("meetings:record.agendaAndMinutes"))}</h2>${itemBlocks || `<p class="muted">${e(t("meetings:record.noItems"))}</p>`}
  <h2>${e(t("meetings:record.motionsAndVotes"))}</h2>${motions.length ? motions.map((m, i) => motionHtml(words, m, record, i + 1)).join("") : `<p class="muted">${e(t("meetings:record.noMotions"))}</p>`}
  ${otherDecisions.length || otherActions.length ? `<h2>${e(t("meetings:record.other"))}</h2>${otherDecisions.map(decisionHtml).join("")}${otherActions.map(actionHtml).join("")}` : ""}
  <h2>${e(t("meetings:record.caucusBreaks"))}</h2>${
    caucusBreaks.length
      ? `<ul>${caucusBreaks.map((c) => `<li>${c.endedAt ? sentenceHtml(t, "meetings:record.caucusFromTo", {}, { start: time(c.startedAt), end: time(c.endedAt) }) : sentenceHtml(t, "meetings:record.caucusNotEnded", {}, { start: time(c.startedAt) })}</li>`).join("")}</ul>`
      : `<p class="muted">${e(t("meetings:record.none"))}</p>`
  }
  <h2>${e(t("meetings:record.approvalHeading"))}</h2><p>${approvalText}</p>
  ${approval.coChairs
    .map((c) => `<p>${sentenceHtml(t, c.side === "LABOR" ? "meetings:record.coChairApprovedLabor" : "meetings:record.coChairApprovedManagement", { name: c.name }, { date: date(c.at) })}</p>`)
    .join("")}`;
  return pdfDocument(t("meetings:record.title", { title: meeting.title }), html, locale);
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
  record: Pick<MeetingRecord, "meeting" | "body" | "partnership"> & { items: Array<{ id: string; title: string; kind: AgendaItemKind; presenter: string; description: string; timeBoxMinutes: number; links: Array<{ label: string; url: string }> }> },
  documents: PacketDocument[],
  stamp: string,
  words: ServerWords,
): string {
  const { t, intl, locale } = words;
  const { meeting, body, items } = record;
  const zone = meeting.timeZone;
  const type = (d: PacketDocument) => (d.mimeType ? t(`meetings:documents.types.${DOCUMENT_TYPE_KEYS[d.mimeType]}`) : t("meetings:packet.file"));
  const how = (d: PacketDocument) =>
    d.kind === "LINK"
      ? t("meetings:packet.howLink", { url: d.url ?? "" })
      : d.embed === "PAGES"
        ? t("meetings:packet.howPages")
        : d.embed === "IMAGE"
          ? t("meetings:packet.howImage")
          : t("meetings:packet.howListed", { type: type(d) });
  const blocks = items
    .map((item, index) => {
      const docs = documents.filter((d) => d.agendaItemId === item.id);
      const kind = item.presenter
        ? t("meetings:packet.kindTimePresenter", { kind: t(`meetings:kinds.${item.kind}`), minutes: item.timeBoxMinutes, presenter: item.presenter })
        : t("meetings:packet.kindTime", { kind: t(`meetings:kinds.${item.kind}`), minutes: item.timeBoxMinutes });
      return `<div class="keep"><h3>${e(t("meetings:live.numbered", { number: index + 1, title: item.title }))} <span class="muted small">${e(kind)}</span></h3>
      ${item.description ? `<p class="pre">${e(item.description)}</p>` : ""}
      ${item.links.length ? `<p>${e(t("meetings:packet.links", { links: item.links.map((l) => `${l.label} (${l.url})`).join("; ") }))}</p>` : ""}
      ${docs.length ? `<p><strong>${e(t("meetings:packet.documents"))}</strong></p><ul>${docs.map((d) => `<li>${e(t("meetings:packet.document", { title: d.title, version: d.version, how: how(d) }))}</li>`).join("")}</ul>` : ""}</div>`;
    })
    .join("");
  const listed = documents.filter((d) => d.embed === "LISTED" && d.kind === "FILE");
  const images = documents.filter((d) => d.embed === "IMAGE" && d.dataUrl);
  const html = `
  <header><p class="muted small">${e(record.partnership.name)} · ${e(body.name)}</p><h1>${e(t("meetings:packet.title", { title: meeting.title }))}</h1>
  <p>${e(formatDateTime(meeting.startsAt, zone, intl))}${meeting.location ? ` · ${e(meeting.location)}` : ""}</p><p class="stamp">${e(stamp)}</p></header>
  <h2>${e(t("meetings:agenda.title"))}</h2>${blocks || `<p class="muted">${e(t("meetings:packet.noItems"))}</p>`}
  ${
    listed.length
      ? `<h2>${e(t("meetings:packet.notIncluded"))}</h2><p>${e(t("meetings:packet.notIncludedIntro"))}</p><ul>${listed
          .map((d) => `<li>${e(t("meetings:packet.listedDocument", { title: d.title, name: d.originalName ?? "", type: type(d), version: d.version }))}</li>`)
          .join("")}</ul>`
      : ""
  }
  ${images.map((d) => `<section class="page-break"><h2>${e(d.title)}</h2><img class="doc" alt="${e(d.title)}" src="${d.dataUrl}"></section>`).join("")}`;
  return pdfDocument(t("meetings:packet.title", { title: meeting.title }), html, locale);
}
