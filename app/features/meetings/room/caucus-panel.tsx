// A side's private caucus: shared notes and quick straw polls. Only the viewer's own side is ever
// fetched (the server answers for the asker's side; the other side's room and data are out of reach).
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, TextField } from "~/components/field";
import { EmptyState, InlineError, Section } from "~/components/ui";
import { toUiError } from "~/lib/errors";
import { useMutationForm } from "~/lib/forms";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { CAUCUS_NOTE_MAX, STRAW_CHOICES, StrawPollInputSchema, TITLE_MAX, type StrawChoice } from "../../../../server/domains/meetings/meetings.schema";
import { SharedTextEditor } from "./shared-text";
import { type CoChairSide } from "./types";
import { useSharedDraft } from "./use-draft";

type Caucus = RouterOutputs["meetings"]["caucus"]["get"];

export function CaucusPanel({ meetingId, side, canPoll }: { meetingId: string; side: CoChairSide; canPoll: boolean }) {
  const { t } = useTranslation("meetings");
  const query = trpc.meetings.caucus.get.useQuery({ meetingId });
  return (
    <Section title={t(`caucus.title.${side}`)} id="caucus">
      <p className="mb-3 text-sm text-slate-600">{t(`caucus.private.${side}`)}</p>
      {query.isPending ? (
        <p className="text-sm text-slate-600" role="status">
          {t("caucus.loading")}
        </p>
      ) : query.isError ? (
        <div>
          <InlineError message={toUiError(query.error).message} />
          <button type="button" className="btn-secondary mt-2" onClick={() => void query.refetch()}>
            {t("tryAgain")}
          </button>
        </div>
      ) : (
        <div className="space-y-6">
          {query.data.canWrite ? (
            <CaucusNotes meetingId={meetingId} caucus={query.data} />
          ) : (
            <ReadOnlyNotes caucus={query.data} />
          )}
          <StrawPolls meetingId={meetingId} caucus={query.data} canPoll={canPoll && query.data.canWrite} />
        </div>
      )}
    </Section>
  );
}

/** What an observer sees: the side's notes, without the editor. */
function ReadOnlyNotes({ caucus }: { caucus: Caucus }) {
  const { t } = useTranslation("meetings");
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">{t("caucus.notes")}</h3>
      <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{caucus.note.text || t("caucus.noNotes")}</p>
      <p className="mt-1 text-xs text-slate-500">{t("caucus.observer")}</p>
    </div>
  );
}

function CaucusNotes({ meetingId, caucus }: { meetingId: string; caucus: Caucus }) {
  const { t } = useTranslation("meetings");
  const utils = trpc.useUtils();
  const save = trpc.meetings.caucus.saveNote.useMutation();
  const draft = useSharedDraft(caucus.note);
  return (
    <SharedTextEditor
      label={t("caucus.notes")}
      draft={draft}
      savedText={caucus.note.text}
      savedRevision={caucus.note.revision}
      conflictTitle={t("caucus.conflict")}
      maxLength={CAUCUS_NOTE_MAX}
      rows={6}
      saveLabel={t("caucus.saveNotes")}
      onSave={(overwrite) =>
        void draft.save(
          (text, baseRevision) => save.mutateAsync({ meetingId, text, baseRevision }),
          () => utils.meetings.caucus.get.invalidate({ meetingId }),
          overwrite,
        )
      }
    />
  );
}

function StrawPolls({ meetingId, caucus, canPoll }: { meetingId: string; caucus: Caucus; canPoll: boolean }) {
  const { t } = useTranslation("meetings");
  const utils = trpc.useUtils();
  const create = trpc.meetings.caucus.createPoll.useMutation({ onSuccess: () => void utils.meetings.caucus.get.invalidate({ meetingId }) });
  const form = useMutationForm({
    schema: StrawPollInputSchema,
    mutation: create,
    toInput: (values) => ({ ...values, meetingId }),
    onSuccess: (_r, el) => el.reset(),
  });
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">{t("caucus.polls")}</h3>
      {canPoll ? (
        <form onSubmit={form.onSubmit} noValidate className="mt-2 flex flex-wrap items-end gap-2" aria-label={t("caucus.askPoll")}>
          <div className="min-w-[12rem] flex-1">
            <TextField
              label={t("caucus.question")}
              name="question"
              maxLength={TITLE_MAX}
              required
              error={form.fieldError("question")}
              placeholder={t("caucus.questionPlaceholder")}
            />
          </div>
          <button type="submit" className="btn-secondary" disabled={form.pending}>
            {form.pending ? t("caucus.asking") : t("caucus.ask")}
          </button>
          <div className="w-full">
            <FormError message={form.error?.fields.question ? null : form.error?.message} />
          </div>
        </form>
      ) : null}
      {caucus.polls.length === 0 ? (
        <div className="mt-2">
          <EmptyState title={t("caucus.noPolls")} />
        </div>
      ) : (
        <ul className="mt-3 space-y-3">
          {caucus.polls.map((poll) => (
            <Poll key={poll.id} meetingId={meetingId} poll={poll} canVote={caucus.canWrite} />
          ))}
        </ul>
      )}
    </div>
  );
}

function Poll({ meetingId, poll, canVote }: { meetingId: string; poll: Caucus["polls"][number]; canVote: boolean }) {
  const { t } = useTranslation("meetings");
  const name = useId();
  const utils = trpc.useUtils();
  // The choice just made shows at once, until the refetched tally carries it.
  const [picked, setPicked] = useState<StrawChoice | null>(null);
  const vote = trpc.meetings.caucus.vote.useMutation({
    onSuccess: async () => {
      await utils.meetings.caucus.get.invalidate({ meetingId });
      setPicked(null);
    },
    onError: () => setPicked(null),
  });
  const current = picked ?? poll.myChoice;
  const total = Object.values(poll.tally).reduce((a, b) => a + b, 0);
  return (
    <li className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <fieldset>
        <legend className="font-medium text-slate-900">{poll.question}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {(Object.keys(STRAW_CHOICES) as StrawChoice[]).map((choice) => {
            const chosen = current === choice;
            return (
              <label
                key={choice}
                className={`flex cursor-pointer items-center gap-2 rounded-md px-3 py-1.5 text-sm ring-1 ${
                  chosen ? "bg-indigo-50 ring-indigo-500" : "bg-white ring-slate-300"
                }`}
              >
                <input
                  type="radio"
                  name={name}
                  value={choice}
                  checked={chosen}
                  disabled={!canVote}
                  onChange={() => {
                    setPicked(choice);
                    vote.mutate({ pollId: poll.id, choice });
                  }}
                  className="h-4 w-4"
                />
                {t(`straw.${choice}`)}
              </label>
            );
          })}
        </div>
      </fieldset>
      <p className="mt-2 text-sm text-slate-700" aria-live="polite">
        {(Object.keys(STRAW_CHOICES) as StrawChoice[]).map((c) => t("caucus.tallyOne", { choice: t(`straw.${c}`), count: poll.tally[c] })).join(" · ")}{" "}
        <span className="text-slate-500">{t("caucus.total", { count: total })}</span>
      </p>
      <InlineError message={vote.error ? toUiError(vote.error).message : null} />
    </li>
  );
}
