// The agenda item form: proposing a new item, or a co-chair editing one (same fields, same schema as
// the server). Links are optional rows of label + address, up to ten.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { useServerMessage } from "~/i18n/server-messages";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import {
  AGENDA_ITEM_KINDS,
  type AgendaItemKind,
  EditItemInputSchema,
  ProposeItemInputSchema,
  TEXT_MAX,
  TIME_BOX_MAX,
  TITLE_MAX,
  URL_MAX,
} from "../../../../server/domains/meetings/meetings.schema";
import { useLimitHints } from "../limits";
import { useMeetingRefresh } from "./actions";
import type { AgendaItem } from "./types";

const MAX_LINKS = 10;
let nextRow = 0;
const newRow = () => `r${nextRow++}`;

type Row = { key: string; label: string; url: string };

function useLinkRows(initial: Array<{ label: string; url: string }>) {
  const [rows, setRows] = useState<Row[]>(() => initial.map((l) => ({ key: newRow(), ...l })));
  return {
    rows,
    add: () => setRows((r) => (r.length >= MAX_LINKS ? r : [...r, { key: newRow(), label: "", url: "" }])),
    remove: (key: string) => setRows((r) => r.filter((x) => x.key !== key)),
    clear: () => setRows([]),
    /** The links as the schema expects them, from the submitted form values (empty rows dropped). */
    read: (values: Record<string, FormDataEntryValue>) =>
      rows
        .map((r) => ({ label: String(values[`link-label-${r.key}`] ?? "").trim(), url: String(values[`link-url-${r.key}`] ?? "").trim() }))
        .filter((l) => l.label || l.url),
  };
}

function ItemFields({
  item,
  fieldError,
  links,
}: {
  item?: AgendaItem;
  fieldError: (name: string) => string | undefined;
  links: ReturnType<typeof useLinkRows>;
}) {
  const { t } = useTranslation("meetings");
  const { limitHint } = useLimitHints();
  const translate = useServerMessage();
  const groupId = useId();
  const linksError = fieldError("links");
  const kinds = Object.fromEntries((Object.keys(AGENDA_ITEM_KINDS) as AgendaItemKind[]).map((k) => [k, t(`kinds.${k}`)]));
  return (
    <>
      <TextField label={t("item.title")} name="title" required maxLength={TITLE_MAX} defaultValue={item?.title} error={fieldError("title")} />
      <TextArea
        label={t("item.description")}
        name="description"
        maxLength={TEXT_MAX}
        hint={limitHint(TEXT_MAX)}
        defaultValue={item?.description}
        error={fieldError("description")}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label={t("item.presenter")} name="presenter" maxLength={TITLE_MAX} defaultValue={item?.presenter} error={fieldError("presenter")} />
        <TextField
          label={t("item.timeBox")}
          name="timeBoxMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={TIME_BOX_MAX}
          required
          defaultValue={item?.timeBoxMinutes ?? 10}
          error={fieldError("timeBoxMinutes")}
        />
        <SelectField label={t("item.kind")} name="kind" options={kinds} defaultValue={item?.kind ?? "DISCUSSION"} error={fieldError("kind")} />
      </div>
      <fieldset className="space-y-2" aria-describedby={linksError ? `${groupId}-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("item.links", { max: MAX_LINKS })}</legend>
        {links.rows.map((row, i) => (
          <div key={row.key} className="grid items-end gap-2 sm:grid-cols-[1fr_2fr_auto]">
            <TextField
              label={t("item.linkLabel", { number: i + 1 })}
              name={`link-label-${row.key}`}
              maxLength={TITLE_MAX}
              defaultValue={row.label}
              placeholder={t("item.linkLabelPlaceholder")}
            />
            <TextField
              label={t("item.linkUrl", { number: i + 1 })}
              name={`link-url-${row.key}`}
              type="url"
              maxLength={URL_MAX}
              defaultValue={row.url}
              placeholder={t("urlPlaceholder")}
            />
            <button type="button" className="btn-secondary" onClick={() => links.remove(row.key)}>
              {t("agenda.remove")}<span className="sr-only"> {t("item.linkNumber", { number: i + 1 })}</span>
            </button>
          </div>
        ))}
        {linksError ? (
          <p id={`${groupId}-error`} className="text-sm text-red-700">
            {translate(linksError)}
          </p>
        ) : null}
        {links.rows.length < MAX_LINKS ? (
          <button type="button" className="btn-secondary py-1 text-xs" onClick={links.add}>
            {t("item.addLink")}
          </button>
        ) : null}
      </fieldset>
    </>
  );
}

export function ProposeItemForm({ meetingId, isChair }: { meetingId: string; isChair: boolean }) {
  const { t } = useTranslation("meetings");
  const refresh = useMeetingRefresh(meetingId);
  const propose = trpc.meetings.agenda.propose.useMutation({ onSuccess: () => void refresh() });
  const links = useLinkRows([]);
  const [done, setDone] = useState<string | null>(null);
  const form = useMutationForm({
    schema: ProposeItemInputSchema,
    mutation: propose,
    toInput: (values) => ({ ...values, meetingId, links: links.read(values) }),
    onSuccess: (result, el) => {
      el.reset();
      links.clear();
      setDone(result.status === "ACCEPTED" ? t("item.added") : t("item.proposed"));
    },
  });
  return (
    <form
      onSubmit={(e) => {
        setDone(null);
        void form.onSubmit(e);
      }}
      className="space-y-3"
      noValidate
      aria-label={t("proposals.propose")}
    >
      <FormError message={form.error?.message} />
      <ItemFields fieldError={form.fieldError} links={links} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={form.pending}>
          {form.pending ? t("common:actions.sending") : isChair ? t("item.addSubmit") : t("item.proposeSubmit")}
        </button>
        <p role="status" className="text-sm text-green-800">
          {done}
        </p>
      </div>
      {isChair ? (
        <p className="text-xs text-slate-500">{t("item.chairHint")}</p>
      ) : null}
    </form>
  );
}

export function EditItemForm({ meetingId, item, onDone }: { meetingId: string; item: AgendaItem; onDone: () => void }) {
  const { t } = useTranslation("meetings");
  const refresh = useMeetingRefresh(meetingId);
  const edit = trpc.meetings.agenda.edit.useMutation({ onSuccess: () => void refresh() });
  const links = useLinkRows(item.links);
  const form = useMutationForm({
    schema: EditItemInputSchema,
    mutation: edit,
    toInput: (values) => ({ ...values, itemId: item.id, links: links.read(values) }),
    onSuccess: () => onDone(),
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" noValidate aria-label={t("item.editLabel", { title: item.title })}>
      <FormError message={form.error?.message} />
      <ItemFields item={item} fieldError={form.fieldError} links={links} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={form.pending}>
          {form.pending ? t("common:actions.saving") : t("item.saveChanges")}
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          {t("cancel")}
        </button>
      </div>
      {item.status === "ACCEPTED" ? <p className="text-xs text-slate-500">{t("item.editHint")}</p> : null}
    </form>
  );
}
