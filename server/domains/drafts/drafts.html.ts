// Server-side sanitizing of a module's rich text: headings, paragraphs, lists, emphasis and links
// (http, https and mailto only). Scripts, styles, event handlers and every other attribute are removed.
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "b", "i", "a", "br", "blockquote"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Text inside these is dropped with the tag (the default keeps the text of other unknown tags).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template"],
  transformTags: {
    // Headings the page already uses for its own structure become the module's sub-headings.
    h1: "h2",
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow" } }),
  },
  allowedSchemesByTag: {},
};
// `rel` is set by the transform above; allow it so it survives.
(OPTIONS.allowedAttributes as Record<string, string[]>).a = ["href", "rel"];

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
