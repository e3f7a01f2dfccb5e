import { truncateText } from "../../text.js";
// HTML for mails built from plain strings: everything that goes into the markup is escaped here, so
// text a user typed (a motion, a comment, a name) can never become markup or a link of its own.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A link for an href: only absolute http(s) URLs (ours); anything else becomes "#". */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : "#";
  } catch {
    return "#";
  }
}

/** A subject line: one line, no control characters, at most 150 characters. */
export function subjectLine(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return truncateText(flat, 150);
}
