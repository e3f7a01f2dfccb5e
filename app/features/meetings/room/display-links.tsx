// The co-chairs' room-display links: create one for the room's projector (its address is shown once:
// only a hash of it is kept), see which exist, revoke one (displays using it go dark at once).
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { ConfirmStep, InlineError, Section, Time } from "~/components/ui";
import { useRealtimeEvent } from "~/features/realtime/realtime";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import type { MeetingView } from "./types";

export function DisplayLinks({ view }: { view: MeetingView }) {
  if (!view.viewer.canManageDisplays) return null;
  return <Links meetingId={view.meeting.id} />;
}

function Links({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation("meetings");
  const translate = useServerMessage();
  const utils = trpc.useUtils();
  const list = trpc.meetings.display.list.useQuery({ meetingId });
  useRealtimeEvent("meeting:changed", (p) => {
    if (p.meetingId === meetingId && p.parts.includes("displays")) void utils.meetings.display.list.invalidate({ meetingId });
  });
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = trpc.meetings.display.create.useMutation({
    onSuccess: (r) => {
      setError(null);
      setCreated(`${window.location.origin}${r.path}`);
      void utils.meetings.display.list.invalidate({ meetingId });
    },
    onError: (e) => setError(toUiError(e).message),
  });
  const active = (list.data ?? []).filter((l) => !l.revokedAt);
  return (
    <Section title={t("display.title")} id="room-display">
      <p className="text-sm text-slate-700">
        {t("display.intro")}
      </p>
      {created ? (
        <div className="mt-3 space-y-2 rounded-md bg-green-50 p-3 text-sm ring-1 ring-green-200" role="status">
          <p className="font-medium text-green-900">{t("display.created")}</p>
          <p className="break-all font-mono text-xs text-slate-900" data-testid="display-link">
            {created}
          </p>
          <div className="flex flex-wrap gap-2">
            <a href={created} target="_blank" rel="noreferrer noopener" className="btn-secondary">
              {t("display.open")}<span className="sr-only"> {t("newTab")}</span>
            </a>
            <button type="button" className="btn-secondary" onClick={() => void navigator.clipboard?.writeText(created).catch(() => {})}>
              {t("display.copy")}
            </button>
          </div>
        </div>
      ) : null}
      <button type="button" className="btn-secondary mt-3" disabled={create.isPending} onClick={() => create.mutate({ meetingId, label: "" })}>
        {create.isPending ? t("display.creating") : t("display.create")}
      </button>
      <InlineError message={error} />
      {list.isError ? <InlineError message={t("display.loadFailed", { message: translate(toUiError(list.error).message) })} /> : null}
      {active.length ? (
        <ul className="mt-3 divide-y divide-slate-100 text-sm" aria-label={t("display.inUse")}>
          {active.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="text-slate-700">
                <Trans t={t} i18nKey="display.createdBy" values={{ name: l.createdByName }} components={{ time: <Time value={l.createdAt} withTime /> }} />
              </span>
              <Revoke linkId={l.id} meetingId={meetingId} />
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function Revoke({ linkId, meetingId }: { linkId: string; meetingId: string }) {
  const { t } = useTranslation("meetings");
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const revoke = trpc.meetings.display.revoke.useMutation({
    onSuccess: () => void utils.meetings.display.list.invalidate({ meetingId }),
    onError: (e) => setError(toUiError(e).message),
  });
  return (
    <ConfirmStep
      button={t("display.revoke")}
      label={t("display.revokeLabel")}
      question={t("display.revokeQuestion")}
      yes={t("display.revokeYes")}
      pendingText={t("display.revoking")}
      isPending={revoke.isPending}
      onConfirm={() => revoke.mutate({ linkId })}
      error={error}
    />
  );
}
