// Which files an agenda item takes: the checks of service-request attachments (size, a safe name, the
// type from the content, never from the name or the browser's claim), widened to office documents.
// No I/O; shared with the page (the file picker's accept list and the labels).
import { checkFileName, sniffMime } from "../services/services.rules.js";

export const DOCUMENT_TYPES = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG image",
  "image/png": "PNG image",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel workbook",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint presentation",
  "application/vnd.oasis.opendocument.text": "OpenDocument text",
  "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheet",
  "application/vnd.oasis.opendocument.presentation": "OpenDocument presentation",
  "application/msword": "Word 97–2003 document",
  "application/vnd.ms-excel": "Excel 97–2003 workbook",
  "application/vnd.ms-powerpoint": "PowerPoint 97–2003 presentation",
} as const;
export type DocumentMime = keyof typeof DOCUMENT_TYPES;

/** Each accepted type's label in the catalogs (meetings.json `documents.types.<key>`). */
export const DOCUMENT_TYPE_KEYS: Record<DocumentMime, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpeg",
  "image/png": "png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
  "application/msword": "doc",
  "application/vnd.ms-excel": "xls",
  "application/vnd.ms-powerpoint": "ppt",
};

/** For the file picker (a hint only: the server decides from the content). */
export const DOCUMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt";

/** At most this many documents on one agenda item, and versions of one document. */
export const MAX_DOCUMENTS_PER_ITEM = 20;
export const MAX_VERSIONS_PER_DOCUMENT = 50;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OOXML_PARTS: Array<[string, DocumentMime]> = [
  ["word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ["xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ["ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
];
const OLE_BY_EXTENSION: Record<string, DocumentMime> = { doc: "application/msword", xls: "application/vnd.ms-excel", ppt: "application/vnd.ms-powerpoint" };

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
/** Bytes as one character each (ASCII is all the checks look for); no Buffer, so the module stays isomorphic. */
const latin1 = (bytes: Uint8Array, from: number, to: number) => new TextDecoder("latin1").decode(bytes.subarray(from, Math.max(from, Math.min(to, bytes.length))));

/**
 * The type a document really is, from its bytes: PDF, JPEG and PNG by their signature; OOXML by a ZIP
 * holding `[Content_Types].xml` and a word/, xl/ or ppt/ part; OpenDocument by its leading `mimetype`
 * entry. The old binary Office formats share one container signature, so only there the name's
 * extension says which of the three it is.
 */
export function sniffDocument(bytes: Uint8Array, fileName: string): DocumentMime | null {
  const basic = sniffMime(bytes);
  if (basic) return basic;
  if (startsWith(bytes, ZIP)) {
    // An OpenDocument file stores "mimetype" uncompressed as its first entry (at byte 30).
    const head = latin1(bytes, 30, 30 + 8 + 64);
    if (head.startsWith("mimetype")) {
      const type = head.slice(8);
      for (const t of ["application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.presentation"] as const) {
        if (type.startsWith(t) && !type.startsWith(`${t}-`)) return t;
      }
      return null;
    }
    const all = latin1(bytes, 0, bytes.length);
    if (!all.includes("[Content_Types].xml")) return null;
    // The part names are in the ZIP's local headers and central directory, uncompressed.
    const found = OOXML_PARTS.find(([prefix]) => all.includes(`${prefix}_rels/`) || all.includes(`${prefix}document.xml`) || all.includes(`${prefix}workbook.xml`) || all.includes(`${prefix}presentation.xml`));
    return found ? found[1] : null;
  }
  if (startsWith(bytes, OLE)) {
    const extension = fileName.toLowerCase().split(".").pop() ?? "";
    return OLE_BY_EXTENSION[extension] ?? null;
  }
  return null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Checks an upload: a safe name, not empty, within the size limit, and one of the document types by its content. */
export function checkDocumentFile(input: { name: string; bytes: Uint8Array; maxBytes: number }): Parsed<{ name: string; mime: DocumentMime }> {
  const name = checkFileName(input.name);
  if (!name.ok) return name;
  if (input.bytes.length === 0) return { ok: false, message: "The file is empty." };
  if (input.bytes.length > input.maxBytes) return { ok: false, message: `The file is too large (at most ${Math.round(input.maxBytes / (1024 * 1024))} MB).` };
  const mime = sniffDocument(input.bytes, name.value);
  if (!mime) return { ok: false, message: "Only PDF, Word, Excel, PowerPoint, OpenDocument, JPEG or PNG files can be attached." };
  return { ok: true, value: { name: name.value, mime } };
}

/** A document's title: trimmed, 1–200 characters (the file's name when none is given). */
export function checkDocumentTitle(title: string, fallback: string): Parsed<string> {
  const value = (title.trim() || fallback.trim()).replace(/\s+/g, " ");
  if (!value) return { ok: false, message: "Give the document a title." };
  if (value.length > 200) return { ok: false, message: "The title is too long (200 characters at most)." };
  return { ok: true, value };
}
