import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useId, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import { pageTitle } from "~/i18n/meta";
import { useServerMessage } from "~/i18n/server-messages";
import { PageHeader, Section } from "~/components/ui";
import { SettingsNav } from "~/features/account/settings-nav";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { requireUser } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import type { MailSettingsView } from "../../server/domains/preferences/preferences";
import { MAIL_CHOICES, type MailChoice, type MailGroup, type MailMode } from "../../server/domains/preferences/preferences.schema";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mail.pageTitle", "settings") }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request);
  const settings = await context.trpc.preferences.mail.get();
  return superjsonResponse({ settings });
}

type Settings = MailSettingsView;

export default function NotificationSettings() {
  const initial = useData<typeof loader>();
  const { data: settings = initial.settings } = trpc.preferences.mail.get.useQuery(undefined, { initialData: initial.settings });
  const { t } = useTranslation("settings");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title={t("mail.title")}
        description={
          <Trans
            t={t}
            i18nKey="mail.description"
            values={{ email: settings.email }}
            components={{ strong: <strong />, notifications: <Link to="/notifications" className="link" /> }}
          />
        }
      />
      <SettingsNav />
      <GroupsForm settings={settings} />
      <MuteSection settings={settings} />
    </div>
  );
}


function GroupsForm({ settings }: { settings: Settings }) {
  const utils = trpc.useUtils();
  const [choices, setChoices] = useState<Record<MailGroup, MailChoice>>(() => Object.fromEntries(settings.groups.map((g) => [g.key, g.choice])) as Record<MailGroup, MailChoice>);
  const [saved, setSaved] = useState(false);
  const update = trpc.preferences.mail.update.useMutation({
    onSuccess: (next) => {
      utils.preferences.mail.get.setData(undefined, next);
      setSaved(true);
    },
  });
  const error = update.error ? toUiError(update.error) : null;
  const { t } = useTranslation("settings");
  const hour = String(settings.digestHour).padStart(2, "0");

  return (
    <form
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        update.mutate({ groups: choices });
      }}
    >
      <Section title={t("mail.groupsTitle")} id="groups">
        <p className="mb-4 text-sm text-slate-600">
          <Trans
            t={t}
            i18nKey="mail.groupsIntro"
            values={{ hour: `${hour}:00`, zone: settings.timeZone ? settings.timeZone.replaceAll("_", " ") : "UTC" }}
            components={{ profile: <Link to="/settings/profile#about" className="link" /> }}
          />
        </p>
        <FormError message={error?.message} />
        <div className="divide-y divide-slate-100 [&>*]:py-4 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
          {settings.groups.map((group) => (
            // The separator is on this wrapper: a fieldset's own border would run through its legend.
            <div key={group.key}>
              <GroupChoice
                group={group}
                value={choices[group.key]}
                onChange={(choice) => {
                  setSaved(false);
                  setChoices((current) => ({ ...current, [group.key]: choice }));
                }}
              />
            </div>
          ))}
        </div>
      </Section>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={update.isPending}>
          {update.isPending ? t("common:actions.saving") : t("mail.save")}
        </button>
        <p role="status" className="text-sm text-green-800">
          {saved ? t("common:actions.saved") : ""}
        </p>
      </div>
    </form>
  );
}

function GroupChoice({ group, value, onChange }: { group: Settings["groups"][number]; value: MailChoice; onChange: (choice: MailChoice) => void }) {
  const id = useId();
  const { t } = useTranslation("settings");
  const only: MailMode | undefined = group.recommended.length === 1 ? group.recommended[0] : undefined;
  const label = (choice: MailChoice) =>
    choice !== "DEFAULT" ? t(`mail.modes.${choice}`) : only ? t(`mail.recommended.${only}`) : t("mail.recommendedMixed");
  return (
    <fieldset aria-describedby={`${id}-description`}>
      <legend className="text-sm font-semibold text-slate-900">{t(`mail.groups.${group.key}.label`)}</legend>
      <p id={`${id}-description`} className="mt-0.5 text-sm text-slate-600">
        {t(`mail.groups.${group.key}.description`)}
      </p>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-x-5">
        {(Object.keys(MAIL_CHOICES) as MailChoice[]).map((choice) => (
          <label key={choice} className="flex min-h-[2.25rem] items-center gap-2 text-sm text-slate-800 sm:min-h-0">
            <input type="radio" name={`group-${group.key}`} value={choice} checked={value === choice} onChange={() => onChange(choice)} className="h-4 w-4 accent-indigo-700" />
            {label(choice)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function MuteSection({ settings }: { settings: Settings }) {
  const utils = trpc.useUtils();
  const [announcement, setAnnouncement] = useState("");
  // What the person just clicked, shown at once while the server confirms it.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const { t } = useTranslation("settings");
  const translate = useServerMessage();
  const mute = trpc.preferences.mute.set.useMutation({
    onSuccess: (next, input) => {
      utils.preferences.mail.get.setData(undefined, next);
      setAnnouncement(input.muted ? t("mail.muted") : t("mail.unmuted"));
    },
    onError: (e) => setAnnouncement(translate(toUiError(e).message)),
    onSettled: (_data, _error, input) => setPending(({ [input.bodyId]: _done, ...rest }) => rest),
  });
  const toggle = (bodyId: string, muted: boolean) => {
    setPending((current) => ({ ...current, [bodyId]: muted }));
    setAnnouncement("");
    mute.mutate({ bodyId, muted });
  };
  return (
    <Section title={t("mail.muteTitle")} id="mute">
      <p className="mb-4 text-sm text-slate-600">
        {t("mail.muteIntro")}
      </p>
      {settings.partnerships.length === 0 ? (
        <p className="text-sm text-slate-600">{t("mail.noPartnership")}</p>
      ) : (
        <div className="space-y-4">
          {settings.partnerships.map((p) => {
            const wholeMuted = pending[p.bodyId] ?? p.muted;
            return (
              <fieldset key={p.id}>
                <legend className="text-sm font-semibold text-slate-900" translate="no">
                  {p.name}
                </legend>
                <div className="mt-2 space-y-2">
                  <MuteBox label={t("mail.muteAll", { name: p.name })} checked={wholeMuted} disabled={p.bodyId in pending} onChange={(muted) => toggle(p.bodyId, muted)} />
                  {p.committees.map((c) => (
                    <MuteBox
                      key={c.id}
                      label={t("mail.muteOne", { name: c.name })}
                      checked={(pending[c.id] ?? c.muted) || wholeMuted}
                      disabled={c.id in pending || wholeMuted}
                      onChange={(muted) => toggle(c.id, muted)}
                    />
                  ))}
                </div>
              </fieldset>
            );
          })}
        </div>
      )}
      <p role="status" className="mt-3 text-sm text-slate-700">
        {announcement}
      </p>
    </Section>
  );
}

function MuteBox({ label, checked, disabled, onChange }: { label: string; checked: boolean; disabled: boolean; onChange: (muted: boolean) => void }) {
  return (
    <label className="flex min-h-[2.25rem] items-center gap-2 text-sm text-slate-800 sm:min-h-0">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} className="h-4 w-4 accent-indigo-700" />
      {label}
    </label>
  );
}
