// The meeting's PDFs: the minutes of record, and the agenda packet (the agenda, then the pages of
// every PDF attached to its items, images a page each, other files listed). Both read through the
// same permission-checked reads as the pages (any seat on the body; NOT_FOUND for everyone else).
import type { AppDeps } from "../../deps.js";
import { readerLocale, serverWords, type ServerWords } from "../../i18n.js";
import { appendPdfs, canEmbedPdf, type PdfRenderer } from "../../pdf/pdf.js";
import { readPacketDocuments } from "./documents.js";
import { getMeeting } from "./meetings.reads.js";
import type { MeetingIdInput } from "./meetings.schema.js";
import { getMeetingRecord } from "./record.js";
import { formatDate, minutesHtml, packetHtml, stampOf, type PacketDocument } from "./record.html.js";

type PdfDeps = Pick<AppDeps, "db" | "access"> & { pdf: PdfRenderer };
type Call = { userId: string; input: MeetingIdInput };

/** Page numbers and the attached pages' line in the reader's language. */
const frameWords = ({ t }: ServerWords) => ({ pageOf: t("common:pdf.pageOf", { page: "{{page}}", total: "{{total}}" }), attached: t("common:pdf.attached", { name: "{{name}}" }) });

/** "minutes-2026-12-03-joint-board.pdf" */
const fileName = (kind: string, title: string, startsAt: Date) =>
  `${kind}-${startsAt.toISOString().slice(0, 10)}-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "meeting"}.pdf`;

export async function minutesPdf(deps: PdfDeps, { userId, input }: Call) {
  const record = await getMeetingRecord(deps, { userId, input });
  // In the downloader's language (their profile's), as the meeting's .ics.
  const words = serverWords(await readerLocale(deps.db, userId));
  const bytes = await deps.pdf.render(minutesHtml(record, words), {
    partnershipName: record.partnership.name,
    stamp: stampOf(record, words),
    title: words.t("meetings:record.title", { title: record.meeting.title }),
    ...frameWords(words),
  });
  return { bytes, fileName: fileName("minutes", record.meeting.title, record.meeting.startsAt) };
}

export async function meetingPacketPdf(deps: PdfDeps, { userId, input }: Call) {
  const view = await getMeeting(deps, { userId, input });
  const words = serverWords(await readerLocale(deps.db, userId));
  const { meeting, body, agenda } = view;
  const partnership = await deps.db.partnership.findUniqueOrThrow({ where: { id: meeting.partnershipId }, select: { id: true, name: true } });
  const stored = await readPacketDocuments(deps.db, meeting.id);
  const documents: PacketDocument[] = [];
  const appended: Array<{ name: string; bytes: Uint8Array }> = [];
  for (const item of agenda.items) {
    for (const d of stored.filter((x) => x.agendaItemId === item.id)) {
      const { bytes, ...rest } = d;
      if (d.kind === "FILE" && bytes && d.mimeType === "application/pdf" && (await canEmbedPdf(bytes))) {
        documents.push({ ...rest, embed: "PAGES" });
        appended.push({ name: d.title, bytes });
      } else if (d.kind === "FILE" && bytes && (d.mimeType === "image/png" || d.mimeType === "image/jpeg")) {
        documents.push({ ...rest, embed: "IMAGE", dataUrl: `data:${d.mimeType};base64,${Buffer.from(bytes).toString("base64")}` });
      } else {
        documents.push({ ...rest, embed: "LISTED" });
      }
    }
  }
  const approvers = agenda.approvals.filter((a) => a.version === agenda.version);
  const stamp = agenda.isPublished
    ? words.t("meetings:packet.stampAgenda", {
        date: formatDate(approvers.at(-1)?.createdAt ?? meeting.startsAt, meeting.timeZone, words.intl),
        names: new Intl.ListFormat(words.intl, { type: "conjunction" }).format(approvers.map((a) => a.userName)),
      })
    : words.t("meetings:packet.stampAgendaDraft");
  const html = packetHtml({ meeting: { ...meeting, status: meeting.status, adjournedAt: meeting.adjournedAt }, body, partnership, items: agenda.items }, documents, stamp, words);
  const frame = { partnershipName: partnership.name, stamp, title: words.t("meetings:packet.title", { title: meeting.title }), ...frameWords(words) };
  const first = await deps.pdf.render(html, frame, { numberPages: false });
  const { bytes } = await appendPdfs(first, appended, frame);
  return { bytes, fileName: fileName("agenda-packet", meeting.title, meeting.startsAt) };
}
