// Inputs of agenda documents (isomorphic: the forms, the procedures and the tests share them). Files
// come over plain HTTP (documents.http.ts); links and the lists through tRPC.
import { z } from "zod";
import { IdSchema as id, titleField as title } from "../common.schema.js";
import { UrlSchema } from "./meetings.schema.js";

export const AddDocumentLinkInputSchema = z.object({ itemId: id, title: title("Title"), url: UrlSchema });
export type AddDocumentLinkInput = z.infer<typeof AddDocumentLinkInputSchema>;

/** A new version of a link document: its new address. */
export const ReviseDocumentLinkInputSchema = z.object({ documentId: id, url: UrlSchema });
export type ReviseDocumentLinkInput = z.infer<typeof ReviseDocumentLinkInputSchema>;

export const DocumentIdSchema = z.object({ documentId: id });
export type DocumentIdInput = z.infer<typeof DocumentIdSchema>;
