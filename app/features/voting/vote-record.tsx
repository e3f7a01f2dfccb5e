// The motion's amendments, and its append-only record: every step (moved, seconded, amended, opened,
// each ballot, closed, result, deadlock settled) with its time.
import { Link } from "@remix-run/react";
import { Badge, EmptyState, Section, Time } from "~/components/ui";
import type { Outcome } from "../../../server/domains/voting/voting.rules";
import { OUTCOME_LABELS, STATUS_LABELS, STATUS_TONES, type MotionView } from "./labels";
import { OutcomeBadge } from "./parts";

export function Amendments({ view }: { view: MotionView }) {
  const { motion, amendments } = view;
  if (amendments.length === 0 && !["MOVED", "SECONDED"].includes(motion.status)) return null;
  return (
    <Section title={`Amendments (${amendments.length})`} id="amendments">
      {amendments.length === 0 ? (
        <EmptyState title="No amendments">Voting members can move an amendment until the vote opens.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {amendments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
              <Link to={`/p/${motion.partnershipId}/votes/${a.id}`} className="link line-clamp-2 min-w-0 flex-1 basis-56 break-words">
                {a.text}
              </Link>
              {a.outcome ? <OutcomeBadge outcome={a.outcome} /> : <Badge tone={STATUS_TONES[a.status]}>{STATUS_LABELS[a.status]}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

type Event = MotionView["events"][number];

function describe(event: Event, nameOf: (id: unknown) => string | null): string {
  const d = event.data ?? {};
  const by = nameOf(d.by);
  const byText = by ? ` by ${by}` : "";
  switch (event.kind) {
    case "moved":
      if (d.revoteOf) return "Moved again as a re-vote after a deadlock";
      if (d.amends) return `Moved as an amendment${byText}`;
      return `Moved${byText}`;
    case "seconded":
      return `Seconded${byText}`;
    case "amended":
      return d.friendly ? "Wording changed by a friendly amendment; a new second is needed" : "Wording changed by an adopted amendment";
    case "amendmentMoved":
      return "An amendment was moved";
    case "withdrawn":
      return "Withdrawn by the mover";
    case "tabled":
      return "Tabled by the co-chairs";
    case "opened": {
      const parts = [`Vote opened: ${Number(d.eligible ?? 0)} on the roll`];
      if (Number(d.alternates ?? 0) > 0) parts.push(`${Number(d.alternates)} voting as alternates`);
      return parts.join(", ");
    }
    case "ballotRecorded":
      return `Ballot recorded (${Number(d.cast ?? 0)} cast)`;
    case "ballotCounted":
      return `Secret ballot counted (${Number(d.cast ?? 0)} cast)`;
    case "closed":
      return d.by === "deadline" ? "Vote closed at its deadline" : "Vote closed by a co-chair";
    case "result": {
      const outcome = d.outcome as Outcome | undefined;
      return outcome && outcome in OUTCOME_LABELS ? `Result: ${OUTCOME_LABELS[outcome]}` : "Result recorded";
    }
    case "deadlockResolved":
      return d.resolution === "revote" ? "Deadlock settled: the motion goes to a re-vote" : "Deadlock settled; resolution recorded";
    default:
      return event.kind;
  }
}

export function VoteRecord({ view }: { view: MotionView }) {
  const { motion, events, rollCall } = view;
  const people = new Map<string, string>();
  for (const p of [motion.movedBy, motion.secondedBy, ...(rollCall ?? []).flatMap((r) => [r.seat, r.castBy])]) {
    if (p) people.set(p.membershipId, p.name);
  }
  const nameOf = (id: unknown) => (typeof id === "string" ? (people.get(id) ?? null) : null);
  return (
    <details className="card group" id="vote-record">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 text-base font-semibold text-slate-900">
        <span className="flex items-center gap-2">
          <span aria-hidden className="inline-block text-slate-400 transition-transform group-open:rotate-90">▸</span>
          Vote record
        </span>
        <span className="text-xs font-normal text-slate-500">
          {events.length} {events.length === 1 ? "entry" : "entries"} · <span className="group-open:hidden">show</span>
          <span className="hidden group-open:inline">hide</span>
        </span>
      </summary>
      <p className="mt-2 text-xs text-slate-500">Append-only: entries are added as things happen and never changed.</p>
      <ol className="mt-3 space-y-2 border-l-2 border-slate-200 pl-4 text-sm">
        {events.map((e, i) => (
          <li key={i} className="relative">
            <span aria-hidden className="absolute -left-[1.3rem] top-1.5 h-2 w-2 rounded-full bg-slate-400" />
            <span className="text-slate-800">{describe(e, nameOf)}</span>
            <span className="block text-xs text-slate-500">
              <Time value={e.createdAt} withTime />
            </span>
            {e.kind === "deadlockResolved" && typeof e.data.motionId === "string" ? (
              <Link className="link block text-xs" to={`/p/${motion.partnershipId}/votes/${e.data.motionId}`}>
                The re-vote
              </Link>
            ) : null}
            {(e.kind === "amendmentMoved" || e.kind === "amended") && typeof e.data.amendmentId === "string" ? (
              <Link className="link block text-xs" to={`/p/${motion.partnershipId}/votes/${e.data.amendmentId}`}>
                The amendment
              </Link>
            ) : null}
            {e.kind === "moved" && typeof e.data.amends === "string" ? (
              <Link className="link block text-xs" to={`/p/${motion.partnershipId}/votes/${e.data.amends}`}>
                The motion it amends
              </Link>
            ) : null}
            {e.kind === "moved" && typeof e.data.revoteOf === "string" ? (
              <Link className="link block text-xs" to={`/p/${motion.partnershipId}/votes/${e.data.revoteOf}`}>
                The deadlocked vote
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
