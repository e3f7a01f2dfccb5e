// "What needs me": everything that waits for the signed-in person across their partnerships, by kind,
// oldest first, each item one click from its page (joint changes answered right here). Live: refetched
// when an event that may concern the person arrives.
import { Link } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Badge, EmptyState, Time } from "~/components/ui";
import { JointChangeCard } from "~/features/joint/joint-change-card";
import { formatInZone } from "~/features/meetings/meeting-time";
import { useFormat } from "~/i18n/format";
import { useIsLive } from "~/features/realtime/realtime";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { WAITING_SECTIONS, type WaitingSection } from "../../../server/domains/home/home.schema";
import { PartnershipRoom, useWaitingLive } from "./use-waiting-live";

export type Waiting = RouterOutputs["home"]["waiting"]["list"];
type Sections = Waiting["sections"];

/** How many items wait in each partnership (for the partnership cards). */
export function countsByPartnership(waiting: Waiting) {
  const counts = new Map<string, number>();
  for (const key of Object.keys(waiting.sections) as WaitingSection[]) {
    for (const item of waiting.sections[key]) counts.set(item.partnershipId, (counts.get(item.partnershipId) ?? 0) + 1);
  }
  return counts;
}

export function useWaiting(initial: Waiting) {
  const { data = initial } = trpc.home.waiting.list.useQuery(undefined, { initialData: initial });
  return data;
}

export function WaitingForMe({ waiting }: { waiting: Waiting }) {
  useWaitingLive();
  const { t } = useTranslation("home");
  const live = useIsLive();
  const utils = trpc.useUtils();
  const [last, setLast] = useState<string | null>(null);
  const partnershipName = new Map(waiting.partnerships.map((p) => [p.id, p.name]));
  const where = (partnershipId: string, body?: { name: string; isPartnership?: boolean } | null) =>
    [waiting.partnerships.length > 1 ? partnershipName.get(partnershipId) : null, body && !body.isPartnership ? body.name : null].filter(Boolean).join(" · ");
  const sections = (Object.keys(WAITING_SECTIONS) as WaitingSection[]).filter((key) => waiting.sections[key].length > 0);

  return (
    <section aria-labelledby="waiting-for-you-heading" className="card" data-testid="waiting-for-me">
      {waiting.partnerships.map((p) => (
        <PartnershipRoom key={p.id} id={p.id} />
      ))}
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="waiting-for-you-heading" className="text-lg font-semibold text-slate-900">
          {waiting.total ? t("waiting.titleCount", { count: waiting.total }) : t("waiting.title")}
        </h2>
        <span className="inline-flex items-center gap-1 text-xs text-slate-600">
          <span aria-hidden className={`h-2 w-2 rounded-full ${live ? "bg-green-500" : "bg-slate-300"}`} />
          {live ? t("common:partnership.live") : t("common:partnership.connecting")}
        </span>
      </div>
      <p role="status" data-testid="joint-outcome" className={last ? "mb-3 rounded-md bg-green-50 p-2 text-sm text-green-900 ring-1 ring-green-200" : "sr-only"}>
        {last ?? ""}
      </p>
      {waiting.needsTwoFactor.length ? (
        <p className="mb-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <Trans
            t={t}
            i18nKey="waiting.needsTwoFactor"
            count={waiting.needsTwoFactor.length}
            values={{ names: waiting.needsTwoFactor.map((p) => p.name).join(", ") }}
            components={{ link: <Link to="/settings/security" className="link" /> }}
          />
        </p>
      ) : null}
      {sections.length === 0 ? (
        <EmptyState title={t("waiting.emptyTitle")}>
          {t("waiting.emptyBody")}
        </EmptyState>
      ) : (
        <div className="space-y-5">
          {sections.map((key) => (
            <WaitingGroup key={key} id={`waiting-${key}`} title={t(`waiting.sections.${key}`)} count={waiting.sections[key].length}>
              <Items
                kind={key}
                sections={waiting.sections}
                where={where}
                onJointDone={(message) => {
                  setLast(message);
                  void utils.home.waiting.invalidate();
                }}
              />
            </WaitingGroup>
          ))}
        </div>
      )}
    </section>
  );
}

function WaitingGroup({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-1 text-sm font-semibold uppercase tracking-wide text-slate-600">
        {title} <span className="font-normal text-slate-500">({count})</span>
      </h3>
      {children}
    </section>
  );
}

/** One line: the link to the item's page, where it is, since when, and a badge. */
function Row({ to, label, meta, since, badge }: { to: string; label: string; meta: ReactNode; since: Date; badge?: ReactNode }) {
  const { t } = useTranslation("home");
  return (
    <li className="flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:justify-between sm:gap-3">
      <div className="min-w-0 flex-1">
        <Link to={to} className="link break-words font-medium">
          {label}
        </Link>
        <span className="block text-xs text-slate-600">
          {meta}
          {meta ? " · " : ""}
          <Trans t={t} i18nKey="waiting.since" components={{ time: <Time value={since} /> }} />
        </span>
      </div>
      {/* A flex container drops the space between words and a <time>: the badge's text is one span. */}
      {badge ? <span className="shrink-0">{badge}</span> : null}
    </li>
  );
}

const List = ({ children }: { children: ReactNode }) => <ul className="divide-y divide-slate-100">{children}</ul>;

