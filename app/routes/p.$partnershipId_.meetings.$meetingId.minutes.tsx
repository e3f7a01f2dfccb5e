// The minutes of record as a clean page (on paper without the app's header): the whole roll with
// attendance, each item's minutes, every motion with its counts (roll call: names; secret: counts
// only), decisions (those without an item too), action items, caucus breaks and the approval. The same
// record prints on the server as a PDF with page numbers and the stamp (decision 0017).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { formatDueDate, MeetingTime, zoneName } from "~/features/meetings/meeting-time";
import { superjsonResponse, useData } from "~/lib/data";
import { load, requireUser } from "~/lib/guards.server";
import { ACTION_STATUSES, AGENDA_ITEM_KINDS } from "../../server/domains/meetings/meetings.schema";
import { ATTENDANCE_WORDS } from "../../server/domains/meetings/record.rules";
import { SIDES } from "../../server/domains/partnerships/partnerships.schema";
import { RULE_LABELS, type Counts, type Tally } from "../../server/domains/voting/voting.rules";
import { CHOICE_LABELS } from "../../server/domains/voting/voting.schema";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  return superjsonResponse(await load(request, () => context.trpc.meetings.meeting.record({ meetingId: params.meetingId ?? "" })));
}

export const meta: MetaFunction = () => [{ title: "Minutes · Jointly" }];

type Record = ReturnType<typeof useData<typeof loader>>;
type Motion = Record["motions"][number];

const quorumText = (q: { LABOR: { present: number; required: number }; MANAGEMENT: { present: number; required: number }; met: boolean }) =>
  `${q.met ? "met" : "not met"} (labor ${q.LABOR.present} present of ${q.LABOR.required} required, management ${q.MANAGEMENT.present} of ${q.MANAGEMENT.required})`;
const OUTCOMES = { PASSED: "Passed", FAILED: "Failed", DEADLOCKED: "Deadlocked", NO_QUORUM: "No quorum" } as const;
const STATUSES = { MOVED: "Moved, waiting for a second", SECONDED: "Seconded, not yet put to a vote", OPEN: "Vote open", CLOSED: "Voted", WITHDRAWN: "Withdrawn", TABLED: "Tabled" } as const;
const SEATS = { CO_CHAIR: "Co-chair", MEMBER: "Member", STAFF: "Staff", OBSERVER: "Observer" } as const;

function TallyTable({ tally, caption }: { tally: Tally; caption: string }) {
  const row = (label: string, c: Counts) => (
    <tr className="border-b border-slate-100">
      <th scope="row" className="py-0.5 pr-3 text-left font-medium">
        {label}
      </th>
      <td className="py-0.5 pr-3 tabular-nums">{c.YES}</td>
      <td className="py-0.5 pr-3 tabular-nums">{c.NO}</td>
      <td className="py-0.5 tabular-nums">{c.ABSTAIN}</td>
    </tr>
  );
  const neutral = tally.NEUTRAL.YES + tally.NEUTRAL.NO + tally.NEUTRAL.ABSTAIN > 0;
  return (
    <table className="mt-1 text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="py-0.5 pr-3">
            Side
          </th>
          <th scope="col" className="py-0.5 pr-3">
            Yes
          </th>
          <th scope="col" className="py-0.5 pr-3">
            No
          </th>
          <th scope="col" className="py-0.5">
            Abstain
          </th>
        </tr>
      </thead>
      <tbody>
        {row("Labor", tally.LABOR)}
        {row("Management", tally.MANAGEMENT)}
        {neutral ? row("Neutral", tally.NEUTRAL) : null}
        {row("Total", tally.total)}
      </tbody>
    </table>
  );
}

