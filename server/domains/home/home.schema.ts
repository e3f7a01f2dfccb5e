// "What needs me" (isomorphic): the sections of the home page, the partnership tabs that show a count,
// and the input of the per-partnership count. No I/O.
import { z } from "zod";
import { IdSchema } from "../common.schema.js";

/** The home page's sections, in the order it shows them, with their headings. */
export const WAITING_SECTIONS = {
  votes: "Votes open to you",
  agendas: "Agendas to approve",
  minutes: "Minutes to approve",
  jointChanges: "Joint changes to answer",
  signOffs: "Sign-offs requested of you",
  mentions: "Comments that mention you",
  toReview: "Requests in your review queue",
  toAnswer: "Requests waiting for your organization's answer",
  actionItems: "Your open action items",
} as const;
export type WaitingSection = keyof typeof WAITING_SECTIONS;
export const WAITING_SECTION_KEYS = Object.keys(WAITING_SECTIONS) as WaitingSection[];

/** A partnership's tabs that count what waits there, and the sections each counts. */
export const WAITING_TABS = {
  overview: ["jointChanges"],
  meetings: ["agendas", "minutes", "actionItems"],
  votes: ["votes"],
  drafts: ["signOffs", "mentions"],
  services: ["toReview", "toAnswer"],
} as const satisfies Record<string, readonly WaitingSection[]>;
export type WaitingTab = keyof typeof WAITING_TABS;

export const WaitingCountInputSchema = z.object({ partnershipId: IdSchema });
export type WaitingCountInput = z.infer<typeof WaitingCountInputSchema>;

/** How many items wait in each tab, from the sections' lists. */
export function countByTab(sections: Record<WaitingSection, readonly unknown[]>): Record<WaitingTab, number> {
  const counts = {} as Record<WaitingTab, number>;
  for (const [tab, keys] of Object.entries(WAITING_TABS) as Array<[WaitingTab, readonly WaitingSection[]]>) {
    counts[tab] = keys.reduce((n, key) => n + sections[key].length, 0);
  }
  return counts;
}
