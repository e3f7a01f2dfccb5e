// The drafts page's list (grouped by where each draft stands) and the form that starts a draft; the
// overview's short list of drafts in review.
import { Link, useNavigate } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, EmptyState, Section } from "~/components/ui";
import { FormError, SelectField, TextField } from "~/components/field";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { CreateDraftInputSchema, PROGRAM_KINDS, TITLE_MAX, type DraftStatus } from "../../../server/domains/drafts/drafts.schema";
import { STATUS_TONES, useHoursText, type DraftSummary } from "./labels";
import { useDraftListLive } from "./use-draft-live";

type ListData = { drafts: DraftSummary[]; canCreateIn: Array<{ id: string; name: string }> };

export function useDrafts(partnershipId: string, initial: ListData) {
  useDraftListLive(partnershipId);
  const query = trpc.drafts.draft.list.useQuery({ partnershipId }, { initialData: initial });
  return { data: query.data ?? initial, isError: query.isError };
}

function DraftItem({ draft, partnershipId }: { draft: DraftSummary; partnershipId: string }) {
  const { t } = useTranslation("drafts");
  const hoursText = useHoursText();
  const facts = [
    t("list.modules", { count: draft.moduleCount }),
    hoursText(draft.hours),
    draft.currentVersion ? t("list.version", { number: draft.currentVersion }) : t("list.noVersion"),
    draft.status === "IN_REVIEW" ? t("list.signOffs", { count: draft.signOff.required, signed: draft.signOff.signed }) : null,
    draft.signOff.changesRequested && draft.status === "IN_REVIEW" ? t("list.changesRequested") : null,
  ].filter(Boolean);
  return (
    <li className="space-y-1 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <Link to={`/p/${partnershipId}/drafts/${draft.id}`} className="link break-words">
          {draft.title}
        </Link>
        <Badge tone={STATUS_TONES[draft.status]}>{t(`status.${draft.status}`)}</Badge>
        {draft.awaitingMySignOff ? <Badge tone="red">{t("list.yourSignOff")}</Badge> : null}
      </div>
      <span className="block text-xs text-slate-500">
        {draft.body.name} · {t(`programKind.${draft.programKind}`)} · {draft.occupation}
      </span>
      <span className="block text-xs text-slate-600">
        {facts.join(" · ")}
      </span>
    </li>
  );
}

const GROUPS: Array<{ key: "inReview" | "drafting" | "adopted" | "withdrawn"; id: string; statuses: DraftStatus[] }> = [
  { key: "inReview", id: "drafts-in-review", statuses: ["IN_REVIEW", "SIGNED_OFF"] },
  { key: "drafting", id: "drafts-being-written", statuses: ["DRAFTING"] },
  { key: "adopted", id: "drafts-adopted", statuses: ["ADOPTED"] },
  { key: "withdrawn", id: "drafts-withdrawn", statuses: ["WITHDRAWN"] },
];

export function DraftGroups({ drafts, partnershipId }: { drafts: DraftSummary[]; partnershipId: string }) {
  const { t } = useTranslation("drafts");
  if (drafts.length === 0) {
    return <EmptyState title={t("list.empty")}>{t("list.emptyBody")}</EmptyState>;
  }
  return (
    <>
      {GROUPS.map((g) => {
        const items = drafts.filter((d) => g.statuses.includes(d.status));
        if (items.length === 0) return null;
        return (
          <Section key={g.key} title={t(`list.group.${g.key}`, { count: items.length })} id={g.id}>
            <ul className="divide-y divide-slate-100">
              {items.map((d) => (
                <DraftItem key={d.id} draft={d} partnershipId={partnershipId} />
              ))}
            </ul>
          </Section>
        );
      })}
    </>
  );
}

/** The overview's panel: drafts waiting for worker sign-off or adoption (fetched by the panel itself). */
export function DraftsInReview({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation("drafts");
  useDraftListLive(partnershipId);
  const query = trpc.drafts.draft.list.useQuery({ partnershipId });
  if (query.isError) return <p className="text-sm text-red-700">{t("list.loadError")}</p>;
  if (!query.data) return <p className="text-sm text-slate-500">{t("list.loading")}</p>;
  const data = query.data;
  const items = data.drafts.filter((d) => d.status === "IN_REVIEW" || d.status === "SIGNED_OFF").slice(0, 5);
  if (items.length === 0) return <EmptyState title={t("list.noneInReview")}>{t("list.noneInReviewBody")}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((d) => (
        <DraftItem key={d.id} draft={d} partnershipId={partnershipId} />
      ))}
    </ul>
  );
}

export function NewDraftForm({ partnershipId, bodies }: { partnershipId: string; bodies: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation("drafts");
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const mutation = trpc.drafts.draft.create.useMutation();
  const form = useMutationForm({
    schema: CreateDraftInputSchema,
    mutation,
    onSuccess: ({ id }) => {
      void utils.drafts.draft.list.invalidate({ partnershipId });
      navigate(`/p/${partnershipId}/drafts/${id}?edit=1`);
    },
  });
  if (bodies.length === 0) {
    return <p className="text-sm text-slate-600">{t("new.notAllowed")}</p>;
  }
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label={t("new.title")}>
      <FormError message={form.error && !Object.keys(form.error.fields).length ? form.error.message : null} />
      <SelectField label={t("new.committee")} name="bodyId" options={bodies.map((b) => [b.id, b.name] as [string, string])} error={form.fieldError("bodyId")} />
      <TextField label={t("new.titleField")} name="title" required maxLength={TITLE_MAX} placeholder={t("new.titlePlaceholder")} error={form.fieldError("title")} />
      <TextField label={t("new.occupation")} name="occupation" required maxLength={TITLE_MAX} placeholder={t("new.occupationPlaceholder")} error={form.fieldError("occupation")} />
      <SelectField
        label={t("new.programKind")}
        name="programKind"
        options={(Object.keys(PROGRAM_KINDS) as Array<keyof typeof PROGRAM_KINDS>).map((k): [string, string] => [k, t(`programKind.${k}`)])}
        error={form.fieldError("programKind")}
      />
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {form.pending ? t("new.starting") : t("new.submit")}
      </button>
    </form>
  );
}
