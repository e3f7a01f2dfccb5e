// What every joint-change kind is made of (joint.kinds.ts assembles the registry from the kinds of
// joint.kinds.rules.ts, joint.kinds.members.ts and joint.kinds.funds.ts), and the helpers they share.
import type { Tx } from "../../db.js";
import { AppError } from "../../errors.js";
import type { Effects } from "../../unit-of-work/unit-of-work.js";
import { lockRow } from "../../unit-of-work/unit-of-work.js";
import { lockBody, type findBody, type RoomChanges } from "../partnerships/partnerships.api.js";
import type { JointKind, JointPayload } from "./joint.schema.js";
import type { Described } from "./joint.words.rules.js";

export type { Described };
export type Body = NonNullable<Awaited<ReturnType<typeof findBody>>>;
/** Where a change applies: the partnership, and the body when it concerns one. */
export type Scope = { partnershipId: string; bodyId: string | null };
export type Snapshot = Record<string, unknown>;

export type ApplyArgs<P> = {
  tx: Tx;
  effects: Effects;
  rooms: RoomChanges;
  payload: P;
  scope: Scope;
  body: Body | null;
  /** The co-chair whose act applies it (the one who concurs, or the proposer when applied alone). */
  actorId: string;
  changeId: string | null;
  /** The names of the two co-chairs who agreed (one when applied alone). */
  agreedBy: string[];
};

export type KindDef<P> = {
  /** BODY: the body's co-chairs and the partnership's decide; PARTNERSHIP: the partnership's. */
  scope: "BODY" | "PARTNERSHIP";
  targetKey(payload: P, scope: Scope): string;
  /** Whether it makes sense now (inside the proposing transaction); throws the AppError the user sees. */
  check?(tx: Tx, payload: P, scope: Scope, body: Body | null): Promise<void>;
  /** Locks what it writes, in the order the one-sided use cases lock it, before the state is read again. */
  lock(tx: Tx, payload: P, scope: Scope, body: Body | null): Promise<void>;
  /** The state it changes from (plain JSON), read when proposed and again on concurrence. */
  read(tx: Tx, payload: P, scope: Scope, body: Body | null): Promise<Snapshot>;
  /** Before and after, as codes and values each reader sees in their language (pure: from the payload and that state). */
  describe(payload: P, before: Snapshot, context: { bodyName: string | null }): Described;
  /** Writes it through the owning domain's api. May answer what it created (e.g. an id). */
  apply(args: ApplyArgs<P>): Promise<Record<string, unknown> | void>;
};

export type Registry = { [K in JointKind]: KindDef<JointPayload<K>> };

export const bodyOf = (body: Body | null): Body => {
  if (!body) throw new AppError("BAD_REQUEST", "This change concerns a committee: name it.");
  return body;
};
export const lockWholeBody = async (tx: Tx, body: Body | null) => {
  await lockBody(tx, bodyOf(body));
};
export const lockBodyRow = async (tx: Tx, body: Body | null) => {
  await lockRow(tx, "Body", bodyOf(body).id);
};
/** The body's name in a title ("… of {{body}}"); an empty string in the unlikely case it has none. */
export const bodyName = (c: { bodyName: string | null }) => c.bodyName ?? "";
