// Lists of motions: the votes page's groups (open votes, before the vote, closed, set aside) and the
// overview's short list of open votes. Open votes follow their ballots live.
import { Link } from "@remix-run/react";
import { Badge, EmptyState, Section } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { RULE_LABELS } from "../../../server/domains/voting/voting.rules";
import { BALLOT_SHORT, STATUS_LABELS, STATUS_TONES, type MotionSummary } from "./labels";
import { CastBar, Deadline, OutcomeBadge } from "./parts";
import { useListedTally, useMotionListLive } from "./use-motion-live";
import { truncateText } from "../../../server/text";

/** The partnership's motions, live: the query starts from the loader's data. */
export function useMotions(partnershipId: string, initial: MotionSummary[]) {
  useMotionListLive(partnershipId);
  const query = trpc.voting.motion.list.useQuery({ partnershipId }, { initialData: initial });
  return { motions: query.data ?? initial, isError: query.isError, isFetching: query.isFetching };
}

const byDeadline = (a: MotionSummary, b: MotionSummary) =>
  (a.deadline?.getTime() ?? Number.POSITIVE_INFINITY) - (b.deadline?.getTime() ?? Number.POSITIVE_INFINITY);

export function groupMotions(motions: MotionSummary[]) {
  return {
    open: motions.filter((m) => m.status === "OPEN").sort(byDeadline),
    pending: motions.filter((m) => m.status === "MOVED" || m.status === "SECONDED"),
    closed: motions.filter((m) => m.status === "CLOSED"),
    setAside: motions.filter((m) => m.status === "WITHDRAWN" || m.status === "TABLED"),
  };
}

function MotionLink({ motion, partnershipId }: { motion: MotionSummary; partnershipId: string }) {
  return (
    <Link to={`/p/${partnershipId}/votes/${motion.id}`} className="link line-clamp-2 break-words">
      {motion.amendsMotionId ? <span className="text-slate-500">Amendment: </span> : null}
      {motion.text}
    </Link>
  );
}

function Meta({ motion }: { motion: MotionSummary }) {
  return (
    <span className="block text-xs text-slate-500">
      {motion.body.name} · {BALLOT_SHORT[motion.ballotKind]} · {RULE_LABELS[motion.rule]}
    </span>
  );
}

/** One open vote: cast of eligible, moving with each ballot, and its deadline. */
export function OpenMotionItem({ motion, partnershipId, compact = false }: { motion: MotionSummary; partnershipId: string; compact?: boolean }) {
  useListedTally(partnershipId, motion.id);
  return (
    <li className="space-y-1.5 py-3">
      <MotionLink motion={motion} partnershipId={partnershipId} />
      {compact ? <span className="block text-xs text-slate-500">{motion.body.name}</span> : <Meta motion={motion} />}
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <CastBar cast={motion.cast} eligible={motion.eligible} size="sm" label={`Ballots cast on: ${truncateText(motion.text, 80)}`} />
        </div>
        <span className="shrink-0 text-xs font-medium tabular-nums text-slate-700">
          {motion.cast} of {motion.eligible} voted
        </span>
      </div>
      <p className="text-xs text-slate-600">
        {motion.deadline ? <Deadline deadline={motion.deadline} /> : motion.meetingId ? "Voting at the meeting" : "No deadline"}
      </p>
    </li>
  );
}

function PlainItem({ motion, partnershipId }: { motion: MotionSummary; partnershipId: string }) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 py-3">
      <div className="min-w-0 flex-1 basis-64">
        <MotionLink motion={motion} partnershipId={partnershipId} />
        <Meta motion={motion} />
      </div>
      <div className="flex flex-wrap gap-1">
        {motion.outcome ? <OutcomeBadge outcome={motion.outcome} /> : <Badge tone={STATUS_TONES[motion.status]}>{STATUS_LABELS[motion.status]}</Badge>}
      </div>
    </li>
  );
}

export function MotionGroups({ motions, partnershipId }: { motions: MotionSummary[]; partnershipId: string }) {
  const groups = groupMotions(motions);
  return (
    <>
      <Section title={`Open votes (${groups.open.length})`} id="open-votes">
        {groups.open.length === 0 ? (
          <EmptyState title="No votes open">When a co-chair opens a seconded motion for voting, it appears here with its running count.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {groups.open.map((m) => (
              <OpenMotionItem key={m.id} motion={m} partnershipId={partnershipId} />
            ))}
          </ul>
        )}
      </Section>
      <Section title={`Before the vote (${groups.pending.length})`} id="pending">
        {groups.pending.length === 0 ? (
          <EmptyState title="Nothing waiting">Motions waiting for a second, or seconded and waiting to be opened, appear here.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {groups.pending.map((m) => (
              <PlainItem key={m.id} motion={m} partnershipId={partnershipId} />
            ))}
          </ul>
        )}
      </Section>
      <Section title={`Closed (${groups.closed.length})`} id="closed">
        {groups.closed.length === 0 ? (
          <EmptyState title="No closed votes yet" />
        ) : (
          <ul className="divide-y divide-slate-100">
            {groups.closed.map((m) => (
              <PlainItem key={m.id} motion={m} partnershipId={partnershipId} />
            ))}
          </ul>
        )}
      </Section>
      {groups.setAside.length > 0 ? (
        <details className="card">
          <summary className="cursor-pointer text-base font-semibold text-slate-900">Withdrawn or tabled ({groups.setAside.length})</summary>
          <ul className="mt-2 divide-y divide-slate-100">
            {groups.setAside.map((m) => (
              <PlainItem key={m.id} motion={m} partnershipId={partnershipId} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** The overview's "Open votes": up to five, soonest deadline first. */
export function OpenVotesList({ partnershipId, initial }: { partnershipId: string; initial: MotionSummary[] }) {
  const { motions } = useMotions(partnershipId, initial);
  const open = groupMotions(motions).open;
  if (open.length === 0) {
    return <EmptyState title="No open votes">Motions open for voting, with their running counts, appear here.</EmptyState>;
  }
  return (
    <ul className="divide-y divide-slate-100">
      {open.slice(0, 5).map((m) => (
        <OpenMotionItem key={m.id} motion={m} partnershipId={partnershipId} compact />
      ))}
    </ul>
  );
}