function MotionRecord({ motion, number, amends, timeZone }: { motion: Motion; number: number; amends: number | null; timeZone: string }) {
  return (
    <div className="break-inside-avoid" data-testid="record-motion">
      <h3 className="font-semibold">
        Motion {number}
        {amends ? ` (amendment to motion ${amends})` : ""}: {motion.text}
      </h3>
      {motion.rationale ? <p className="whitespace-pre-wrap text-sm text-slate-700">{motion.rationale}</p> : null}
      <p className="text-sm">
        Moved by {motion.movedBy ? `${motion.movedBy.name} (${SIDES[motion.movedBy.side]})` : "—"}; seconded by{" "}
        {motion.secondedBy ? `${motion.secondedBy.name} (${SIDES[motion.secondedBy.side]})` : "nobody"}.
      </p>
      {motion.friendlyAmendments.map((a, i) => (
        <p key={i} className="text-sm">
          Friendly amendment accepted at <MeetingTime value={a.at} timeZone={timeZone} format="time" />: “{a.text}”
        </p>
      ))}
      <p className="text-sm">
        {motion.ballotKind === "SECRET" ? "Secret ballot" : "Roll call"}; rule: {RULE_LABELS[motion.rule]}. Status: {STATUSES[motion.status]}.
      </p>
      {motion.status === "CLOSED" && motion.outcome ? (
        <>
          <p className="text-sm">
            <strong>Result: {OUTCOMES[motion.outcome]}</strong>
            {motion.reason ? ` (${motion.reason})` : ""}. {motion.cast ?? 0} of {motion.eligible} voted.
          </p>
          {motion.quorum ? <p className="text-sm">Quorum at the vote: {quorumText(motion.quorum)}.</p> : null}
          {motion.tally ? <TallyTable tally={motion.tally} caption={`Votes per side on motion ${number}`} /> : null}
          {motion.ballotKind === "SECRET" ? <p className="text-xs text-slate-600">Secret ballot: counts only; no one’s vote is recorded.</p> : null}
          {motion.rollCall?.length ? (
            <table className="mt-1 text-sm">
              <caption className="sr-only">Roll call on motion {number}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="py-0.5 pr-3">
                    Member
                  </th>
                  <th scope="col" className="py-0.5 pr-3">
                    Side
                  </th>
                  <th scope="col" className="py-0.5">
                    Vote
                  </th>
                </tr>
              </thead>
              <tbody>
                {motion.rollCall.map((v, i) => (
                  <tr key={i} className="border-b border-slate-100">
                    <td className="py-0.5 pr-3">
                      {v.seat?.name ?? "A former member"}
                      {v.castBy ? ` (cast by alternate ${v.castBy.name})` : ""}
                    </td>
                    <td className="py-0.5 pr-3">{v.seat ? SIDES[v.seat.side] : ""}</td>
                    <td className="py-0.5">{CHOICE_LABELS[v.choice]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
      {motion.resolution ? <p className="text-sm">Deadlock settled: {motion.resolution}</p> : null}
    </div>
  );
}

export default function PrintableMinutes() {
  const record = useData<typeof loader>();
  const { meeting, body, partnership, attendance, items, motions, decisions, actionItems, caucusBreaks, approval } = record;
  const zone = meeting.timeZone;
  const motionNumber = new Map(motions.map((m, i) => [m.id, i + 1]));
  const otherDecisions = decisions.filter((d) => !d.agendaItemId);
  const otherActions = actionItems.filter((a) => !a.agendaItemId);
  return (
    <article className="mx-auto max-w-3xl bg-white p-4 text-slate-900 sm:p-8 print:max-w-none print:p-0">
      <div className="no-print mb-6 flex flex-wrap justify-between gap-2">
        <Link to={`/p/${partnership.id}/meetings/${meeting.id}`} className="btn-secondary">
          Back to the meeting
        </Link>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/meetings/${meeting.id}/minutes.pdf`} className="btn-primary" download>
            Download PDF
          </a>
          <a href={`/api/meetings/${meeting.id}/packet.pdf`} className="btn-secondary" download>
            Agenda packet (PDF)
          </a>
          <button type="button" className="btn-secondary" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </div>
      <header className="border-b border-slate-300 pb-4">
        <p className="text-sm uppercase tracking-wide text-slate-600">
          {partnership.name} · {body.name}
        </p>
        <h1 className="text-2xl font-bold">Minutes: {meeting.title}</h1>
        <p className="text-sm text-slate-700">
          <MeetingTime value={meeting.startsAt} timeZone={zone} /> ({zoneName(zone)}){meeting.location ? ` · ${meeting.location}` : ""}
        </p>
        {meeting.startedAt ? (
          <p className="text-sm text-slate-700">
            Called to order at <MeetingTime value={meeting.startedAt} timeZone={zone} format="time" />
            {meeting.adjournedAt ? (
              <>
                ; adjourned at <MeetingTime value={meeting.adjournedAt} timeZone={zone} format="time" />
              </>
            ) : null}
            .
          </p>
        ) : null}
        <p className="mt-2 text-sm font-semibold" data-testid="record-stamp">
          {approval.approvedAt ? (
            <>
              Approved {approval.approvedBy === "VOTE" ? "by a vote of the body" : "by both co-chairs"} on{" "}
              <MeetingTime value={approval.approvedAt} timeZone={zone} format="date" />.
            </>
          ) : (
            <span className="text-amber-800">DRAFT: not yet approved by both co-chairs or by a vote.</span>
          )}
        </p>
      </header>

      <section className="mt-6" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading" className="text-lg font-semibold">
          Attendance
        </h2>
        {attendance.length ? (
          <div className="overflow-x-auto">
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">Everyone seated on {body.name}, with their attendance</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-2">
                    Name
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    Organization
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    Side
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    Seat
                  </th>
                  <th scope="col" className="py-1">
                    Attendance
                  </th>
                </tr>
              </thead>
              <tbody>
                {attendance.map((r) => (
                  <tr key={r.membershipId} className="border-b border-slate-100">
                    <td className="py-1 pr-2">{r.name}</td>
                    <td className="py-1 pr-2">{r.organizationName}</td>
                    <td className="py-1 pr-2">{SIDES[r.side]}</td>
                    <td className="py-1 pr-2">
                      {SEATS[r.role]}
                      {r.role === "MEMBER" && !r.isVoting ? " (advisory)" : ""}
                    </td>
                    <td className="py-1">
                      {ATTENDANCE_WORDS[r.status]}
                      {r.isRecorded ? "" : " (not recorded)"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-1 text-sm">Nobody is seated on this body.</p>
        )}
      </section>

      <section className="mt-6 space-y-5" aria-labelledby="items-heading">
        <h2 id="items-heading" className="text-lg font-semibold">
          Agenda and minutes
        </h2>
        {items.length === 0 ? <p className="text-sm text-slate-600">No agenda items.</p> : null}
        {items.map((item, index) => {
          const itemMotions = motions.filter((m) => m.agendaItemId === item.id);
          return (
            <div key={item.id} className="break-inside-avoid">
              <h3 className="font-semibold">
                {index + 1}. {item.title}{" "}
                <span className="text-sm font-normal text-slate-600">
                  ({AGENDA_ITEM_KINDS[item.kind]}
                  {item.presenter ? `, ${item.presenter}` : ""})
                </span>
              </h3>
              <p className="mt-1 whitespace-pre-wrap text-sm">{item.minutes || "No minutes recorded."}</p>
              {itemMotions.length ? (
                <p className="mt-1 text-sm">
                  Motions, with their results below:{" "}
                  {itemMotions.map((m) => `motion ${motionNumber.get(m.id)}${m.outcome ? ` (${OUTCOMES[m.outcome].toLowerCase()})` : ""}`).join(", ")}.
                </p>
              ) : null}
              {decisions
                .filter((d) => d.agendaItemId === item.id)
                .map((d) => (
                  <p key={d.id} className="mt-1 text-sm">
                    <strong>Decision:</strong> {d.text} <em className="text-slate-600">Quorum {quorumText(d.quorum)}.</em>
                  </p>
                ))}
              {actionItems
                .filter((a) => a.agendaItemId === item.id)
                .map((a) => (
                  <p key={a.id} className="mt-1 text-sm">
                    <strong>Action:</strong> {a.text}: {a.ownerName}, due {formatDueDate(a.dueDate)} ({ACTION_STATUSES[a.status].toLowerCase()})
                  </p>
                ))}
            </div>
          );
        })}
      </section>

      <section className="mt-6 space-y-4" aria-labelledby="motions-heading">
        <h2 id="motions-heading" className="text-lg font-semibold">
          Motions and votes
        </h2>
        {motions.length === 0 ? <p className="text-sm text-slate-600">No motions were made at this meeting.</p> : null}
        {motions.map((m, i) => (
          <MotionRecord key={m.id} motion={m} number={i + 1} amends={m.amendsMotionId ? (motionNumber.get(m.amendsMotionId) ?? null) : null} timeZone={zone} />
        ))}
      </section>

      {otherDecisions.length || otherActions.length ? (
        <section className="mt-6" aria-labelledby="other-heading">
          <h2 id="other-heading" className="text-lg font-semibold">
            Other decisions and action items
          </h2>
          {otherDecisions.map((d) => (
            <p key={d.id} className="mt-1 text-sm">
              <strong>Decision:</strong> {d.text} <em className="text-slate-600">Quorum {quorumText(d.quorum)}.</em>
            </p>
          ))}
          {otherActions.map((a) => (
            <p key={a.id} className="mt-1 text-sm">
              <strong>Action:</strong> {a.text}: {a.ownerName}, due {formatDueDate(a.dueDate)} ({ACTION_STATUSES[a.status].toLowerCase()})
            </p>
          ))}
        </section>
      ) : null}

      <section className="mt-6" aria-labelledby="caucus-heading">
        <h2 id="caucus-heading" className="text-lg font-semibold">
          Caucus breaks
        </h2>
        {caucusBreaks.length ? (
          <ul className="mt-1 list-disc pl-5 text-sm">
            {caucusBreaks.map((c, i) => (
              <li key={i}>
                <MeetingTime value={c.startedAt} timeZone={zone} format="time" /> to {c.endedAt ? <MeetingTime value={c.endedAt} timeZone={zone} format="time" /> : "(not ended)"}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-slate-600">None.</p>
        )}
      </section>

      <section className="mt-8 border-t border-slate-300 pt-4 text-sm" aria-labelledby="approval-heading">
        <h2 id="approval-heading" className="text-lg font-semibold">
          Approval of the minutes
        </h2>
        {approval.approvedAt ? (
          approval.approvedBy === "VOTE" ? (
            <p>
              Approved on <MeetingTime value={approval.approvedAt} timeZone={zone} format="date" /> by a vote of the body
              {approval.byMotion ? `: motion “${approval.byMotion.text}”${approval.byMotion.atMeeting ? ` at “${approval.byMotion.atMeeting.title}”` : ""}` : ""}.
            </p>
          ) : (
            <p>
              Approved on <MeetingTime value={approval.approvedAt} timeZone={zone} format="date" /> by both co-chairs.
            </p>
          )
        ) : (
          <p>Not yet approved: a draft.</p>
        )}
        {approval.coChairs.map((c) => (
          <p key={c.side}>
            {SIDES[c.side]} co-chair: {c.name}, approved <MeetingTime value={c.at} timeZone={zone} format="date" />
          </p>
        ))}
      </section>
    </article>
  );
}
