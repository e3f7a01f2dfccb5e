// Documents on agenda items: files (stored in the database, so any process serves them) and links,
// each replacement a new numbered version with the earlier ones kept. Attached by the co-chairs and
// the item's presenter; seen by anyone seated on the body (the permission layer answers NOT_FOUND to
// everyone else). documents.http.ts is the HTTP door for the files.
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import type { AddDocumentLinkInput, ReviseDocumentLinkInput } from "./documents.schema.js";
import { checkDocumentFile, checkDocumentTitle, MAX_DOCUMENTS_PER_ITEM, MAX_VERSIONS_PER_DOCUMENT, type DocumentMime } from "./documents.rules.js";
import { lockMeeting, meetingChanged, requireItemActor, requireMeetingActor, type MeetingsDeps } from "./meetings.guards.js";
import { allowOrThrow, mayAttachDocument, type MeetingActor, type MeetingState } from "./meetings.policy.js";
import type { MeetingIdInput } from "./meetings.schema.js";

type FileDeps = MeetingsDeps & { config: Pick<AppDeps["config"], "MAX_ATTACHMENT_BYTES"> };
type Call<T> = { userId: string; input: T };

const fieldError = (field: string, message: string) => new AppError("BAD_REQUEST", message, { fieldErrors: { [field]: [message] } });
const ITEM_GONE = "This agenda item is no longer on the agenda.";

/** The item under the meeting's lock (it must still be proposed or accepted), and whether the asker presents it. */
async function lockedItemFor(tx: Tx, meetingId: string, itemId: string, userId: string) {
  const item = await tx.agendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true, status: true, proposedById: true } });
  if (!item || item.meetingId !== meetingId) throw notFound("Agenda item");
  if (item.status === "REJECTED") throw new AppError("PRECONDITION_FAILED", ITEM_GONE);
  return { isPresenter: item.proposedById === userId };
}

/** Checks the asker may attach to the item: before the transaction, then again on the locked rows inside it. */
async function guardAttach(tx: Tx | null, deps: MeetingsDeps, { actor, meeting, itemId, userId }: { actor: MeetingActor; meeting: MeetingState & { id: string }; itemId: string; userId: string }) {
  if (!tx) {
    const item = await deps.db.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { proposedById: true } });
    allowOrThrow(mayAttachDocument(actor, meeting, { isPresenter: item.proposedById === userId }));
    return;
  }
  const fresh = await lockMeeting(tx, meeting.id);
  allowOrThrow(mayAttachDocument(actor, fresh, await lockedItemFor(tx, meeting.id, itemId, userId)));
}

/** A new file document on an agenda item (version 1). */
export async function addDocumentFile(deps: FileDeps, { userId, input }: Call<{ itemId: string; fileName: string; title: string; bytes: Uint8Array }>) {
  const { itemId, meeting, actor } = await requireItemActor(deps, userId, input.itemId);
  await guardAttach(null, deps, { actor, meeting, itemId, userId });
  const file = checkDocumentFile({ name: input.fileName, bytes: input.bytes, maxBytes: deps.config.MAX_ATTACHMENT_BYTES });
  if (!file.ok) throw fieldError("file", file.message);
  const title = checkDocumentTitle(input.title, file.value.name);
  if (!title.ok) throw fieldError("title", title.message);
  return inTransaction(deps, async (tx, effects) => {
    await guardAttach(tx, deps, { actor, meeting, itemId, userId });
    await requireRoomOnItem(tx, itemId);
    const document = await tx.agendaDocument.create({
      data: {
        meetingId: meeting.id,
        agendaItemId: itemId,
        kind: "FILE",
        title: title.value,
        createdById: userId,
        versions: { create: { number: 1, ...fileVersion(file.value, input.bytes, userId) } },
      },
      select: { id: true },
    });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.documentAdded", subjectType: "AgendaDocument", subjectId: document.id, data: { itemId, kind: "FILE" } });
    meetingChanged(effects, meeting.id, "documents");
    return { id: document.id, version: 1 };
  });
}

