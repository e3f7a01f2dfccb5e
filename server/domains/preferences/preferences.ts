// A person's mail settings, one function per use case: read them, change the groups' modes and the time
// zone, mute or unmute a body, and the unsubscribe link's two steps (what it would turn off; turn it off).
import type { Db, Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { appSecret } from "../../secrets.js";
import { verifyUnsubscribeToken } from "../../mail/unsubscribe-token.js";
import { setTimeZone } from "./preferences.api.js";
import {
  MAIL_GROUP_KEYS,
  MAIL_GROUPS,
  MAIL_KINDS,
  recommendedModes,
  type MailChoice,
  type MailGroup,
  type MailMode,
  type SetMuteInput,
  type UnsubscribeScope,
  type UnsubscribeTokenInput,
  type UpdateMailSettingsInput,
} from "./preferences.schema.js";

type Call<I> = { userId: string; input: I };

/** Everything the settings page shows: each group's choice, the time zone, and the bodies one can mute. */
export async function getMailSettings(deps: Pick<AppDeps, "db" | "config">, { userId }: { userId: string }) {
  const [user, choices, settings, mutes, memberships] = await Promise.all([
    deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }),
    deps.db.mailPreference.findMany({ where: { userId }, select: { group: true, mode: true } }),
    deps.db.mailSettings.findUnique({ where: { userId }, select: { timeZone: true } }),
    deps.db.mailMute.findMany({ where: { userId }, select: { bodyId: true } }),
    deps.db.membership.findMany({
      where: { userId },
      orderBy: { partnership: { name: "asc" } },
      select: {
        partnership: { select: { id: true, name: true, bodies: { where: { kind: "PARTNERSHIP" }, select: { id: true } } } },
        seats: { where: { body: { kind: "COMMITTEE" } }, select: { body: { select: { id: true, name: true } } } },
      },
    }),
  ]);
  const chosen = new Map(choices.map((c) => [c.group, c.mode as MailMode]));
  const muted = new Set(mutes.map((m) => m.bodyId));
  return {
    email: user.email,
    groups: MAIL_GROUP_KEYS.map((key) => ({
      key,
      label: MAIL_GROUPS[key].label,
      description: MAIL_GROUPS[key].description,
      choice: (chosen.get(key) ?? "DEFAULT") as MailChoice,
      recommended: recommendedModes(key),
    })),
    timeZone: settings?.timeZone ?? null,
    digestHour: deps.config.MAIL_DIGEST_HOUR,
    partnerships: memberships.flatMap(({ partnership, seats }) => {
      const top = partnership.bodies[0];
      if (!top) return [];
      const committees = [...new Map(seats.map((s) => [s.body.id, s.body])).values()].sort((a, b) => a.name.localeCompare(b.name));
      return [
        {
          id: partnership.id,
          name: partnership.name,
          bodyId: top.id,
          muted: muted.has(top.id),
          committees: committees.map((c) => ({ id: c.id, name: c.name, muted: muted.has(c.id) })),
        },
      ];
    }),
  };
}

export type MailSettingsView = Awaited<ReturnType<typeof getMailSettings>>;

/** Sets every group's choice (DEFAULT removes the person's choice) and the time zone, together. */
export async function updateMailSettings(deps: Pick<AppDeps, "db" | "config">, { userId, input }: Call<UpdateMailSettingsInput>) {
  await deps.db.$transaction(async (tx) => {
    for (const group of MAIL_GROUP_KEYS) {
      const choice = input.groups[group];
      if (choice === "DEFAULT") await tx.mailPreference.deleteMany({ where: { userId, group } });
      else await setGroupMode(tx, userId, group, choice);
    }
    if (input.timeZone !== undefined) await setTimeZone(tx, userId, input.timeZone);
  });
  return getMailSettings(deps, { userId });
}

/** Mutes or unmutes a body of one of the person's partnerships (the partnership's top body mutes all of it). */
export async function setBodyMute(deps: Pick<AppDeps, "db" | "config">, { userId, input }: Call<SetMuteInput>) {
  const body = await deps.db.body.findFirst({
    where: { id: input.bodyId, partnership: { memberships: { some: { userId } } } },
    select: { id: true },
  });
  if (!body) throw notFound("That committee");
  if (input.muted) await deps.db.mailMute.createMany({ data: [{ userId, bodyId: body.id }], skipDuplicates: true });
  else await deps.db.mailMute.deleteMany({ where: { userId, bodyId: body.id } });
  return getMailSettings(deps, { userId });
}

/** What an unsubscribe link would turn off, for its confirmation page (no sign-in needed). */
export async function describeUnsubscribe(deps: Pick<AppDeps, "db" | "config">, { input }: { input: UnsubscribeTokenInput }) {
  const claim = await verifiedClaim(deps, input.token);
  const groups = await groupsOf(deps.db, claim.userId, claim.scope);
  const off = new Set(
    (await deps.db.mailPreference.findMany({ where: { userId: claim.userId, mode: "OFF" }, select: { group: true } })).map((p) => p.group),
  );
  return {
    scope: claim.scope,
    groups: groups.map((g) => ({ key: g, label: MAIL_GROUPS[g].label })),
    isDone: groups.every((g) => off.has(g)),
  };
}

/** Turns off what the link names. Idempotent: a second click (or a mail client's retry) changes nothing. */
export async function unsubscribeWithToken(deps: Pick<AppDeps, "db" | "config">, { input }: { input: UnsubscribeTokenInput }) {
  const claim = await verifiedClaim(deps, input.token);
  return deps.db.$transaction(async (tx) => {
    const groups = await groupsOf(tx, claim.userId, claim.scope);
    for (const group of groups) await setGroupMode(tx, claim.userId, group, "OFF");
    return { groups: groups.map((g) => ({ key: g, label: MAIL_GROUPS[g].label })) };
  });
}

async function verifiedClaim(deps: Pick<AppDeps, "db" | "config">, token: string) {
  const claim = verifyUnsubscribeToken(appSecret(deps.config), token);
  // A forged or damaged link, or one for an account that is gone: the same answer.
  if (!claim || !(await deps.db.user.findUnique({ where: { id: claim.userId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "This unsubscribe link is not valid. Sign in and change your e-mail settings instead.");
  }
  return claim;
}

/**
 * The groups a link's scope names: one group, or, for a digest's link, every group that puts something
 * in the digest now (chosen "daily digest", or left on a recommendation that digests some of its kinds).
 */
async function groupsOf(client: Db | Tx, userId: string, scope: UnsubscribeScope): Promise<MailGroup[]> {
  if (scope !== "digest") return [scope];
  const chosen = new Map(
    (await client.mailPreference.findMany({ where: { userId }, select: { group: true, mode: true } })).map((c) => [c.group, c.mode as MailMode]),
  );
  return MAIL_GROUP_KEYS.filter((group) => {
    const mode = chosen.get(group);
    if (mode) return mode === "DIGEST";
    return Object.values(MAIL_KINDS).some((placed) => placed?.group === group && placed.default === "DIGEST");
  });
}

async function setGroupMode(tx: Tx, userId: string, group: MailGroup, mode: MailMode) {
  await tx.mailPreference.upsert({ where: { userId_group: { userId, group } }, create: { userId, group, mode }, update: { mode } });
}
