import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, EmptyState, PageHeader, SideBadge } from "~/components/ui";
import { countsByPartnership, useWaiting, WaitingForMe, type Waiting } from "~/features/home/waiting-for-me";
import { superjsonResponse, useData } from "~/lib/data";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { fixedT } from "~/i18n/config";
import { localeOf } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = fixedT(localeOf(matches), "home");
  return [{ title: `${t("common:appName")} · ${t("pageTitle")}` }];
};

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.user) return superjsonResponse({ signedIn: false as const });
  const [partnerships, waiting] = await Promise.all([context.trpc.partnerships.partnership.list(), context.trpc.home.waiting.list()]);
  return superjsonResponse({ signedIn: true as const, partnerships, waiting });
}

export default function Index() {
  const data = useData<typeof loader>();
  return data.signedIn ? <Dashboard initial={data.partnerships} waiting={data.waiting} /> : <Welcome />;
}

type MyPartnerships = RouterOutputs["partnerships"]["partnership"]["list"];

function Dashboard({ initial, waiting: initialWaiting }: { initial: MyPartnerships; waiting: Waiting }) {
  const { data: partnerships = initial } = trpc.partnerships.partnership.list.useQuery(undefined, { initialData: initial });
  const waiting = useWaiting(initialWaiting);
  const { t } = useTranslation("home");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link to="/partnerships/new" className="btn-primary">
            {t("newPartnership")}
          </Link>
        }
      />
      {partnerships.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <div className="space-y-8">
          <WaitingForMe waiting={waiting} />
          <PartnershipList partnerships={partnerships} counts={countsByPartnership(waiting)} />
        </div>
      )}
    </>
  );
}

function PartnershipList({ partnerships, counts }: { partnerships: MyPartnerships; counts: Map<string, number> }) {
  const { t } = useTranslation("home");
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {partnerships.map((p) => (
        <li key={p.id}>
          <Link to={`/p/${p.id}`} className="card block h-full transition hover:ring-indigo-300">
            <div className="flex flex-col-reverse items-start justify-between gap-2 sm:flex-row">
              <h2 className="text-lg font-semibold text-slate-900" translate="no">
                {p.name}
              </h2>
              <span className="flex shrink-0 flex-wrap gap-1 sm:justify-end">
                {counts.get(p.id) ? <Badge tone="amber">{t("waitingCount", { count: counts.get(p.id) })}</Badge> : null}
                <Badge>{t(`common:enums.sector.${p.sector}`, { defaultValue: p.sector })}</Badge>
              </span>
            </div>
            {p.description ? <p className="mt-1 line-clamp-2 text-sm text-slate-600">{p.description}</p> : null}
            <div className="mt-3 flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <SideBadge side={p.side} />
              <span>
                {p.role ? t(`common:enums.role.${p.role}`) : t("memberFallback")} · {p.organizationName}
              </span>
              <span aria-hidden>·</span>
              <span>
                {t("people", { count: p.memberCount })}, {t("organizations", { count: p.organizationCount })}
              </span>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Welcome() {
  const { t } = useTranslation("home");
  return (
    <div className="mx-auto max-w-3xl py-10 text-center">
      <h1 className="text-4xl font-bold tracking-tight text-slate-900">{t("welcome.title")}</h1>
      <p className="mt-4 text-lg text-slate-600">{t("welcome.body")}</p>
      <div className="mt-8 flex justify-center gap-3">
        <Link to="/signup" className="btn-primary">
          {t("welcome.createAccount")}
        </Link>
        <Link to="/signin" className="btn-secondary">
          {t("welcome.signIn")}
        </Link>
      </div>
    </div>
  );
}