/** A new version of a file document (earlier versions are kept). */
export async function addDocumentVersion(deps: FileDeps, { userId, input }: Call<{ documentId: string; fileName: string; bytes: Uint8Array }>) {
  const found = await requireDocument(deps, userId, input.documentId);
  const { actor, meeting } = found;
  await guardAttach(null, deps, { actor, meeting, itemId: found.document.agendaItemId, userId });
  if (found.document.kind !== "FILE") throw new AppError("BAD_REQUEST", "This document is a link: give its new address instead.");
  const file = checkDocumentFile({ name: input.fileName, bytes: input.bytes, maxBytes: deps.config.MAX_ATTACHMENT_BYTES });
  if (!file.ok) throw fieldError("file", file.message);
  return inTransaction(deps, async (tx, effects) => {
    await guardAttach(tx, deps, { actor, meeting, itemId: found.document.agendaItemId, userId });
    const number = await nextVersion(tx, found.document.id);
    await tx.agendaDocumentVersion.create({ data: { documentId: found.document.id, number, ...fileVersion(file.value, input.bytes, userId) } });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.documentRevised", subjectType: "AgendaDocument", subjectId: found.document.id, data: { version: number } });
    meetingChanged(effects, meeting.id, "documents");
    return { id: found.document.id, version: number };
  });
}

/** A link on an agenda item (version 1). */
export async function addDocumentLink(deps: MeetingsDeps, { userId, input }: Call<AddDocumentLinkInput>) {
  const { itemId, meeting, actor } = await requireItemActor(deps, userId, input.itemId);
  await guardAttach(null, deps, { actor, meeting, itemId, userId });
  return inTransaction(deps, async (tx, effects) => {
    await guardAttach(tx, deps, { actor, meeting, itemId, userId });
    await requireRoomOnItem(tx, itemId);
    const document = await tx.agendaDocument.create({
      data: { meetingId: meeting.id, agendaItemId: itemId, kind: "LINK", title: input.title, createdById: userId, versions: { create: { number: 1, url: input.url, uploadedById: userId } } },
      select: { id: true },
    });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.documentAdded", subjectType: "AgendaDocument", subjectId: document.id, data: { itemId, kind: "LINK" } });
    meetingChanged(effects, meeting.id, "documents");
    return { id: document.id, version: 1 };
  });
}

/** A new address for a link document: a new version (the earlier addresses are kept). */
export async function reviseDocumentLink(deps: MeetingsDeps, { userId, input }: Call<ReviseDocumentLinkInput>) {
  const found = await requireDocument(deps, userId, input.documentId);
  const { actor, meeting } = found;
  await guardAttach(null, deps, { actor, meeting, itemId: found.document.agendaItemId, userId });
  if (found.document.kind !== "LINK") throw new AppError("BAD_REQUEST", "This document is a file: upload its new version instead.");
  return inTransaction(deps, async (tx, effects) => {
    await guardAttach(tx, deps, { actor, meeting, itemId: found.document.agendaItemId, userId });
    const number = await nextVersion(tx, found.document.id);
    await tx.agendaDocumentVersion.create({ data: { documentId: found.document.id, number, url: input.url, uploadedById: userId } });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.documentRevised", subjectType: "AgendaDocument", subjectId: found.document.id, data: { version: number } });
    meetingChanged(effects, meeting.id, "documents");
    return { id: found.document.id, version: number };
  });
}

