// One supportive-service request: what is asked for whom, its status (live), the conversation between
// reviewer and organization, receipts, and what the viewer may do now. Only the requesting (or the
// trainee's) organization and the reviewers get here; a reviewer's visit is logged against the trainee,
// and a requesting organization whose access to the trainee was revoked sees the request without them.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { Section, Time } from "~/components/ui";
import { Attachments } from "~/features/services/attachments";
import { EditDraftForm } from "~/features/services/edit-draft-form";
import { Clock, Money, StatusBadge } from "~/features/services/parts";
import { Approvals, RequestActions } from "~/features/services/request-actions";
import { TraineeMessage } from "~/features/services/trainee-message";
import { useServicesLive } from "~/features/services/use-services-live";
import { superjsonResponse, useData } from "~/lib/data";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "request.pageTitle", "services") }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const partnershipId = params.partnershipId ?? "";
  const [view, summary] = await load(request, () =>
    Promise.all([context.trpc.services.request.get({ requestId: params.requestId ?? "" }), context.trpc.services.summary({ partnershipId })]),
  );
  return superjsonResponse({ view, summary });
}

export default function RequestPage() {
  const { partnershipId = "", requestId = "" } = useParams();
  const initial = useData<typeof loader>();
  useServicesLive(partnershipId);
  const utils = trpc.useUtils();
  // Each fetch by a reviewer is a logged read of the trainee's details: refetch on events, not on focus.
  const query = trpc.services.request.get.useQuery({ requestId }, { initialData: initial.view, refetchOnWindowFocus: false });
  const summary = trpc.services.summary.useQuery({ partnershipId }, { initialData: initial.summary }).data ?? initial.summary;
  const view = query.data ?? initial.view;
  const { request, trainee } = view;
  const { t } = useTranslation("services");
  const f = useFormat();

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/services`} className="link">
          {t("request.back")}
        </Link>
      </p>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">
            <Trans t={t} i18nKey="request.heading" values={{ category: t(`category.${request.category}`) }} components={{ money: <Money cents={request.requestedCents} /> }} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {trainee ? t("request.for", { trainee: trainee.name }) : ""}
            <Trans t={t} i18nKey="request.neededBy" values={{ organization: request.organizationName }} components={{ time: <Time value={request.neededBy} dateOnly /> }} />
          </p>
        </div>
        <div className="flex flex-col items-end gap-1" aria-live="polite" data-testid="request-status">
          <StatusBadge status={request.status} />
          <Clock clock={request.clock} />
        </div>
      </div>
      {query.isError ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {t("request.refreshError")}
        </p>
      ) : null}
      {view.viewer.conflictOfInterest ? (
        <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {t("request.conflict")}
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {request.status === "APPROVED" || request.status === "FULFILLED" || request.status === "DENIED" ? (
            <Section title={t("request.decision")} id="decision">
              <div className="space-y-1 text-sm" data-testid="decision">
                {request.approvedCents !== null ? (
                  <p>
                    <Trans
                      t={t}
                      i18nKey={request.fund ? "request.approvedFrom" : "request.approved"}
                      values={{ fund: request.fund?.name }}
                      components={{ approved: <Money cents={request.approvedCents} className="font-semibold" />, requested: <Money cents={request.requestedCents} /> }}
                    />
                  </p>
                ) : null}
                {request.decisionNote ? <p className="text-slate-700">{request.decisionNote}</p> : null}
                {request.fulfilledOn ? (
                  <p>
                    <Trans t={t} i18nKey="request.fulfilled" values={{ reference: request.fulfilmentReference }} components={{ time: <Time value={request.fulfilledOn} dateOnly /> }} />
                  </p>
                ) : null}
              </div>
            </Section>
          ) : null}
          <Approvals view={view} />
          {view.can.edit ? <EditDraftForm request={request} /> : null}
          <Section title={t("request.details")} id="details">
            <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">{t("request.justification")}</dt>
                <dd className="whitespace-pre-wrap break-words">{request.justification}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("request.trainee")}</dt>
                {trainee ? (
                  <dd>
                    {trainee.name}
                    <span className="block text-xs text-slate-600">
                      {t("request.traineeLine", { program: trainee.program, language: trainee.preferredLanguage })}
                      {trainee.phone ? ` · ${trainee.phone}` : ""}
                      {trainee.email ? ` · ${trainee.email}` : ""}
                    </span>
                  </dd>
                ) : (
                  <dd className="text-slate-600" data-testid="trainee-withheld">
                    {t("request.withheld")}
                  </dd>
                )}
              </div>
            </dl>
          </Section>
          {trainee ? (
            <Section title={t("forTrainee.title")} id="for-trainee">
              <TraineeMessage traineeName={trainee.name} language={trainee.preferredLanguage} request={request} />
            </Section>
          ) : null}
          <Section title={t("request.history")} id="history">
            <ol className="space-y-3" aria-live="polite">
              {view.events.map((e) => (
                <li key={e.id} className="text-sm">
                  <p>
                    <span className="font-medium">{e.actorName}</span> {t(`event.${e.kind}`, { defaultValue: e.kind, amount: f.cents(e.amountCents ?? 0) })}
                    {e.kind === "APPROVED" && e.amountCents !== null ? (
                      <>
                        {" "}
                        <Money cents={e.amountCents} />
                      </>
                    ) : null}{" "}
                    <span className="text-xs text-slate-500">
                      · <Time value={e.createdAt} withTime />
                    </span>
                  </p>
                  {e.note ? (
                    <p className={`mt-1 whitespace-pre-wrap break-words rounded-md p-2 ${e.kind === "INFO_REQUESTED" ? "bg-amber-50 text-amber-900" : "bg-slate-50 text-slate-700"}`}>
                      {e.note}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </Section>
        </div>
        <div className="min-w-0 space-y-6">
          <Section title={t("request.whatYouCanDo")} id="actions">
            <RequestActions view={view} />
          </Section>
          <Section title={t("request.files")} id="files">
            <Attachments requestId={request.id} items={view.attachments} canAttach={view.can.attach} canOpen={view.can.openFiles} onUploaded={() => void utils.services.request.get.invalidate({ requestId })} />
          </Section>
          <Section title={t("request.funds")} id="fund-balance">
            <p className="text-sm text-slate-700">
              {t("request.availableAcross")}{" "}
              <span data-testid="fund-available">
                <Money cents={summary.funds.availableCents} className="font-semibold" />
              </span>
            </p>
            <p className="mt-1 text-xs text-slate-500">
              <Link to={`/p/${partnershipId}/services/funds`} className="link">
                {t("request.seeFunds")}
              </Link>
            </p>
          </Section>
        </div>
      </div>
    </div>
  );
}
