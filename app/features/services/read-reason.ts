// Why someone read or shared a trainee's record (TraineeAccessLog.reason), in the viewer's language.
// The server stores these sentences in English (some around a name): each known form is recognized
// here and said again from the catalog; anything else is shown through the server messages' catalog.
import type { TFunction } from "i18next";

const FORMS: Array<[RegExp, (m: RegExpMatchArray, t: TFunction) => string]> = [
  [/^Shared the record with (.+)$/, (m, t) => t("services:readReason.shared", { organization: m[1] })],
  [/^Stopped sharing the record with (.+)$/, (m, t) => t("services:readReason.stopped", { organization: m[1] })],
  [/^Opened the attachment "(.+)"$/, (m, t) => t("services:readReason.attachment", { file: m[1] })],
  [/^Viewed the progress record in (.+) as a program administrator$/, (m, t) => t("services:readReason.progressAdmin", { program: m[1] })],
  [/^Viewed the progress record in (.+) as the mentor$/, (m, t) => t("services:readReason.progressMentor", { program: m[1] })],
  [/^Viewed the progress record in (.+) as the instructor$/, (m, t) => t("services:readReason.progressInstructor", { program: m[1] })],
];

export function readReason(reason: string, t: TFunction, translate: (message: string) => string): string {
  for (const [pattern, say] of FORMS) {
    const match = reason.match(pattern);
    if (match) return say(match, t);
  }
  return translate(reason);
}
