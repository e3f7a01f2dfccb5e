// Adopting the signed-off version needs both sides: a co-chair proposes it (the other side's co-chair
// concurs on their home page or the committee's page), or a voting member moves a motion that names
// the version and adopts it when the body passes it by dual majority. After adoption, a registered
// apprenticeship's standard may go through the registration agency (submitted, approved or returned).
import { Link } from "@remix-run/react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Badge } from "~/components/ui";
import { SelectField, TextArea, TextField } from "~/components/field";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { useFormat } from "~/i18n/format";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { AGENCY_MAX, AGENCY_REFERENCE_MAX, FIELD_MAX, REGISTRATION_STATUSES, type RegistrationStatus } from "../../../server/domains/drafts/drafts.schema";
import type { DraftView } from "./labels";

const MOTION_STATUSES: readonly string[] = ["MOVED", "SECONDED", "OPEN", "CLOSED", "WITHDRAWN", "TABLED"];
const OUTCOMES: readonly string[] = ["PASSED", "FAILED", "DEADLOCKED", "NO_QUORUM"];

export function AdoptionPanel({ view }: { view: DraftView }) {
  const { draft, viewer, adoption } = view;
  const { t } = useTranslation("drafts");
  const translate = useServerMessage();
  const utils = trpc.useUtils();
  const propose = trpc.drafts.draft.adopt.useMutation();
  const move = trpc.voting.motion.move.useMutation();
  const [notice, setNotice] = useState<ProposalResult>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ballotKind, setBallotKind] = useState<"ROLL_CALL" | "SECRET">("ROLL_CALL");
  const refresh = () => {
    void utils.drafts.draft.get.invalidate({ draftId: draft.id });
    void utils.drafts.draft.list.invalidate();
  };

  async function onPropose() {
    try {
      setNotice(await propose.mutateAsync({ draftId: draft.id, versionNumber: draft.currentVersion }));
      setError(null);
    } catch (e) {
      setError(toUiError(e).message);
    }
    refresh();
  }

  async function onMove() {
    try {
      const { id } = await move.mutateAsync({
        bodyId: draft.bodyId,
        meetingId: null,
        text: t("adoption.motionText", { body: draft.bodyName, number: draft.currentVersion, title: draft.title }),
        ballotKind,
        rule: "DUAL_MAJORITY",
        requireQuorum: true,
        adoptsDraft: { draftId: draft.id, versionNumber: draft.currentVersion },
      });
      setMoved(id);
      setError(null);
    } catch (e) {
      setError(toUiError(e).message);
    }
    refresh();
  }

  const signedOff = draft.status === "SIGNED_OFF";
  return (
    <div className="space-y-3 border-t border-slate-100 pt-3" data-testid="adoption">
      <h3 className="font-semibold text-slate-900">{t("adoption.title")}</h3>
      {adoption ? (
        <p className="rounded-md bg-green-50 p-2 text-green-900 ring-1 ring-green-200" data-testid="adoption-record">
          {adoption.motionId ? (
            <Trans
              t={t}
              i18nKey="adoption.byVote"
              values={{ number: adoption.versionNumber }}
              components={{ link: <Link className="link" to={`/p/${draft.partnershipId}/votes/${adoption.motionId}`} /> }}
            />
          ) : adoption.agreedBy.length === 2 ? (
            t("adoption.byCoChairs", { number: adoption.versionNumber, proposer: adoption.agreedBy[0], concurrer: adoption.agreedBy[1] })
          ) : (
            t("adoption.byName", { number: adoption.versionNumber, name: adoption.adoptedByName })
          )}
        </p>
      ) : draft.status === "WITHDRAWN" ? null : (
        <>
          <p className="text-slate-700">{t("adoption.needsBoth")}</p>
          {!signedOff ? <p className="text-xs text-slate-500">{t("adoption.opensAfterSignOff")}</p> : null}
          {viewer.canProposeAdoption ? (
            <div className="space-y-1">
              <button type="button" className="btn-primary" disabled={propose.isPending} onClick={() => void onPropose()}>
                {t("adoption.propose", { number: draft.currentVersion })}
              </button>
              {notice ? <ProposalNotice result={notice} applied={t("adoption.adopted")} /> : null}
            </div>
          ) : null}
          {viewer.canMoveAdoption ? (
            <div className="flex flex-wrap items-end gap-2">
              <SelectField
                label={t("adoption.ballotKind")}
                value={ballotKind}
                onChange={(e) => setBallotKind(e.target.value as "ROLL_CALL" | "SECRET")}
                options={{ ROLL_CALL: t("voting:ballotShort.ROLL_CALL"), SECRET: t("voting:ballotShort.SECRET") }}
              />
              <button type="button" className="btn-secondary" disabled={move.isPending} onClick={() => void onMove()}>
                {t("adoption.move", { number: draft.currentVersion })}
              </button>
            </div>
          ) : null}
          {moved ? (
            <p role="status" className="text-sm text-green-800">
              <Trans t={t} i18nKey="adoption.moved" components={{ link: <Link className="link" to={`/p/${draft.partnershipId}/votes/${moved}`} /> }} />
            </p>
          ) : null}
        </>
      )}
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-red-800 ring-1 ring-red-200">
          {translate(error)}
        </p>
      ) : null}
      {view.adoptionMotions.length ? (
        <ul className="space-y-1" aria-label={t("adoption.motions")}>
          {view.adoptionMotions.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-2">
              <Link className="link" to={`/p/${draft.partnershipId}/votes/${m.id}`}>
                {t("adoption.motion", { number: m.versionNumber })}
              </Link>
              <Badge tone={m.outcome === "PASSED" ? "green" : m.status === "CLOSED" ? "red" : "amber"}>
                {m.status === "CLOSED" && m.outcome && OUTCOMES.includes(m.outcome)
                  ? t(`voting:outcome.${m.outcome}`)
                  : MOTION_STATUSES.includes(m.status)
                    ? t(`adoption.motionStatus.${m.status}`)
                    : m.status}
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
      {draft.status === "ADOPTED" && draft.programKind === "REGISTERED_APPRENTICESHIP" ? <RegistrationStep view={view} /> : null}
    </div>
  );
}

const isoDay = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().slice(0, 10) : "");

