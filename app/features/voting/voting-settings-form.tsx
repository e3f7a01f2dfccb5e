// A body's voting settings: whether the second must come from the other side, whether roll-call votes
// may be changed, what a deadlock leads to (and the umpire), when reminders go out, and each voting
// seat's alternate (same side). The settings and the umpire are joint changes: a co-chair proposes them
// (staff prepare), the other side's co-chair concurs. A side names its own seats' alternates at once.
//
//   <VotingSettingsForm committee={committee} />   committee = trpc.partnerships.committee.get output
// Must render inside the partnership layout (it reads the partnership's people for alternates).
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, SelectField, TextField } from "~/components/field";
import { usePartnership, usePeople } from "~/features/partnerships/use-partnership";
import { useRealtimeEvent } from "~/features/realtime/realtime";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { useMutationForm } from "~/lib/forms";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { DEADLOCK_PROCEDURES, type DeadlockProcedure } from "../../../server/domains/voting/voting.rules";
import { VotingSettingsInputSchema, UMPIRE_NAME_MAX } from "../../../server/domains/voting/voting.schema";
import { CheckboxField } from "./parts";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";

/** The server's rule, checked before sending so the message appears at once. */
const SettingsSchema = VotingSettingsInputSchema.refine((v) => v.deadlockProcedure !== "REFER_TO_UMPIRE" || v.umpireName.length > 0, {
  message: "Name the impartial umpire.",
  path: ["umpireName"],
});

type Committee = RouterOutputs["partnerships"]["committee"]["get"];
type Settings = RouterOutputs["voting"]["settings"]["get"];

export type VotingSettingsFormProps = {
  /** The body (committee or the partnership's top body): its id, seats and whether the viewer manages it. */
  committee: Pick<Committee, "id" | "canManage" | "seats">;
};

export function VotingSettingsForm({ committee }: VotingSettingsFormProps) {
  const bodyId = committee.id;
  const { t } = useTranslation("voting");
  const translate = useServerMessage();
  const utils = trpc.useUtils();
  const query = trpc.voting.settings.get.useQuery({ bodyId });
  // Settings changes are announced as partnership changes.
  useRealtimeEvent("partnership:changed", () => void utils.voting.settings.get.invalidate({ bodyId }));
  if (query.isPending) {
    return (
      <p className="text-sm text-slate-500" role="status">
        {t("settings.loading")}
      </p>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
        {t("settings.loadError", { error: translate(toUiError(query.error).message) })}{" "}
        <button type="button" className="link" onClick={() => void query.refetch()}>
          {t("settings.tryAgain")}
        </button>
      </div>
    );
  }
  const settings = query.data;
  return (
    <div className="space-y-6">
      {committee.canManage ? (
        <SettingsForm key={JSON.stringify({ ...settings, alternates: undefined })} bodyId={bodyId} settings={settings} />
      ) : (
        <SettingsSummary settings={settings} />
      )}
      <Alternates committee={committee} settings={settings} />
    </div>
  );
}

function SettingsSummary({ settings }: { settings: Settings }) {
  const { t } = useTranslation("voting");
  return (
    <dl className="space-y-2 text-sm">
      <div>
        <dt className="font-medium text-slate-500">{t("settings.seconding")}</dt>
        <dd>{settings.secondFromOtherSide ? t("settings.secondOtherSide") : t("settings.secondAny")}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-500">{t("settings.changing")}</dt>
        <dd>{settings.allowVoteChange ? t("settings.changeAllowed") : t("settings.changeFinal")}</dd>
      </div>
      <div>
        <dt className="font-medium text-slate-500">{t("settings.ifDeadlock")}</dt>
        <dd>
          {settings.deadlockProcedure === "REFER_TO_UMPIRE" && settings.umpireName
            ? t("settings.procedureWithUmpire", { procedure: t(`procedure.${settings.deadlockProcedure}`), name: settings.umpireName })
            : t(`procedure.${settings.deadlockProcedure}`)}
        </dd>
      </div>
      <div>
        <dt className="font-medium text-slate-500">{t("settings.reminders")}</dt>
        <dd>{settings.reminderLeadHours > 0 ? t("settings.reminderHours", { count: settings.reminderLeadHours }) : t("settings.noReminders")}</dd>
      </div>
    </dl>
  );
}

