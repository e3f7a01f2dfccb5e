// Publishing the A&O dashboard needs both sides: it is a joint change of kind AO_SNAPSHOT (joint.kinds.ts).
// A co-chair of the partnership proposes a year; the other side's co-chair concurs (or declines) through
// the joint domain, and the concurring transaction freezes the year's suppressed tables as a published
// snapshot (participants.api.ts: publishSnapshot). A published snapshot is public: a page and a CSV
// anyone can open, no sign-in.
import type { AppDeps } from "../../deps.js";
import { forbidden, notFound } from "../../errors.js";
import { serverWords } from "../../i18n.js";
import { proposeJointChange } from "../joint/joint.api.js";
import { dashboardCsv, type Dashboard } from "./dashboard.js";
import { canSeeDashboard } from "./participants.policy.js";
import type { DashboardInput } from "./participants.schema.js";
import { requireViewer, type Call, type ParticipantsDeps } from "./participants.shared.js";

type ProposingDeps = ParticipantsDeps & Pick<AppDeps, "realtime" | "logger">;

const FOR_VIEWERS = "The dashboard is for the Access & Opportunity committee and the partnership's co-chairs and staff.";

/** A co-chair proposes publishing a year's dashboard; it waits for the other side's co-chair (staff prepare it). */
export async function proposeSnapshot(deps: ProposingDeps, { userId, input }: Call<DashboardInput>) {
  const viewer = await requireViewer(deps, userId, input.partnershipId);
  if (!canSeeDashboard(viewer)) throw forbidden(FOR_VIEWERS);
  return proposeJointChange(deps, { userId, input: { partnershipId: input.partnershipId, bodyId: null, kind: "AO_SNAPSHOT", payload: { year: input.year } } });
}

/** The partnership's published snapshots, newest first (the waiting proposals are the joint domain's list). */
export async function listSnapshots(deps: ParticipantsDeps, { userId, input }: Call<{ partnershipId: string }>) {
  const viewer = await requireViewer(deps, userId, input.partnershipId);
  if (!canSeeDashboard(viewer)) throw forbidden(FOR_VIEWERS);
  return deps.db.aoSnapshot.findMany({
    where: { partnershipId: input.partnershipId },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, year: true, threshold: true, agreedBy: true, publishedAt: true },
  });
}

/** A published snapshot, for anyone (no sign-in): the suppressed tables as they were frozen. */
export async function getPublicSnapshot(deps: Pick<ParticipantsDeps, "db">, { input }: { input: { snapshotId: string } }) {
  const snapshot = await deps.db.aoSnapshot.findUnique({
    where: { id: input.snapshotId },
    select: { id: true, year: true, tables: true, agreedBy: true, publishedAt: true },
  });
  if (!snapshot) throw notFound("Snapshot");
  const { tables, ...rest } = snapshot;
  return { ...rest, dashboard: tables as unknown as Dashboard };
}

export async function publicSnapshotCsv(deps: Pick<ParticipantsDeps, "db">, call: { input: { snapshotId: string; locale?: string } }) {
  return dashboardCsv((await getPublicSnapshot(deps, call)).dashboard, serverWords(call.input.locale).t);
}
