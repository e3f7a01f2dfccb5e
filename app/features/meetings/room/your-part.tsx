// The viewer's own actions in the meeting, right under the current item (on a phone: the first
// screen), and the only place they are: check in (before the start too) and, once in session, raise or
// lower their hand. The speakers' queue and the roll below show the result for all, and the chair's controls.
import { useTranslation } from "react-i18next";
import { InlineError } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { useActionError } from "./actions";
import type { MeetingView } from "./types";

export function YourPart({ view, caucusActive }: { view: MeetingView; caucusActive: boolean }) {
  const { t } = useTranslation("meetings");
  const meetingId = view.meeting.id;
  const action = useActionError(meetingId);
  const opts = { onError: action.onError, onSuccess: action.onSuccess };
  const checkIn = trpc.meetings.attendance.checkIn.useMutation(opts);
  const raise = trpc.meetings.speaker.raiseHand.useMutation(opts);
  const lower = trpc.meetings.speaker.lowerHand.useMutation(opts);
  const me = view.roster.find((r) => r.membershipId === view.viewer.membershipId);
  const isHere = me?.attendance === "PRESENT" || me?.attendance === "LATE";
  const canCheckIn = view.viewer.canCheckIn && me && !isHere;
  const mine = view.speakers.find((s) => s.membershipId === view.viewer.membershipId) ?? null;
  const canRaise = view.viewer.canRaiseHand;
  if (!canCheckIn && !isHere && !canRaise) return null;
  return (
    <div className="border-t border-slate-100 pt-3" data-testid="your-part">
      <h3 className="sr-only text-xs font-semibold uppercase tracking-wide text-slate-500 sm:not-sr-only">{t("yourPart.heading")}</h3>
      <div className="flex sm:mt-2 flex-wrap items-center gap-2">
        {canCheckIn ? (
          <button type="button" className="btn-primary" disabled={checkIn.isPending} onClick={() => checkIn.mutate({ meetingId })}>
            {checkIn.isPending ? t("yourPart.checkingIn") : t("yourPart.checkIn")}
          </button>
        ) : isHere ? (
          <span className="text-sm text-green-800">{t("yourPart.checkedIn")}</span>
        ) : null}
        {canRaise ? (
          mine?.status === "WAITING" ? (
            <button type="button" className="btn-secondary" disabled={lower.isPending} onClick={() => lower.mutate({ meetingId })}>
              {t("yourPart.lowerHand")}
            </button>
          ) : mine?.status === "SPEAKING" ? (
            <span className="text-sm font-medium text-green-800">{t("yourPart.haveFloor")}</span>
          ) : (
            <button type="button" className="btn-primary" disabled={raise.isPending || caucusActive} onClick={() => raise.mutate({ meetingId })}>
              {t("yourPart.raiseHand")}
            </button>
          )
        ) : null}
      </div>
      {caucusActive && canRaise ? <p className="mt-1 text-xs text-slate-500">{t("yourPart.handsAfterCaucus")}</p> : null}
      <InlineError message={action.error} />
    </div>
  );
}
