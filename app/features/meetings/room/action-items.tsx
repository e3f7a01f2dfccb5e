// Action items of an item: who does what by when. The owner or a co-chair moves their status along.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { FormError, SelectField, TextField } from "~/components/field";
import { Badge, InlineError } from "~/components/ui";
import { intlLocale } from "~/i18n/config";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { ACTION_STATUSES, CreateActionItemInputSchema, TEXT_MAX, type ActionStatus } from "../../../../server/domains/meetings/meetings.schema";
import { useActionError, useMeetingRefresh } from "./actions";
import { formatDueDate } from "../meeting-time";
import { type MeetingView } from "./types";

type Action = MeetingView["actionItems"][number];
const STATUS_TONE: Record<ActionStatus, "amber" | "green" | "slate"> = { OPEN: "amber", DONE: "green", DROPPED: "slate" };

export function ActionItems({
  view,
  agendaItemId,
  itemTitle,
  actions,
  canWrite,
}: {
  view: MeetingView;
  agendaItemId: string | null;
  itemTitle: string | null;
  actions: Action[];
  canWrite: boolean;
}) {
  const { t } = useTranslation("meetings");
  if (actions.length === 0 && !canWrite) return null;
  return (
    <div className="mt-3">
      <h4 className="text-sm font-semibold text-slate-800">{t("actions.title")}</h4>
      {actions.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{t("actions.none")}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100" data-testid="action-items">
          {actions.map((a) => (
            <ActionRow key={a.id} view={view} action={a} />
          ))}
        </ul>
      )}
      {canWrite ? <CreateAction view={view} agendaItemId={agendaItemId} itemTitle={itemTitle} /> : null}
    </div>
  );
}

function ActionRow({ view, action }: { view: MeetingView; action: Action }) {
  const { t, i18n } = useTranslation("meetings");
  const id = useId();
  const err = useActionError(view.meeting.id);
  const setStatus = trpc.meetings.action.setStatus.useMutation({ onError: err.onError, onSuccess: err.onSuccess });
  const due = { name: action.ownerName, due: formatDueDate(action.dueDate, intlLocale(i18n.language)) };
  const canChange = view.viewer.canChair || action.ownerMembershipId === view.viewer.membershipId;
  return (
    <li className="py-2 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="whitespace-pre-wrap break-words text-slate-900">{action.text}</p>
          <p className="text-xs text-slate-600">
            {action.ownerMembershipId === view.viewer.membershipId ? t("actions.ownerYouDue", due) : t("actions.ownerDue", due)}
          </p>
        </div>
        {canChange ? (
          <div>
            <label htmlFor={id} className="sr-only">
              {t("actions.statusOf", { text: action.text })}
            </label>
            <select
              id={id}
              className="input w-auto py-1"
              value={action.status}
              disabled={setStatus.isPending}
              onChange={(e) => setStatus.mutate({ actionId: action.id, status: e.currentTarget.value as ActionStatus })}
            >
              {Object.keys(ACTION_STATUSES).map((value) => (
                <option key={value} value={value}>
                  {t(`actionStatus.${value}`)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <Badge tone={STATUS_TONE[action.status]}>{t(`actionStatus.${action.status}`)}</Badge>
        )}
      </div>
      <InlineError message={err.error} />
    </li>
  );
}

function CreateAction({ view, agendaItemId, itemTitle }: { view: MeetingView; agendaItemId: string | null; itemTitle: string | null }) {
  const { t } = useTranslation("meetings");
  const meetingId = view.meeting.id;
  const refresh = useMeetingRefresh(meetingId);
  const create = trpc.meetings.action.create.useMutation({ onSuccess: () => void refresh() });
  const form = useMutationForm({
    schema: CreateActionItemInputSchema,
    mutation: create,
    toInput: (values) => ({ ...values, meetingId, agendaItemId }),
    onSuccess: (_r, el) => el.reset(),
  });
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-indigo-700">{t("actions.add")}</summary>
      <form
        onSubmit={form.onSubmit}
        noValidate
        className="mt-2 space-y-2"
        aria-label={itemTitle ? t("actions.addFor", { title: itemTitle }) : t("actions.add")}
      >
        <FormError message={form.error && Object.keys(form.error.fields).length === 0 ? form.error.message : null} />
        <TextField label={t("actions.text")} name="text" maxLength={TEXT_MAX} error={form.fieldError("text")} />
        <div className="grid gap-2 sm:grid-cols-2">
          <SelectField
            label={t("actions.owner")}
            name="ownerMembershipId"
            placeholder={t("actions.chooseMember")}
            options={view.roster.map((r): [string, string] => [r.membershipId, r.name])}
            error={form.fieldError("ownerMembershipId")}
          />
          <TextField label={t("actions.dueDate")} name="dueDate" type="date" error={form.fieldError("dueDate")} />
        </div>
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          {form.pending ? t("actions.adding") : t("actions.submit")}
        </button>
      </form>
    </details>
  );
}