/** The registration agency's step: where it stands, and a form for co-chairs and staff. */
function RegistrationStep({ view }: { view: DraftView }) {
  const { draft, viewer, registration } = view;
  const { t } = useTranslation("drafts");
  const translate = useServerMessage();
  const f = useFormat();
  const day = (d: Date | string) => f.calendarDate(new Date(isoDay(d)));
  const utils = trpc.useUtils();
  const save = trpc.drafts.draft.registration.useMutation();
  const [form, setForm] = useState({
    status: (registration?.status ?? "SUBMITTED") as RegistrationStatus,
    agency: registration?.agency ?? "",
    agencyReference: registration?.agencyReference ?? "",
    submittedOn: isoDay(registration?.submittedOn),
    decidedOn: isoDay(registration?.decidedOn),
    note: registration?.note ?? "",
  });
  const [fields, setFields] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function onSave() {
    try {
      await save.mutateAsync({ draftId: draft.id, ...form, decidedOn: form.status === "SUBMITTED" ? "" : form.decidedOn });
      setFields({});
      setMessage({ ok: true, text: t("registration.saved") });
    } catch (e) {
      const ui = toUiError(e);
      setFields(ui.fields);
      setMessage({ ok: false, text: ui.message });
    }
    void utils.drafts.draft.get.invalidate({ draftId: draft.id });
  }

  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-3" data-testid="registration">
      <h4 className="font-medium text-slate-900">{t("registration.title")}</h4>
      {registration ? (
        <p>
          <Badge tone={registration.status === "APPROVED" ? "green" : registration.status === "RETURNED" ? "red" : "amber"}>{t(`registrationStatus.${registration.status}`)}</Badge>{" "}
          {[
            registration.agency ? t("registration.agency", { agency: registration.agency }) : null,
            t("registration.submittedOn", { date: day(registration.submittedOn) }),
            registration.decidedOn
              ? registration.status === "APPROVED"
                ? t("registration.approvedOn", { date: day(registration.decidedOn) })
                : t("registration.returnedOn", { date: day(registration.decidedOn) })
              : null,
            registration.agencyReference ? t("registration.reference", { reference: registration.agencyReference }) : null,
            registration.note ? t("registration.note", { note: registration.note }) : null,
            t("registration.recordedBy", { name: registration.updatedByName }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      ) : (
        <p className="text-slate-600">{t("registration.none")}</p>
      )}
      {viewer.canRecordRegistration ? (
        <form
          className="grid gap-2 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            void onSave();
          }}
        >
          <SelectField
            label={t("registration.status")}
            value={form.status}
            onChange={set("status")}
            options={(Object.keys(REGISTRATION_STATUSES) as RegistrationStatus[]).map((k): [string, string] => [k, t(`registrationStatus.${k}`)])}
            error={fields.status?.[0]}
          />
          <TextField label={t("registration.agencyField")} value={form.agency} onChange={set("agency")} maxLength={AGENCY_MAX} error={fields.agency?.[0]} />
          <TextField label={t("registration.submittedField")} type="date" value={form.submittedOn} onChange={set("submittedOn")} required error={fields.submittedOn?.[0]} />
          {form.status !== "SUBMITTED" ? (
            <TextField
              label={form.status === "APPROVED" ? t("registration.approvedField") : t("registration.returnedField")}
              type="date"
              value={form.decidedOn}
              onChange={set("decidedOn")}
              required
              error={fields.decidedOn?.[0]}
            />
          ) : null}
          <TextField label={t("registration.referenceField")} value={form.agencyReference} onChange={set("agencyReference")} maxLength={AGENCY_REFERENCE_MAX} error={fields.agencyReference?.[0]} />
          <div className="sm:col-span-2">
            <TextArea label={form.status === "RETURNED" ? t("registration.returnedNote") : t("registration.noteField")} value={form.note} onChange={set("note")} maxLength={FIELD_MAX} error={fields.note?.[0]} />
          </div>
          <div className="sm:col-span-2 flex flex-wrap items-center gap-2">
            <button type="submit" className="btn-secondary" disabled={save.isPending}>
              {t("registration.save")}
            </button>
            {message ? (
              <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
                {message.ok ? message.text : translate(message.text)}
              </p>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