function Items({
  kind,
  sections,
  where,
  onJointDone,
}: {
  kind: WaitingSection;
  sections: Sections;
  where: (partnershipId: string, body?: { name: string; isPartnership?: boolean } | null) => string;
  onJointDone: (message: string) => void;
}) {
  const { t } = useTranslation("home");
  const f = useFormat();
  const p = (id: string) => `/p/${id}`;
  const money = (cents: number) => f.cents(cents);
  const category = (c: string) => t(`services:category.${c}`);
  switch (kind) {
    case "votes":
      return (
        <List>
          {sections.votes.map((v) => (
            <Row
              key={v.motionId}
              to={`${p(v.partnershipId)}/votes/${v.motionId}`}
              label={v.text}
              meta={[where(v.partnershipId, v.body), v.forSeatOf ? t("waiting.inSeatOf", { name: v.forSeatOf }) : null].filter(Boolean).join(" · ")}
              since={v.since}
              badge={
                v.deadline ? (
                  <Badge tone="amber">
                    <span>
                      <Trans t={t} i18nKey="waiting.closes" components={{ time: <Time value={v.deadline} withTime /> }} />
                    </span>
                  </Badge>
                ) : (
                  <Badge tone="amber">{t("waiting.openNow")}</Badge>
                )
              }
            />
          ))}
        </List>
      );
    case "agendas":
    case "minutes":
      return (
        <List>
          {sections[kind].map((m) => (
            <Row
              key={m.meetingId}
              to={kind === "agendas" ? `${p(m.partnershipId)}/meetings/${m.meetingId}` : `${p(m.partnershipId)}/meetings/${m.meetingId}#minutes`}
              label={kind === "agendas" ? t("waiting.agenda", { title: m.title, version: m.version }) : t("waiting.minutes", { title: m.title, version: m.version })}
              meta={[where(m.partnershipId, m.body), kind === "agendas" ? t("waiting.meets", { date: formatInZone(new Date(m.startsAt), m.timeZone, "date", f.locale) }) : null]
                .filter(Boolean)
                .join(" · ")}
              since={m.since}
              badge={m.otherSideApprovedAt ? <Badge tone="amber">{t("waiting.otherSideApproved")}</Badge> : <Badge>{t("waiting.neitherSide")}</Badge>}
            />
          ))}
        </List>
      );
    case "jointChanges":
      return (
        <ul className="space-y-3" aria-label={t("waiting.jointChanges")}>
          {sections.jointChanges.map((c) => (
            <li key={c.id}>
              <JointChangeCard change={c} showWhere onDone={onJointDone} />
            </li>
          ))}
        </ul>
      );
    case "signOffs":
      return (
        <List>
          {sections.signOffs.map((d) => (
            <Row
              key={d.draftId}
              to={`${p(d.partnershipId)}/drafts/${d.draftId}`}
              label={t("waiting.draftVersion", { title: d.title, version: d.versionNumber })}
              meta={[where(d.partnershipId, d.body), d.changeSummary].filter(Boolean).join(" · ")}
              since={d.since}
              badge={<Badge tone="amber">{t("waiting.signOff")}</Badge>}
            />
          ))}
        </List>
      );
    case "mentions":
      return (
        <List>
          {sections.mentions.map((c) => (
            <Row
              key={c.commentId}
              to={`${p(c.partnershipId)}/drafts/${c.draftId}`}
              label={t("waiting.mention", { name: c.authorName, title: c.draftTitle, excerpt: c.excerpt })}
              meta={where(c.partnershipId, c.body)}
              since={c.since}
            />
          ))}
        </List>
      );
    case "toReview":
      return (
        <List>
          {sections.toReview.map((r) => (
            <Row
              key={r.requestId}
              to={`${p(r.partnershipId)}/services/requests/${r.requestId}`}
              label={t("waiting.request", { category: category(r.category), amount: money(r.requestedCents) })}
              meta={[where(r.partnershipId), t("waiting.fromOrganization", { name: r.organizationName })].filter(Boolean).join(" · ")}
              since={r.since}
              badge={r.status === "UNDER_REVIEW" ? <Badge tone="indigo">{t("waiting.underReview")}</Badge> : <Badge tone="amber">{t("waiting.new")}</Badge>}
            />
          ))}
        </List>
      );
    case "toAnswer":
      return (
        <List>
          {sections.toAnswer.map((r) => (
            <Row
              key={r.requestId}
              to={`${p(r.partnershipId)}/services/requests/${r.requestId}`}
              label={
                r.traineeName
                  ? t("waiting.requestFor", { category: category(r.category), amount: money(r.requestedCents), name: r.traineeName })
                  : t("waiting.request", { category: category(r.category), amount: money(r.requestedCents) })
              }
              meta={where(r.partnershipId)}
              since={r.since}
              badge={<Badge tone="amber">{t("waiting.question")}</Badge>}
            />
          ))}
        </List>
      );
    case "actionItems":
      return (
        <List>
          {sections.actionItems.map((a) => {
            const overdue = a.dueDate.getTime() < Date.now();
            return (
              <Row
                key={a.id}
                to={`${p(a.partnershipId)}/meetings/${a.meeting.id}`}
                label={a.text}
                meta={[where(a.partnershipId), t("waiting.fromMeeting", { title: a.meeting.title })].filter(Boolean).join(" · ")}
                since={a.since}
                badge={
                  <Badge tone={overdue ? "red" : "slate"}>
                    <span>
                      {overdue ? (
                        <Trans t={t} i18nKey="waiting.overdue" components={{ time: <Time value={a.dueDate} dateOnly /> }} />
                      ) : (
                        <Trans t={t} i18nKey="waiting.due" components={{ time: <Time value={a.dueDate} dateOnly /> }} />
                      )}
                    </span>
                  </Badge>
                }
              />
            );
          })}
        </List>
      );
  }
}
