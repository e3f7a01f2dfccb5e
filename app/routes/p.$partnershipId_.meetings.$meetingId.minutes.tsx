// The minutes of record as a clean page (on paper without the app's header): the whole roll with
// attendance, each item's minutes, every motion with its counts (roll call: names; secret: counts
// only), decisions (those without an item too), action items, caucus breaks and the approval. The same
// record prints on the server as a PDF with page numbers and the stamp (decision 0017).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { MeetingTime, zoneName } from "~/features/meetings/meeting-time";
import { ActionLine, DecisionLine, MotionRecord } from "~/features/meetings/record-parts";
import { intlLocale } from "~/i18n/config";
import { pageTitle } from "~/i18n/meta";
import { superjsonResponse, useData } from "~/lib/data";
import { load, requireUser } from "~/lib/guards.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  return superjsonResponse(await load(request, () => context.trpc.meetings.meeting.record({ meetingId: params.meetingId ?? "" })));
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "record.pageTitle", "meetings") }];

export default function PrintableMinutes() {
  const record = useData<typeof loader>();
  const { t, i18n } = useTranslation("meetings");
  const locale = intlLocale(i18n.language);
  const { meeting, body, partnership, attendance, items, motions, decisions, actionItems, caucusBreaks, approval } = record;
  const zone = meeting.timeZone;
  const motionNumber = new Map(motions.map((m, i) => [m.id, i + 1]));
  const otherDecisions = decisions.filter((d) => !d.agendaItemId);
  const otherActions = actionItems.filter((a) => !a.agendaItemId);
  return (
    <article className="mx-auto max-w-3xl bg-white p-4 text-slate-900 sm:p-8 print:max-w-none print:p-0">
      <div className="no-print mb-6 flex flex-wrap justify-between gap-2">
        <Link to={`/p/${partnership.id}/meetings/${meeting.id}`} className="btn-secondary">
          {t("record.back")}
        </Link>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/meetings/${meeting.id}/minutes.pdf`} className="btn-primary" download>
            {t("record.downloadPdf")}
          </a>
          <a href={`/api/meetings/${meeting.id}/packet.pdf`} className="btn-secondary" download>
            {t("header.packet")}
          </a>
          <button type="button" className="btn-secondary" onClick={() => window.print()}>
            {t("record.print")}
          </button>
        </div>
      </div>
      <header className="border-b border-slate-300 pb-4">
        <p className="text-sm uppercase tracking-wide text-slate-600">
          {partnership.name} · {body.name}
        </p>
        <h1 className="text-2xl font-bold">{t("record.title", { title: meeting.title })}</h1>
        <p className="text-sm text-slate-700">
          <MeetingTime value={meeting.startsAt} timeZone={zone} /> ({zoneName(zone)}){meeting.location ? <> · {meeting.location}</> : null}
        </p>
        {meeting.startedAt ? (
          <p className="text-sm text-slate-700">
            {meeting.adjournedAt ? (
              <Trans
                t={t}
                i18nKey="record.calledAdjourned"
                components={{
                  start: <MeetingTime value={meeting.startedAt} timeZone={zone} format="time" />,
                  end: <MeetingTime value={meeting.adjournedAt} timeZone={zone} format="time" />,
                }}
              />
            ) : (
              <Trans t={t} i18nKey="record.called" components={{ start: <MeetingTime value={meeting.startedAt} timeZone={zone} format="time" /> }} />
            )}
          </p>
        ) : null}
        <p className="mt-2 text-sm font-semibold" data-testid="record-stamp">
          {approval.approvedAt ? (
            approval.approvedBy === "VOTE" ? (
              <Trans t={t} i18nKey="record.stampVote" components={{ date: <MeetingTime value={approval.approvedAt} timeZone={zone} format="date" /> }} />
            ) : (
              <Trans t={t} i18nKey="record.stampCoChairs" components={{ date: <MeetingTime value={approval.approvedAt} timeZone={zone} format="date" /> }} />
            )
          ) : (
            <span className="text-amber-800">{t("record.draft")}</span>
          )}
        </p>
      </header>

      <section className="mt-6" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading" className="text-lg font-semibold">
          {t("record.attendance")}
        </h2>
        {attendance.length ? (
          <div className="overflow-x-auto">
            {/* On a phone each person is a block of labelled lines (.table-stack), so no column is cut off. */}
            <table role="table" className="table-stack mt-2 w-full text-left text-sm">
              <caption className="sr-only">{t("record.attendanceCaption", { body: body.name })}</caption>
              <thead role="rowgroup">
                <tr role="row" className="border-b border-slate-300">
                  <th role="columnheader" scope="col" className="py-1 pr-2">{t("record.name")}</th>
                  <th role="columnheader" scope="col" className="py-1 pr-2">{t("record.organization")}</th>
                  <th role="columnheader" scope="col" className="py-1 pr-2">{t("record.side")}</th>
                  <th role="columnheader" scope="col" className="py-1 pr-2">{t("record.seat")}</th>
                  <th role="columnheader" scope="col" className="py-1">{t("record.attendance")}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {attendance.map((r) => (
                  <tr role="row" key={r.membershipId} className="border-b border-slate-100">
                    <th role="rowheader" scope="row" className="py-1 pr-2 text-left font-medium" translate="no">{r.name}</th>
                    <td role="cell" className="py-1 pr-2" data-label={t("record.organization")}>{r.organizationName}</td>
                    <td role="cell" className="py-1 pr-2" data-label={t("record.side")}>{t(`record.sides.${r.side}`)}</td>
                    <td role="cell" className="py-1 pr-2" data-label={t("record.seat")}>{r.role === "MEMBER" && !r.isVoting ? t("record.advisory") : t(`record.seats.${r.role}`)}</td>
                    <td role="cell" className="py-1" data-label={t("record.attendance")}>{r.isRecorded ? t(`record.attendanceWords.${r.status}`) : t("record.notRecorded", { status: t(`record.attendanceWords.${r.status}`) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-1 text-sm">{t("record.nobodySeated")}</p>
        )}
      </section>

      <section className="mt-6 space-y-5" aria-labelledby="items-heading">
        <h2 id="items-heading" className="text-lg font-semibold">
          {t("record.agendaAndMinutes")}
        </h2>
        {items.length === 0 ? <p className="text-sm text-slate-600">{t("record.noItems")}</p> : null}
        {items.map((item, index) => {
          const itemMotions = motions.filter((m) => m.agendaItemId === item.id);
          return (
            <div key={item.id} className="break-inside-avoid">
              <h3 className="font-semibold">
                {t("live.numbered", { number: index + 1, title: item.title })}{" "}
                <span className="text-sm font-normal text-slate-600">
                  {item.presenter ? t("record.kindPresenter", { kind: t(`kinds.${item.kind}`), presenter: item.presenter }) : t("record.kind", { kind: t(`kinds.${item.kind}`) })}
                </span>
              </h3>
              <p className="mt-1 whitespace-pre-wrap text-sm">{item.minutes || t("record.noMinutes")}</p>
              {itemMotions.length ? (
                <p className="mt-1 text-sm">
                  {t("record.itemMotions", {
                    count: itemMotions.length,
                    numbers: itemMotions
                      .map((m) => (m.outcome ? t("record.numberWithOutcome", { number: motionNumber.get(m.id), outcome: t(`record.outcomes.${m.outcome}`).toLowerCase() }) : String(motionNumber.get(m.id))))
                      .join(", "),
                  })}
                </p>
              ) : null}
              {decisions
                .filter((d) => d.agendaItemId === item.id)
                .map((d) => (
                  <DecisionLine key={d.id} decision={d} />
                ))}
              {actionItems
                .filter((a) => a.agendaItemId === item.id)
                .map((a) => (
                  <ActionLine key={a.id} action={a} locale={locale} />
                ))}
            </div>
          );
        })}
      </section>

      <section className="mt-6 space-y-4" aria-labelledby="motions-heading">
        <h2 id="motions-heading" className="text-lg font-semibold">
          {t("record.motionsAndVotes")}
        </h2>
        {motions.length === 0 ? <p className="text-sm text-slate-600">{t("record.noMotions")}</p> : null}
        {motions.map((m, i) => (
          <MotionRecord key={m.id} motion={m} number={i + 1} amends={m.amendsMotionId ? (motionNumber.get(m.amendsMotionId) ?? null) : null} timeZone={zone} />
        ))}
      </section>

      {otherDecisions.length || otherActions.length ? (
        <section className="mt-6" aria-labelledby="other-heading">
          <h2 id="other-heading" className="text-lg font-semibold">
            {t("record.other")}
          </h2>
          {otherDecisions.map((d) => (
            <DecisionLine key={d.id} decision={d} />
          ))}
          {otherActions.map((a) => (
            <ActionLine key={a.id} action={a} locale={locale} />
          ))}
        </section>
      ) : null}

      <section className="mt-6" aria-labelledby="caucus-heading">
        <h2 id="caucus-heading" className="text-lg font-semibold">
          {t("record.caucusBreaks")}
        </h2>
        {caucusBreaks.length ? (
          <ul className="mt-1 list-disc pl-5 text-sm">
            {caucusBreaks.map((c, i) => (
              <li key={i}>
                {c.endedAt ? (
                  <Trans
                    t={t}
                    i18nKey="record.caucusFromTo"
                    components={{ start: <MeetingTime value={c.startedAt} timeZone={zone} format="time" />, end: <MeetingTime value={c.endedAt} timeZone={zone} format="time" /> }}
                  />
                ) : (
                  <Trans t={t} i18nKey="record.caucusNotEnded" components={{ start: <MeetingTime value={c.startedAt} timeZone={zone} format="time" /> }} />
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("record.none")}</p>
        )}
      </section>

      <section className="mt-8 border-t border-slate-300 pt-4 text-sm" aria-labelledby="approval-heading">
        <h2 id="approval-heading" className="text-lg font-semibold">
          {t("record.approvalHeading")}
        </h2>
        {approval.approvedAt ? (
          approval.approvedBy === "VOTE" ? (
            <p>
              <Trans
                t={t}
                i18nKey={approval.byMotion?.atMeeting ? "record.approvedVoteMotionAt" : approval.byMotion ? "record.approvedVoteMotion" : "record.approvedVote"}
                values={{ motion: approval.byMotion?.text ?? "", meeting: approval.byMotion?.atMeeting?.title ?? "" }}
                components={{ date: <MeetingTime value={approval.approvedAt} timeZone={zone} format="date" /> }}
              />
            </p>
          ) : (
            <p>
              <Trans t={t} i18nKey="record.approvedCoChairs" components={{ date: <MeetingTime value={approval.approvedAt} timeZone={zone} format="date" /> }} />
            </p>
          )
        ) : (
          <p>{t("record.notApproved")}</p>
        )}
        {approval.coChairs.map((c) => (
          <p key={c.side}>
            {c.side === "LABOR" ? (
              <Trans t={t} i18nKey="record.coChairApprovedLabor" values={{ name: c.name }} components={{ date: <MeetingTime value={c.at} timeZone={zone} format="date" /> }} />
            ) : (
              <Trans t={t} i18nKey="record.coChairApprovedManagement" values={{ name: c.name }} components={{ date: <MeetingTime value={c.at} timeZone={zone} format="date" /> }} />
            )}
          </p>
        ))}
      </section>
    </article>
  );
}
