// Scheduling a meeting of a body the user co-chairs or staffs. Times are typed in the meeting's own
// time zone (which defaults to the viewer's); a start that a daylight-saving change skips or repeats
// is explained before it is saved.
import { useNavigate } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, SelectField, TextField } from "~/components/field";
import { intlLocale } from "~/i18n/config";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { ScheduleMeetingInputSchema, TITLE_MAX, URL_MAX } from "../../../server/domains/meetings/meetings.schema";
import { localTimeNotice, viewerTimeZone } from "./meeting-time";

/** The zones offered, each labelled through the catalog (schedule.zones.<key>). */
const US_TIME_ZONES = {
  "America/New_York": "newYork",
  "America/Chicago": "chicago",
  "America/Denver": "denver",
  "America/Phoenix": "phoenix",
  "America/Los_Angeles": "losAngeles",
  "America/Anchorage": "anchorage",
  "Pacific/Honolulu": "honolulu",
  "America/Puerto_Rico": "puertoRico",
  UTC: "utc",
} as const;

export function ScheduleMeetingForm({ partnershipId, bodies }: { partnershipId: string; bodies: Array<{ id: string; name: string }> }) {
  const navigate = useNavigate();
  const { t, i18n } = useTranslation("meetings");
  const zoneOptions = Object.fromEntries(Object.entries(US_TIME_ZONES).map(([zone, key]) => [zone, t(`schedule.zones.${key}`)]));
  const [timeZone, setTimeZone] = useState("America/Chicago");
  const [startsAtLocal, setStartsAtLocal] = useState("");
  useEffect(() => {
    const local = viewerTimeZone();
    if (local in US_TIME_ZONES) setTimeZone(local);
  }, []);
  const notice = localTimeNotice(startsAtLocal, timeZone, t, intlLocale(i18n.language));
  const schedule = trpc.meetings.meeting.schedule.useMutation();
  const form = useMutationForm({
    schema: ScheduleMeetingInputSchema,
    mutation: schedule,
    onSuccess: (result) => navigate(`/p/${partnershipId}/meetings/${result.id}`),
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label={t("schedule.title")}>
      <FormError message={form.error?.message} />
      <SelectField label={t("schedule.body")} name="bodyId" options={bodies.map((b): [string, string] => [b.id, b.name])} error={form.fieldError("bodyId")} />
      <TextField label={t("schedule.meetingTitle")} name="title" required maxLength={TITLE_MAX} placeholder={t("schedule.titlePlaceholder")} error={form.fieldError("title")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t("schedule.starts")}
          name="startsAtLocal"
          type="datetime-local"
          required
          value={startsAtLocal}
          onChange={(e) => setStartsAtLocal(e.currentTarget.value)}
          hint={notice ?? t("schedule.startsHint")}
          error={form.fieldError("startsAtLocal")}
        />
        <TextField label={t("schedule.length")} name="durationMinutes" type="number" min={5} max={1440} defaultValue={90} required error={form.fieldError("durationMinutes")} />
      </div>
      <SelectField
        label={t("schedule.timeZone")}
        name="timeZone"
        options={zoneOptions}
        value={timeZone}
        onChange={(e) => setTimeZone(e.currentTarget.value)}
        error={form.fieldError("timeZone")}
      />
      <TextField label={t("schedule.location")} name="location" maxLength={TITLE_MAX} placeholder={t("schedule.locationPlaceholder")} error={form.fieldError("location")} />
      <TextField label={t("schedule.videoUrl")} name="videoUrl" type="url" maxLength={URL_MAX} placeholder={t("urlPlaceholder")} error={form.fieldError("videoUrl")} />
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {form.pending ? t("schedule.scheduling") : t("schedule.submit")}
      </button>
    </form>
  );
}