/** The documents of a meeting's agenda, per item, with every version and what the viewer may do. */
export async function listDocuments(deps: Pick<AppDeps, "db" | "access">, { userId, input }: Call<MeetingIdInput>) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  const [items, documents] = await Promise.all([
    deps.db.agendaItem.findMany({ where: { meetingId: meeting.id, status: { in: ["ACCEPTED", "PROPOSED"] } }, select: { id: true, proposedById: true } }),
    deps.db.agendaDocument.findMany({
      where: { meetingId: meeting.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        agendaItemId: true,
        kind: true,
        title: true,
        currentVersion: true,
        versions: { orderBy: { number: "desc" }, select: { number: true, url: true, originalName: true, mimeType: true, sizeBytes: true, uploadedById: true, createdAt: true } },
      },
    }),
  ]);
  const uploaderIds = [...new Set(documents.flatMap((d) => d.versions.map((v) => v.uploadedById)))];
  const names = new Map((await deps.db.user.findMany({ where: { id: { in: uploaderIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return items.map((item) => ({
    itemId: item.id,
    canAttach: mayAttachDocument(actor, meeting, { isPresenter: item.proposedById === userId }).ok,
    documents: documents
      .filter((d) => d.agendaItemId === item.id)
      .map((d) => ({
        id: d.id,
        kind: d.kind as "FILE" | "LINK",
        title: d.title,
        currentVersion: d.currentVersion,
        versions: d.versions.map(({ uploadedById, ...v }) => ({ ...v, mimeType: v.mimeType as DocumentMime | null, uploadedByName: names.get(uploadedById) ?? "A former member" })),
      })),
  }));
}

/** A stored version's file, for anyone seated on the meeting's body. */
export async function getDocumentFile(deps: Pick<AppDeps, "db" | "access">, { userId, input }: Call<{ documentId: string; number: number }>) {
  const { document } = await requireDocument(deps, userId, input.documentId);
  const version = await deps.db.agendaDocumentVersion.findUnique({
    where: { documentId_number: { documentId: document.id, number: input.number } },
    select: { originalName: true, mimeType: true, sizeBytes: true, content: { select: { bytes: true } } },
  });
  if (!version?.content || !version.originalName || !version.mimeType) throw notFound("File");
  return { bytes: Buffer.from(version.content.bytes), mimeType: version.mimeType as DocumentMime, originalName: version.originalName, sizeBytes: version.sizeBytes ?? version.content.bytes.length };
}

/** The current version of every document of a meeting's accepted agenda, files with their bytes (for the packet). */
export async function readPacketDocuments(db: AppDeps["db"], meetingId: string) {
  const documents = await db.agendaDocument.findMany({ where: { meetingId, agendaItem: { status: "ACCEPTED" } }, orderBy: { createdAt: "asc" }, select: { id: true, agendaItemId: true, kind: true, title: true, currentVersion: true } });
  const versions = await db.agendaDocumentVersion.findMany({
    where: { OR: documents.map((d) => ({ documentId: d.id, number: d.currentVersion })) },
    select: { documentId: true, url: true, originalName: true, mimeType: true, content: { select: { bytes: true } } },
  });
  const byDocument = new Map(versions.map((v) => [v.documentId, v]));
  return documents.map((d) => {
    const v = byDocument.get(d.id);
    return {
      id: d.id,
      agendaItemId: d.agendaItemId,
      kind: d.kind as "FILE" | "LINK",
      title: d.title,
      version: d.currentVersion,
      url: v?.url ?? null,
      originalName: v?.originalName ?? null,
      mimeType: (v?.mimeType ?? null) as DocumentMime | null,
      bytes: v?.content ? new Uint8Array(v.content.bytes) : null,
    };
  });
}

// ─── helpers ────────────────────────────────────────────────────────────────

/** The document and the asker's seat on its meeting's body (NOT_FOUND for anyone else). */
async function requireDocument(deps: Pick<AppDeps, "db" | "access">, userId: string, documentId: string) {
  const document = await deps.db.agendaDocument.findUnique({ where: { id: documentId }, select: { id: true, meetingId: true, agendaItemId: true, kind: true } });
  if (!document) throw notFound("Document");
  const { meeting, actor } = await requireMeetingActor(deps, userId, document.meetingId).catch(() => {
    throw notFound("Document");
  });
  return { document, meeting, actor };
}

/** Under the meeting's lock (taken by the guard): an item holds at most MAX_DOCUMENTS_PER_ITEM documents. */
async function requireRoomOnItem(tx: Tx, itemId: string) {
  if ((await tx.agendaDocument.count({ where: { agendaItemId: itemId } })) >= MAX_DOCUMENTS_PER_ITEM) {
    throw new AppError("PRECONDITION_FAILED", `An agenda item can have at most ${MAX_DOCUMENTS_PER_ITEM} documents.`);
  }
}

/**
 * The next version's number, allocated under the meeting's row lock (taken by the guard first, as
 * every writer of a meeting does), so two uploads at once get 2 and 3; the unique key is the last word.
 */
async function nextVersion(tx: Tx, documentId: string): Promise<number> {
  const { currentVersion } = await tx.agendaDocument.findUniqueOrThrow({ where: { id: documentId }, select: { currentVersion: true } });
  if (currentVersion >= MAX_VERSIONS_PER_DOCUMENT) throw new AppError("PRECONDITION_FAILED", `A document keeps at most ${MAX_VERSIONS_PER_DOCUMENT} versions.`);
  const number = currentVersion + 1;
  await tx.agendaDocument.update({ where: { id: documentId }, data: { currentVersion: number } });
  return number;
}

const fileVersion = (file: { name: string; mime: DocumentMime }, bytes: Uint8Array, userId: string) => ({
  originalName: file.name,
  mimeType: file.mime,
  sizeBytes: bytes.length,
  uploadedById: userId,
  content: { create: { bytes: Buffer.from(bytes) } },
});
