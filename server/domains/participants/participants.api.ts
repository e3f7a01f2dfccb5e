// What other domains may ask of participants: the partnership's small-cell threshold, so every table of
// counts about people (supportive services' too) hides the same small groups.
import type { Db, Tx } from "../../db.js";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./suppression.rules.js";

export async function readSuppressionThreshold(client: Db | Tx, partnershipId: string): Promise<number> {
  const settings = await client.participantSettings.findUnique({ where: { partnershipId }, select: { suppressionThreshold: true } });
  return settings?.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
}
