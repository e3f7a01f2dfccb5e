// The person's profile: name, language and time zone (kept in one place: here; mails and the digest
// read the time zone through the preferences domain), the address and any change of it waiting for
// confirmation, and the state of two-factor sign-in.
import type { AppDeps } from "../../deps.js";
import { mailTimeZoneOf, setTimeZone } from "../preferences/preferences.api.js";
import type { SetLocaleInput, UpdateProfileInput } from "./identity.schema.js";
import { getTwoFactorState } from "./two-factor.js";

export async function getProfile(deps: Pick<AppDeps, "db">, { userId }: { userId: string }) {
  const [user, pending, timeZone, twoFactor] = await Promise.all([
    deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, emailVerifiedAt: true, locale: true, createdAt: true } }),
    deps.db.emailVerification.findFirst({
      where: { userId, usedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { email: true, createdAt: true, expiresAt: true },
    }),
    mailTimeZoneOf(deps.db, userId),
    getTwoFactorState(deps, { userId }),
  ]);
  return {
    name: user.name,
    email: user.email,
    isEmailVerified: user.emailVerifiedAt !== null,
    /** A new address waiting for its confirmation link (the change takes effect only then). */
    pendingEmail: pending && pending.email !== user.email ? { email: pending.email, sentAt: pending.createdAt, expiresAt: pending.expiresAt } : null,
    locale: user.locale,
    timeZone,
    twoFactor,
  };
}
export type ProfileView = Awaited<ReturnType<typeof getProfile>>;

/** Name, language and time zone, together. */
export async function updateProfile(deps: Pick<AppDeps, "db">, { userId, input }: { userId: string; input: UpdateProfileInput }) {
  await deps.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name: input.name, locale: input.locale } });
    await setTimeZone(tx, userId, input.timeZone);
  });
  return getProfile(deps, { userId });
}

/** The language alone (the header's switcher): pages and mails follow it from the next request. */
export async function setLocale(deps: Pick<AppDeps, "db">, { userId, input }: { userId: string; input: SetLocaleInput }) {
  await deps.db.user.update({ where: { id: userId }, data: { locale: input.locale } });
  return { locale: input.locale };
}
