// The drafts page's list (grouped by where each draft stands) and the form that starts a draft; the
// overview's short list of drafts in review.
import { Link, useNavigate } from "@remix-run/react";
import { Badge, EmptyState, Section } from "~/components/ui";
import { FormError, SelectField, TextField } from "~/components/field";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { CreateDraftInputSchema, DRAFT_STATUSES, PROGRAM_KINDS, TITLE_MAX } from "../../../server/domains/drafts/drafts.schema";
import { hoursText, STATUS_TONES, type DraftSummary } from "./labels";
import { useDraftListLive } from "./use-draft-live";

type ListData = { drafts: DraftSummary[]; canCreateIn: Array<{ id: string; name: string }> };

export function useDrafts(partnershipId: string, initial: ListData) {
  useDraftListLive(partnershipId);
  const query = trpc.drafts.draft.list.useQuery({ partnershipId }, { initialData: initial });
  return { data: query.data ?? initial, isError: query.isError };
}

function DraftItem({ draft, partnershipId }: { draft: DraftSummary; partnershipId: string }) {
  return (
    <li className="space-y-1 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <Link to={`/p/${partnershipId}/drafts/${draft.id}`} className="link break-words">
          {draft.title}
        </Link>
        <Badge tone={STATUS_TONES[draft.status]}>{DRAFT_STATUSES[draft.status]}</Badge>
        {draft.awaitingMySignOff ? <Badge tone="red">Your sign-off is requested</Badge> : null}
      </div>
      <span className="block text-xs text-slate-500">
        {draft.body.name} · {PROGRAM_KINDS[draft.programKind]} · {draft.occupation}
      </span>
      <span className="block text-xs text-slate-600">
        {draft.moduleCount} {draft.moduleCount === 1 ? "module" : "modules"} · {hoursText(draft.hours)}
        {draft.currentVersion ? ` · version ${draft.currentVersion}` : " · no version yet"}
        {draft.status === "IN_REVIEW" ? ` · ${draft.signOff.signed} of ${draft.signOff.required} worker sign-offs` : ""}
        {draft.signOff.changesRequested && draft.status === "IN_REVIEW" ? ` · changes requested` : ""}
      </span>
    </li>
  );
}

const GROUPS: Array<{ title: string; statuses: DraftSummary["status"][] }> = [
  { title: "In review", statuses: ["IN_REVIEW", "SIGNED_OFF"] },
  { title: "Being written", statuses: ["DRAFTING"] },
  { title: "Adopted", statuses: ["ADOPTED"] },
  { title: "Withdrawn", statuses: ["WITHDRAWN"] },
];

export function DraftGroups({ drafts, partnershipId }: { drafts: DraftSummary[]; partnershipId: string }) {
  if (drafts.length === 0) {
    return (
      <EmptyState title="No curriculum drafts yet">
        A committee's editors write training programs here, module by module; worker representatives sign off before adoption.
      </EmptyState>
    );
  }
  return (
    <>
      {GROUPS.map((g) => {
        const items = drafts.filter((d) => g.statuses.includes(d.status));
        if (items.length === 0) return null;
        return (
          <Section key={g.title} title={`${g.title} (${items.length})`} id={`drafts-${g.title.toLowerCase().replace(/\s+/g, "-")}`}>
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
  useDraftListLive(partnershipId);
  const query = trpc.drafts.draft.list.useQuery({ partnershipId });
  if (query.isError) return <p className="text-sm text-red-700">Could not load the drafts.</p>;
  if (!query.data) return <p className="text-sm text-slate-500">Loading drafts…</p>;
  const data = query.data;
  const items = data.drafts.filter((d) => d.status === "IN_REVIEW" || d.status === "SIGNED_OFF").slice(0, 5);
  if (items.length === 0) return <EmptyState title="No drafts in review">Curriculum drafts waiting for worker sign-off will appear here.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((d) => (
        <DraftItem key={d.id} draft={d} partnershipId={partnershipId} />
      ))}
    </ul>
  );
}

export function NewDraftForm({ partnershipId, bodies }: { partnershipId: string; bodies: Array<{ id: string; name: string }> }) {
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
    return <p className="text-sm text-slate-600">Only a committee's co-chairs and the editors it names start drafts.</p>;
  }
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate>
      <FormError message={form.error && !Object.keys(form.error.fields).length ? form.error.message : null} />
      <SelectField label="Committee" name="bodyId" options={bodies.map((b) => [b.id, b.name] as [string, string])} error={form.fieldError("bodyId")} />
      <TextField label="Title" name="title" required maxLength={TITLE_MAX} placeholder="Industrial Manufacturing Technician apprenticeship" error={form.fieldError("title")} />
      <TextField label="Occupation it trains for" name="occupation" required maxLength={TITLE_MAX} placeholder="Industrial Manufacturing Technician" error={form.fieldError("occupation")} />
      <SelectField label="Kind of program" name="programKind" options={PROGRAM_KINDS} error={form.fieldError("programKind")} />
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {form.pending ? "Starting…" : "Start the draft"}
      </button>
    </form>
  );
}
