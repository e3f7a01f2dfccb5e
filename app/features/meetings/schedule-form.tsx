// Scheduling a meeting of a body the user co-chairs or staffs. Times are typed in the meeting's own
// time zone (which defaults to the viewer's); a start that a daylight-saving change skips or repeats
// is explained before it is saved.
import { useNavigate } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FormError, SelectField, TextField } from "~/components/field";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { ScheduleMeetingInputSchema, TITLE_MAX, URL_MAX } from "../../../server/domains/meetings/meetings.schema";
import { localTimeNotice, viewerTimeZone } from "./meeting-time";

const US_TIME_ZONES: Record<string, string> = {
  "America/New_York": "Eastern (New York)",
  "America/Chicago": "Central (Chicago)",
  "America/Denver": "Mountain (Denver)",
  "America/Phoenix": "Arizona (Phoenix)",
  "America/Los_Angeles": "Pacific (Los Angeles)",
  "America/Anchorage": "Alaska (Anchorage)",
  "Pacific/Honolulu": "Hawaii (Honolulu)",
  "America/Puerto_Rico": "Atlantic (Puerto Rico)",
  UTC: "UTC",
};

export function ScheduleMeetingForm({ partnershipId, bodies }: { partnershipId: string; bodies: Array<{ id: string; name: string }> }) {
  const navigate = useNavigate();
  const [timeZone, setTimeZone] = useState("America/Chicago");
  const [startsAtLocal, setStartsAtLocal] = useState("");
  useEffect(() => {
    const local = viewerTimeZone();
    if (local in US_TIME_ZONES) setTimeZone(local);
  }, []);
  const notice = localTimeNotice(startsAtLocal, timeZone);
  const schedule = trpc.meetings.meeting.schedule.useMutation();
  const form = useMutationForm({
    schema: ScheduleMeetingInputSchema,
    mutation: schedule,
    onSuccess: (result) => navigate(`/p/${partnershipId}/meetings/${result.id}`),
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label="Schedule a meeting">
      <FormError message={form.error?.message} />
      <SelectField label="Body" name="bodyId" options={bodies.map((b): [string, string] => [b.id, b.name])} error={form.fieldError("bodyId")} />
      <TextField label="Title" name="title" required maxLength={TITLE_MAX} placeholder="e.g. JATC monthly meeting" error={form.fieldError("title")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Starts"
          name="startsAtLocal"
          type="datetime-local"
          required
          value={startsAtLocal}
          onChange={(e) => setStartsAtLocal(e.currentTarget.value)}
          hint={notice ?? "In the meeting's time zone, below."}
          error={form.fieldError("startsAtLocal")}
        />
        <TextField label="Length (minutes)" name="durationMinutes" type="number" min={5} max={1440} defaultValue={90} required error={form.fieldError("durationMinutes")} />
      </div>
      <SelectField
        label="Time zone"
        name="timeZone"
        options={US_TIME_ZONES}
        value={timeZone}
        onChange={(e) => setTimeZone(e.currentTarget.value)}
        error={form.fieldError("timeZone")}
      />
      <TextField label="Location" name="location" maxLength={TITLE_MAX} placeholder="Room, address" error={form.fieldError("location")} />
      <TextField label="Video link" name="videoUrl" type="url" maxLength={URL_MAX} placeholder="https://…" error={form.fieldError("videoUrl")} />
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {form.pending ? "Scheduling…" : "Schedule meeting"}
      </button>
    </form>
  );
}
