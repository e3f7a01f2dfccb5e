// The printable minutes: a clean page (on paper without the app's header); the browser prints it or saves a PDF.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { formatDueDate, MeetingTime, zoneName } from "~/features/meetings/meeting-time";
import { superjsonResponse, useData } from "~/lib/data";
import { load, requireUser } from "~/lib/guards.server";
import { ACTION_STATUSES, AGENDA_ITEM_KINDS, ATTENDANCE_STATUSES } from "../../server/domains/meetings/meetings.schema";
import { SIDES } from "../../server/domains/partnerships/partnerships.schema";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  return superjsonResponse(await load(request, () => context.trpc.meetings.meeting.get({ meetingId: params.meetingId ?? "" })));
}

export const meta: MetaFunction = () => [{ title: "Minutes · Jointly" }];

const quorumText = (q: { LABOR: { present: number; required: number }; MANAGEMENT: { present: number; required: number }; met: boolean }) =>
  `${q.met ? "met" : "not met"} (labor ${q.LABOR.present} present of ${q.LABOR.required} required, management ${q.MANAGEMENT.present} of ${q.MANAGEMENT.required})`;

export default function PrintableMinutes() {
  const data = useData<typeof loader>();
  const { meeting, body, agenda, roster, decisions, actionItems, minutes } = data;
  const present = roster.filter((r) => r.attendance === "PRESENT" || r.attendance === "LATE");
  const notPresent = roster.filter((r) => r.attendance === "EXCUSED" || r.attendance === "ABSENT");
  return (
    <article className="mx-auto max-w-3xl bg-white p-8 text-slate-900 print:max-w-none print:p-0">
      <div className="no-print mb-6 flex justify-between gap-2">
        <Link to={`/p/${meeting.partnershipId}/meetings/${meeting.id}`} className="btn-secondary">
          Back to the meeting
        </Link>
        <button type="button" className="btn-primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      <header className="border-b border-slate-300 pb-4">
        <p className="text-sm uppercase tracking-wide text-slate-600">{body.name}</p>
        <h1 className="text-2xl font-bold">Minutes: {meeting.title}</h1>
        <p className="text-sm text-slate-700">
          <MeetingTime value={meeting.startsAt} timeZone={meeting.timeZone} /> ({zoneName(meeting.timeZone)}){meeting.location ? ` · ${meeting.location}` : ""}
        </p>
        <p className="mt-2 text-sm font-semibold">
          {minutes.approvedAt ? (
            <>
              Approved {minutes.approvedBy === "VOTE" ? "by a vote of the body" : "by both co-chairs"} on <MeetingTime value={minutes.approvedAt} timeZone={meeting.timeZone} format="date" />.
            </>
          ) : (
            <span className="text-amber-800">DRAFT: not yet approved by both co-chairs or by a vote.</span>
          )}
        </p>
      </header>

      <section className="mt-6">
        <h2 className="text-lg font-semibold">Attendance</h2>
        <p className="mt-1 text-sm">
          <strong>Present:</strong>{" "}
          {present.length ? present.map((r) => `${r.name} (${SIDES[r.side]}${r.attendance === "LATE" ? ", arrived late" : ""})`).join("; ") : "none recorded"}
        </p>
        {notPresent.length ? (
          <p className="mt-1 text-sm">
            <strong>Not present:</strong> {notPresent.map((r) => `${r.name} (${ATTENDANCE_STATUSES[r.attendance!].toLowerCase()})`).join("; ")}
          </p>
        ) : null}
      </section>

      <section className="mt-6 space-y-5">
        <h2 className="text-lg font-semibold">Agenda and minutes</h2>
        {agenda.items.map((item, index) => (
          <div key={item.id} className="break-inside-avoid">
            <h3 className="font-semibold">
              {index + 1}. {item.title} <span className="text-sm font-normal text-slate-600">({AGENDA_ITEM_KINDS[item.kind]}{item.presenter ? `, ${item.presenter}` : ""})</span>
            </h3>
            <p className="mt-1 whitespace-pre-wrap text-sm">{item.minutes || "No minutes recorded."}</p>
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
        ))}
      </section>

      {minutes.approvals.length ? (
        <footer className="mt-8 border-t border-slate-300 pt-4 text-sm">
          {minutes.approvals
            .filter((a) => a.version === minutes.version)
            .map((a) => (
              <p key={a.side}>
                {a.side === "LABOR" ? "Labor" : "Management"} co-chair: {a.userName}, approved <MeetingTime value={a.createdAt} timeZone={meeting.timeZone} format="date" />
              </p>
            ))}
        </footer>
      ) : null}
    </article>
  );
}
