// The co-chairs' room-display links: create one for the room's projector (its address is shown once:
// only a hash of it is kept), see which exist, revoke one (displays using it go dark at once).
import { useState } from "react";
import { ConfirmStep, InlineError, Section, Time } from "~/components/ui";
import { useRealtimeEvent } from "~/features/realtime/realtime";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import type { MeetingView } from "./types";

export function DisplayLinks({ view }: { view: MeetingView }) {
  if (!view.viewer.canManageDisplays) return null;
  return <Links meetingId={view.meeting.id} />;
}

function Links({ meetingId }: { meetingId: string }) {
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
    <Section title="Room display" id="room-display">
      <p className="text-sm text-slate-700">
        A read-only, full-screen view for the room’s projector: the current item and its time, speakers, quorum and votes (secret ballots only as how many voted). Nobody signs in on it.
      </p>
      {created ? (
        <div className="mt-3 space-y-2 rounded-md bg-green-50 p-3 text-sm ring-1 ring-green-200" role="status">
          <p className="font-medium text-green-900">Open this address on the display. It is shown only now; revoke it when the meeting is over.</p>
          <p className="break-all font-mono text-xs text-slate-900" data-testid="display-link">
            {created}
          </p>
          <div className="flex flex-wrap gap-2">
            <a href={created} target="_blank" rel="noreferrer noopener" className="btn-secondary">
              Open the display<span className="sr-only"> (opens in a new tab)</span>
            </a>
            <button type="button" className="btn-secondary" onClick={() => void navigator.clipboard?.writeText(created).catch(() => {})}>
              Copy the address
            </button>
          </div>
        </div>
      ) : null}
      <button type="button" className="btn-secondary mt-3" disabled={create.isPending} onClick={() => create.mutate({ meetingId, label: "" })}>
        {create.isPending ? "Creating…" : "Create a display link"}
      </button>
      <InlineError message={error} />
      {list.isError ? <InlineError message={`Could not load the display links: ${toUiError(list.error).message}`} /> : null}
      {active.length ? (
        <ul className="mt-3 divide-y divide-slate-100 text-sm" aria-label="Display links in use">
          {active.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="text-slate-700">
                Created by {l.createdByName}, <Time value={l.createdAt} withTime />
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
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const revoke = trpc.meetings.display.revoke.useMutation({
    onSuccess: () => void utils.meetings.display.list.invalidate({ meetingId }),
    onError: (e) => setError(toUiError(e).message),
  });
  return (
    <ConfirmStep
      button="Revoke…"
      label="Confirm revoking the display link"
      question="Revoke this link? Any display using it stops at once."
      yes="Yes, revoke"
      pendingText="Revoking…"
      isPending={revoke.isPending}
      onConfirm={() => revoke.mutate({ linkId })}
      error={error}
    />
  );
}