function SettingsForm({ bodyId, settings }: { bodyId: string; settings: Settings }) {
  const { t } = useTranslation("voting");
  const utils = trpc.useUtils();
  const [procedure, setProcedure] = useState<DeadlockProcedure>(settings.deadlockProcedure);
  const [saved, setSaved] = useState<ProposalResult>(null);
  const set = trpc.voting.settings.set.useMutation();
  const form = useMutationForm({
    schema: SettingsSchema,
    mutation: set,
    toInput: (values) => ({
      ...values,
      bodyId,
      secondFromOtherSide: values.secondFromOtherSide === "on",
      allowVoteChange: values.allowVoteChange === "on",
    }),
    onSuccess: (result) => {
      setSaved(result);
      void utils.voting.settings.get.invalidate({ bodyId });
    },
  });
  return (
    <form onSubmit={form.onSubmit} onChange={() => setSaved(null)} className="space-y-4" noValidate aria-label={t("settings.form")}>
      <FormError message={form.error?.message} />
      <CheckboxField
        label={t("settings.secondOtherSide")}
        name="secondFromOtherSide"
        defaultChecked={settings.secondFromOtherSide}
        hint={t("settings.secondOtherSideHint")}
      />
      <CheckboxField
        label={t("settings.allowChange")}
        name="allowVoteChange"
        defaultChecked={settings.allowVoteChange}
        hint={t("settings.allowChangeHint")}
      />
      <SelectField
        label={t("settings.procedure")}
        name="deadlockProcedure"
        options={(Object.keys(DEADLOCK_PROCEDURES) as DeadlockProcedure[]).map((p): [string, string] => [p, t(`procedure.${p}`)])}
        value={procedure}
        onChange={(e) => setProcedure(e.currentTarget.value as DeadlockProcedure)}
        error={form.fieldError("deadlockProcedure")}
      />
      <TextField
        label={procedure === "REFER_TO_UMPIRE" ? t("settings.umpire") : t("settings.umpireOptional")}
        name="umpireName"
        maxLength={UMPIRE_NAME_MAX}
        defaultValue={settings.umpireName}
        required={procedure === "REFER_TO_UMPIRE"}
        hint={t("settings.umpireHint")}
        error={form.fieldError("umpireName")}
      />
      <TextField
        label={t("settings.reminderLead")}
        name="reminderLeadHours"
        type="number"
        inputMode="numeric"
        min={0}
        max={336}
        defaultValue={settings.reminderLeadHours}
        hint={t("settings.reminderLeadHint")}
        error={form.fieldError("reminderLeadHours")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={form.pending}>
          {form.pending ? t("settings.proposing") : t("settings.propose")}
        </button>
        <ProposalNotice result={saved} applied={t("settings.nothingChanged")} />
      </div>
    </form>
  );
}

const isVotingSeat = (s: Committee["seats"][number]) => s.isVoting && (s.role === "CO_CHAIR" || s.role === "MEMBER");

/** Each voting seat's alternate: someone seated on this body from the same side, without a vote here. */
function Alternates({ committee, settings }: { committee: VotingSettingsFormProps["committee"]; settings: Settings }) {
  const { t } = useTranslation("voting");
  const home = usePartnership();
  const votingSeats = committee.seats.filter(isVotingSeat);
  const votingIds = new Set(votingSeats.map((s) => s.membershipId));
  const alternateOf = new Map(settings.alternates.map((a) => [a.membershipId, a.alternateMembershipId]));
  // An alternate is normally seated here; the partnership's people are loaded only for one who no longer is.
  const seatedName = new Map(committee.seats.map((s) => [s.membershipId, s.name]));
  const unseated = settings.alternates.some((a) => a.alternateMembershipId && !seatedName.has(a.alternateMembershipId));
  const people = usePeople({ enabled: unseated }).data;
  const nameOf = (id: string | null | undefined) => (id ? (seatedName.get(id) ?? people?.find((p) => p.membershipId === id)?.name) : undefined);
  const mine = settings.alternates.find((a) => a.membershipId === home.viewer.membershipId);
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">{t("alternates.title")}</h3>
      <p className="mt-1 text-xs text-slate-500">{t("alternates.intro")}</p>
      {mine && votingIds.has(mine.membershipId) ? (
        <MyDelegation bodyId={committee.id} alternateName={nameOf(mine.alternateMembershipId) ?? t("alternates.yours")} delegates={mine.delegatesElectronicVotes} />
      ) : null}
      {votingSeats.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("alternates.noVoting")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {votingSeats.map((seat) => {
            const current = alternateOf.get(seat.membershipId) ?? null;
            const candidates = committee.seats
              .filter((s) => s.side === seat.side && !votingIds.has(s.membershipId))
              .map((s) => ({ membershipId: s.membershipId, name: s.name, organizationName: s.organizationName }));
            return committee.canManage ? (
              <AlternateRow key={seat.membershipId} bodyId={committee.id} seat={seat} current={current} candidates={candidates} />
            ) : (
              <li key={seat.membershipId} className="flex flex-wrap justify-between gap-2 text-sm">
                <span className="font-medium text-slate-900">{seat.name}</span>
                <span className="text-slate-600">{nameOf(current) ?? t("alternates.none")}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** The viewer's own choice: let their alternate cast their vote in electronic votes opened from now on. */
function MyDelegation({ bodyId, alternateName, delegates }: { bodyId: string; alternateName: string; delegates: boolean }) {
  const id = useId();
  const { t } = useTranslation("voting");
  const translate = useServerMessage();
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const set = trpc.voting.settings.setDelegation.useMutation({
    onError: (e) => setError(toUiError(e).message),
    onSuccess: () => {
      setError(null);
      void utils.voting.settings.get.invalidate({ bodyId });
    },
  });
  const checked = set.isPending ? Boolean(set.variables?.delegates) : delegates;
  return (
    <div className="mt-3 rounded-md bg-indigo-50 p-3 text-sm ring-1 ring-indigo-200">
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          className="mt-0.5 h-4 w-4"
          checked={checked}
          disabled={set.isPending}
          aria-describedby={`${id}-hint`}
          onChange={(e) => set.mutate({ bodyId, delegates: e.currentTarget.checked })}
        />
        <label htmlFor={id} className="font-medium text-slate-900">
          {t("alternates.delegate", { name: alternateName })}
        </label>
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        {t("alternates.delegateHint")}
      </p>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {translate(error)}
        </p>
      ) : null}
    </div>
  );
}

function AlternateRow({
  bodyId,
  seat,
  current,
  candidates,
}: {
  bodyId: string;
  seat: Committee["seats"][number];
  current: string | null;
  candidates: Array<{ membershipId: string; name: string; organizationName: string }>;
}) {
  const id = useId();
  const { t } = useTranslation("voting");
  const translate = useServerMessage();
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const setAlternate = trpc.voting.settings.setAlternate.useMutation({
    onError: (e) => setError(toUiError(e).message),
    onSuccess: (result) => {
      setError(null);
      // Another side's seat: a proposal for that side's co-chair.
      setSaved(result.pending ? t("alternates.proposed") : t("alternates.saved"));
      void utils.voting.settings.get.invalidate({ bodyId });
    },
  });
  return (
    <li className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t("alternates.for", { name: seat.name })}
      </label>
      <div className="flex items-center gap-2">
        <select
          id={id}
          className="input"
          value={(setAlternate.isPending ? setAlternate.variables?.alternateMembershipId : current) ?? ""}
          disabled={setAlternate.isPending}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : candidates.length === 0 && !current ? `${id}-hint` : undefined}
          onChange={(e) => {
            setSaved(null);
            setAlternate.mutate({ bodyId, membershipId: seat.membershipId, alternateMembershipId: e.currentTarget.value || null });
          }}
        >
          <option value="">{t("alternates.none")}</option>
          {candidates.map((c) => (
            <option key={c.membershipId} value={c.membershipId}>
              {t("alternates.option", { name: c.name, organization: c.organizationName })}
            </option>
          ))}
        </select>
        <span role="status" className="w-20 shrink-0 text-xs text-slate-500">
          {setAlternate.isPending ? t("common:actions.saving") : (saved ?? "")}
        </span>
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {translate(error)}
        </p>
      ) : candidates.length === 0 && !current ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {t("alternates.noCandidates")}
        </p>
      ) : null}
    </li>
  );
}
