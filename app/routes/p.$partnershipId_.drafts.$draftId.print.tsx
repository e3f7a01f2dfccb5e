// The printable curriculum: a clean page without the app's navigation (print it or save a PDF), with
// the version's modules, hours, and who signed off which version.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { Time } from "~/components/ui";
import { DRAFT_TEXT_CSS, useHoursText } from "~/features/drafts/labels";
import { useFormat } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { superjsonResponse, useData } from "~/lib/data";
import { load, requireUser } from "~/lib/guards.server";
import { moduleHours } from "../../server/domains/drafts/drafts.rules";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request);
  const draftId = params.draftId ?? "";
  const view = await load(request, () => context.trpc.drafts.draft.get({ draftId }));
  const version = view.draft.currentVersion ? await load(request, () => context.trpc.drafts.version.get({ draftId, number: view.draft.currentVersion })) : null;
  return superjsonResponse({ view, version });
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "print.pageTitle", "drafts") }];

export default function PrintableDraft() {
  const { view, version } = useData<typeof loader>();
  const { draft } = view;
  const { t } = useTranslation("drafts");
  const hoursText = useHoursText();
  const f = useFormat();
  const snapshot = version?.snapshot ?? { title: draft.title, occupation: draft.occupation, programKind: draft.programKind, modules: view.modules };
  const hours = version?.hours ?? view.hours;
  const byVersion = new Map<number, typeof view.signOffs>();
  for (const s of view.signOffs) byVersion.set(s.versionNumber, [...(byVersion.get(s.versionNumber) ?? []), s]);
  return (
    <article className="mx-auto max-w-3xl bg-white p-8 text-slate-900 print:max-w-none print:p-0">
      <style>{DRAFT_TEXT_CSS}</style>
      <div className="no-print mb-6 flex justify-between gap-2">
        <Link to={`/p/${draft.partnershipId}/drafts/${draft.id}`} className="btn-secondary">
          {t("print.back")}
        </Link>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/drafts/${draft.id}/curriculum.pdf`} className="btn-primary" download>
            {t("print.pdf")}
          </a>
          <button type="button" className="btn-secondary" onClick={() => window.print()}>
            {t("draft.print")}
          </button>
        </div>
      </div>
      <div className="border-b border-slate-300 pb-4">
        <p className="text-sm uppercase tracking-wide text-slate-600">{draft.bodyName}</p>
        <h1 className="text-2xl font-bold">{snapshot.title}</h1>
        <p className="text-sm text-slate-700">
          {t(`programKind.${snapshot.programKind}`)} · {snapshot.occupation}
        </p>
        <p className="mt-2 text-sm font-semibold" data-testid="print-status">
          {view.adoption ? (
            // Who adopted it: the body's vote, both co-chairs by name (proposer, then the one who concurred), or the one name recorded.
            view.adoption.motionId ? (
              <Trans t={t} i18nKey="print.adoptedByVote" values={{ number: view.adoption.versionNumber }} components={{ time: <Time value={view.adoption.createdAt} /> }} />
            ) : view.adoption.agreedBy.length === 2 ? (
              <Trans
                t={t}
                i18nKey="print.adoptedByCoChairs"
                values={{ number: view.adoption.versionNumber, proposer: view.adoption.agreedBy[0], concurrer: view.adoption.agreedBy[1] }}
                components={{ time: <Time value={view.adoption.createdAt} /> }}
              />
            ) : (
              <Trans
                t={t}
                i18nKey="print.adopted"
                values={{ number: view.adoption.versionNumber, name: view.adoption.adoptedByName }}
                components={{ time: <Time value={view.adoption.createdAt} /> }}
              />
            )
          ) : (
            <span className="text-amber-800">
              {version
                ? t("print.notAdoptedVersion", { status: t(`status.${draft.status}`).toLocaleUpperCase(f.locale), number: version.number })
                : t("print.notAdoptedCopy", { status: t(`status.${draft.status}`).toLocaleUpperCase(f.locale) })}
            </span>
          )}
        </p>
        <p className="text-sm">{t("print.total", { hours: hoursText(hours), testOut: f.number(hours.testOutHours) })}</p>
      </div>

      <table className="mt-6 w-full text-left text-sm">
        <caption className="mb-2 text-left text-lg font-semibold">{t("print.table")}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-2">{t("print.module")}</th>
            <th scope="col" className="py-1 pr-2 text-right">{t("print.related")}</th>
            <th scope="col" className="py-1 pr-2 text-right">{t("print.ojl")}</th>
            <th scope="col" className="py-1 text-right">{t("print.totalColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.modules.map((m, i) => {
            const h = moduleHours(m);
            return (
              <tr key={m.key} className="border-b border-slate-100">
                <td className="py-1 pr-2">
                  {i + 1}. {m.title}
                  {m.testOut ? ` ${t("print.testOut")}` : ""}
                </td>
                <td className="py-1 pr-2 text-right tabular-nums">{h.related}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{h.ojl}</td>
                <td className="py-1 text-right tabular-nums">{h.total}</td>
              </tr>
            );
          })}
          <tr className="font-semibold">
            <td className="py-1 pr-2">{t("print.totalColumn")}</td>
            <td className="py-1 pr-2 text-right tabular-nums">{hours.related}</td>
            <td className="py-1 pr-2 text-right tabular-nums">{hours.ojl}</td>
            <td className="py-1 text-right tabular-nums">{hours.total}</td>
          </tr>
        </tbody>
      </table>

      <section className="mt-6 space-y-5">
        {snapshot.modules.map((m, i) => (
          <div key={m.key} className="break-inside-avoid">
            <h2 className="text-lg font-semibold">
              {i + 1}. {m.title}
            </h2>
            <div className="draft-text text-sm" dangerouslySetInnerHTML={{ __html: m.objectives }} />
            {m.competencies.trim() ? (
              <p className="mt-1 text-sm">
                <strong>{t("print.competencies")}</strong> {m.competencies.split("\n").map((c) => c.trim()).filter(Boolean).join("; ")}
              </p>
            ) : null}
            <p className="text-sm">
              <strong>{t("print.assessment")}</strong> {m.assessment || t("print.notSet")} · <strong>{t("print.credential")}</strong> {m.credential || t("print.none")}
            </p>
          </div>
        ))}
      </section>

      <section className="mt-8 border-t border-slate-300 pt-4 text-sm">
        <h2 className="text-lg font-semibold">{t("review.title")}</h2>
        {view.versions.length === 0 ? <p>{t("print.noVersion")}</p> : null}
        {view.versions.map((v) => (
          <div key={v.number} className="mt-2 break-inside-avoid">
            <p className="font-semibold">
              <Trans t={t} i18nKey="print.version" values={{ number: v.number, summary: v.changeSummary, name: v.createdByName }} components={{ time: <Time value={v.createdAt} /> }} />
            </p>
            <ul className="list-disc pl-5">
              {(byVersion.get(v.number) ?? []).map((s) => (
                <li key={s.id}>
                  {s.decision === "SIGNED_OFF" ? (
                    <Trans t={t} i18nKey="print.signedOff" values={{ name: s.reviewerName }} components={{ time: <Time value={s.createdAt} /> }} />
                  ) : (
                    <Trans t={t} i18nKey="print.changesRequested" values={{ name: s.reviewerName, reason: s.reason }} components={{ time: <Time value={s.createdAt} /> }} />
                  )}
                </li>
              ))}
              {(byVersion.get(v.number) ?? []).length === 0 ? <li>{t("print.noDecisions")}</li> : null}
            </ul>
          </div>
        ))}
      </section>
    </article>
  );
}
