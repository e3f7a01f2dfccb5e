// Tones, types and the hours' wording the drafts pages share (the words are in app/locales/<lng>/drafts.json).
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import type { RouterOutputs } from "~/lib/trpc";
import type { DraftStatus } from "../../../server/domains/drafts/drafts.schema";

export type DraftView = RouterOutputs["drafts"]["draft"]["get"];
export type DraftSummary = RouterOutputs["drafts"]["draft"]["list"]["drafts"][number];
export type CommentList = RouterOutputs["drafts"]["comment"]["list"];
export type Thread = CommentList["threads"][number];
export type CompareView = RouterOutputs["drafts"]["version"]["compare"];
export type VersionView = RouterOutputs["drafts"]["version"]["get"];

export const STATUS_TONES: Record<DraftStatus, "slate" | "amber" | "green" | "red" | "indigo"> = {
  DRAFTING: "slate",
  IN_REVIEW: "amber",
  SIGNED_OFF: "indigo",
  ADOPTED: "green",
  WITHDRAWN: "red",
};

/** "1,200 h (200 related instruction + 1,000 on the job)" in the page's language. */
export function useHoursText(): (h: { related: number; ojl: number; total: number }) => string {
  const { t } = useTranslation("drafts");
  const f = useFormat();
  return (h) => t("hours", { total: f.number(h.total), related: f.number(h.related), ojl: f.number(h.ojl) });
}

/** Styles for rendered module text (Tailwind's reset removes list markers and heading sizes) and for commented passages. */
export const DRAFT_TEXT_CSS = `
.draft-text h2{font-size:1.125rem;font-weight:600;margin:.75rem 0 .25rem}
.draft-text h3,.draft-text h4{font-size:1rem;font-weight:600;margin:.75rem 0 .25rem}
.draft-text p{margin:.25rem 0}
.draft-text ul{list-style:disc;padding-left:1.5rem;margin:.25rem 0}
.draft-text ol{list-style:decimal;padding-left:1.5rem;margin:.25rem 0}
.draft-text a{color:#4338ca;text-decoration:underline}
.draft-text blockquote{border-left:3px solid #cbd5e1;padding-left:.75rem;color:#475569}
.draft-text .ProseMirror{min-height:8rem;outline:none;white-space:pre-wrap}
::highlight(draft-comment){background-color:#fde68a}
::highlight(draft-comment-active){background-color:#fb923c;color:#000}
`;
