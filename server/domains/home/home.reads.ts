// "What needs me": everything that waits for the signed-in person, across the partnerships they may
// act in, gathered from one read per domain (each filters in its own query by the person's seats and
// memberships). The number of statements does not grow with partnerships or items: one for the reach,
// then a fixed few per domain, run side by side.
import { loadReach, type Reach } from "../../access/reach.js";
import type { AppDeps } from "../../deps.js";
import { draftsWaitingFor } from "../drafts/waiting.js";
import { jointChangesWaitingFor } from "../joint/waiting.js";
import { meetingsWaitingFor } from "../meetings/waiting.js";
import { servicesWaitingFor } from "../services/waiting.js";
import { votesWaitingFor } from "../voting/waiting.js";
import { countByTab, WAITING_SECTION_KEYS, type WaitingCountInput } from "./home.schema.js";

type HomeDeps = Pick<AppDeps, "db">;

async function gather(deps: HomeDeps, reach: Reach, now: Date) {
  const [meetings, votes, drafts, services, jointChanges] = await Promise.all([
    meetingsWaitingFor(deps, { reach, now }),
    votesWaitingFor(deps, { reach, now }),
    draftsWaitingFor(deps, { reach }),
    servicesWaitingFor(deps, { reach }),
    jointChangesWaitingFor(deps, { reach, now }),
  ]);
  return {
    votes,
    agendas: meetings.agendas,
    minutes: meetings.minutes,
    jointChanges,
    signOffs: drafts.signOffs,
    mentions: drafts.mentions,
    toReview: services.toReview,
    toAnswer: services.toAnswer,
    actionItems: meetings.actionItems,
  };
}

/** The home page: every section (oldest first; action items due soonest first) and their total. */
export async function listWaitingForMe(deps: HomeDeps, { userId, now = new Date() }: { userId: string; now?: Date }) {
  const reach = await loadReach(deps.db, userId);
  const sections = await gather(deps, reach, now);
  return {
    sections,
    total: WAITING_SECTION_KEYS.reduce((n, key) => n + sections[key].length, 0),
    partnerships: reach.partnerships.map((p) => ({ id: p.partnershipId, name: p.name })),
    /** Partnerships whose items are hidden until the person turns on two-factor sign-in. */
    needsTwoFactor: reach.blocked,
  };
}

/** How many items wait for the person in each tab of one partnership (the same reads, scoped to it). */
export async function countWaitingIn(deps: Pick<AppDeps, "db" | "access">, { userId, input }: { userId: string; input: WaitingCountInput }) {
  await deps.access.requireMember(userId, input.partnershipId);
  const reach = await loadReach(deps.db, userId, { partnershipId: input.partnershipId });
  return countByTab(await gather(deps, reach, new Date()));
}
