// The registry of joint-change kinds. Each kind says what it concerns (a body, or the partnership), what
// it is about (its target: one waiting change per kind and target), what it locks and reads as the state
// it changes from (the "before", compared again when the other side concurs), how it reads in words
// (codes and values, said in each reader's language: joint.words.rules.ts), and how it applies: always
// through the owning domain's *.api.ts, inside the concurring transaction. The kinds live by subject:
// joint.kinds.rules.ts (how a body decides), joint.kinds.members.ts (who sits where),
// joint.kinds.funds.ts (money and publishing). A new kind: its payload in joint.schema.ts, an entry in
// one of those, its sentences in app/locales/*/joint.json (change.<KIND>), and the migration's kind CHECK.
import { AppError } from "../../errors.js";
import type { KindDef, Registry } from "./joint.kind-def.js";
import { FUND_KINDS } from "./joint.kinds.funds.js";
import { MEMBER_KINDS } from "./joint.kinds.members.js";
import { RULE_KINDS } from "./joint.kinds.rules.js";
import { JOINT_KINDS, JointPayloadSchemas, type JointKind, type JointPayload } from "./joint.schema.js";

export type { ApplyArgs, Body, Described, KindDef, Scope, Snapshot } from "./joint.kind-def.js";

export const KINDS: Registry = { ...RULE_KINDS, ...MEMBER_KINDS, ...FUND_KINDS };

/** The kind's definition and its payload, parsed (a malformed payload is the caller's BAD_REQUEST). */
export function kindOf<K extends JointKind>(kind: K): KindDef<JointPayload<K>> {
  return KINDS[kind] as KindDef<JointPayload<K>>;
}

export function parsePayload<K extends JointKind>(kind: K, payload: unknown): JointPayload<K> {
  const parsed = JointPayloadSchemas[kind].safeParse(payload);
  if (!parsed.success) {
    const fieldErrors = parsed.error.flatten().fieldErrors as Record<string, string[]>;
    throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? `Not a valid ${JOINT_KINDS[kind].toLowerCase()} change.`, { fieldErrors });
  }
  return parsed.data as JointPayload<K>;
}
