// Receipts and quotes on a request. The bytes are stored in the database (AttachmentContent), so any
// process serves any file; attachments.http.ts is the HTTP door to these use cases.
import { AppError, forbidden, notFound } from "../../errors.js";
import { inTransaction, lockRow } from "../../unit-of-work/unit-of-work.js";
import { canAttachFiles, canOpenFiles, mayActForTrainee, NO_TRAINEE_ACCESS } from "./services.policy.js";
import { canAttach, checkAttachment, type AttachmentMime, type RequestStatus } from "./services.rules.js";
import { announceRequest, fieldError, logTraineeRead, MAX_ATTACHMENTS_PER_REQUEST, recordRequestEvent, requireTraineeAccess, type Call, type ServicesLimitsDeps, type ServicesDeps } from "./services.shared.js";

const TOO_LATE = "Files can be attached only until a decision is taken.";
const NO_TRAINEE_FILES = "The trainee's organization no longer shares this trainee's record with your organization, so their files are closed to you.";

/** Records a file with its bytes, by the requesting organization while it may act for the trainee and no decision is taken. */
export async function addAttachment(
  deps: ServicesDeps & { config: Pick<ServicesLimitsDeps["config"], "MAX_ATTACHMENT_BYTES"> },
  { userId, input }: Call<{ requestId: string; fileName: string; bytes: Uint8Array }>,
) {
  const { request, asRequester, actor, traineeVia } = await deps.access.requireServiceRequest(userId, input.requestId);
  const viewer = { asRequester, isReviewer: actor.isReviewer, traineeVia };
  if (!asRequester) throw forbidden("Only the requesting organization can attach files.");
  if (!mayActForTrainee(traineeVia)) throw forbidden(NO_TRAINEE_ACCESS);
  if (!canAttachFiles(request.status as RequestStatus, viewer)) throw new AppError("PRECONDITION_FAILED", TOO_LATE);
  const checked = checkAttachment({ name: input.fileName, bytes: input.bytes, maxBytes: deps.config.MAX_ATTACHMENT_BYTES });
  if (!checked.ok) throw fieldError("BAD_REQUEST", "file", checked.message);
  return inTransaction(deps, async (tx, effects) => {
    // The owner's grant first, then the request's row (the order every change takes): the status and
    // the count below hold until commit, so a decision or another upload waits for this one.
    await requireTraineeAccess(tx, request);
    await lockRow(tx, "ServiceRequest", request.id);
    const current = await tx.serviceRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true, _count: { select: { attachments: true } } } });
    const status = current.status as RequestStatus;
    if (!canAttach(status)) throw new AppError("PRECONDITION_FAILED", TOO_LATE);
    if (current._count.attachments >= MAX_ATTACHMENTS_PER_REQUEST) throw new AppError("PRECONDITION_FAILED", `A request can have at most ${MAX_ATTACHMENTS_PER_REQUEST} files.`);
    const created = await tx.attachment.create({
      data: {
        requestId: request.id,
        originalName: checked.value.name,
        mimeType: checked.value.mime,
        sizeBytes: input.bytes.length,
        uploadedById: userId,
        content: { create: { bytes: Buffer.from(input.bytes) } },
      },
      select: { id: true, originalName: true, mimeType: true, sizeBytes: true, createdAt: true },
    });
    await recordRequestEvent(tx, request.id, { kind: "ATTACHMENT_ADDED", from: status, to: status, actorId: userId, note: checked.value.name });
    await announceRequest(tx, effects, { ...request, status }, { totals: false });
    return created;
  });
}

/**
 * The file behind an attachment, for those who may see its request and its trainee (a reviewer's
 * download is logged). A requesting organization whose access was revoked keeps the request, not the
 * trainee's papers.
 */
export async function getAttachmentFile(deps: ServicesDeps, { userId, input }: Call<{ attachmentId: string }>) {
  const { db } = deps;
  const attachment = await db.attachment.findUnique({ where: { id: input.attachmentId }, select: { id: true, requestId: true, originalName: true, mimeType: true, sizeBytes: true } });
  if (!attachment) throw notFound("File");
  const { actor, request, asRequester, traineeVia } = await deps.access.requireServiceRequest(userId, attachment.requestId).catch(() => {
    throw notFound("File");
  });
  if (!canOpenFiles({ asRequester, isReviewer: actor.isReviewer, traineeVia })) throw forbidden(NO_TRAINEE_FILES);
  if (traineeVia === "REVIEWER") {
    await logTraineeRead(db, { traineeId: request.traineeId, userId, reason: `Opened the attachment "${attachment.originalName}"`, requestId: request.id });
  }
  const content = await db.attachmentContent.findUniqueOrThrow({ where: { attachmentId: attachment.id }, select: { bytes: true } });
  return {
    bytes: Buffer.from(content.bytes),
    mimeType: attachment.mimeType as AttachmentMime,
    originalName: attachment.originalName,
    sizeBytes: attachment.sizeBytes,
  };
}
