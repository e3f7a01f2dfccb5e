// Optional two-factor sign-in with TOTP (RFC 6238, through otplib) and one-time recovery codes. The
// secret is sealed at rest with a key derived from the app secret (server/auth/secret-box.ts); a code's
// time step is claimed with a conditional write, so each code works once, even for two requests at once;
// recovery codes are kept as keyed digests and claimed the same way. Turning it off or making new
// recovery codes asks for the current password. Decision 0014.
import { randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { keyedDigest, open, seal } from "../../auth/secret-box.js";
import type { Db, Tx } from "../../db.js";
import { AppError } from "../../errors.js";
import { appSecret } from "../../secrets.js";
import type { ConfirmPasswordInput, TwoFactorCodeInput } from "./identity.schema.js";
import { requireCurrentPassword, type IdentityDeps } from "./identity.shared.js";

const ISSUER = "Jointly";
const SECRET_PURPOSE = "totp-secret";
const RECOVERY_PURPOSE = "recovery-code";
export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: codes are read off paper. 31 symbols, 10 of them: about 49 bits each. */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
/** A code from the step before or after the current one still counts (clocks drift). */
const TOLERANCE_SECONDS = 30;

type Deps = Pick<IdentityDeps, "db" | "config" | "accountLimits">;

const sealSecret = (deps: Pick<Deps, "config">, userId: string, secret: string) => seal(appSecret(deps.config), SECRET_PURPOSE, secret, userId);
const openSecret = (deps: Pick<Deps, "config">, userId: string, sealed: string) => open(appSecret(deps.config), SECRET_PURPOSE, sealed, userId);
const recoveryDigest = (deps: Pick<Deps, "config">, code: string) => keyedDigest(appSecret(deps.config), RECOVERY_PURPOSE, code);

/** "abcde-fghjk", as shown; the stored digest is of the ten characters without the dash. */
function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]!);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

async function replaceRecoveryCodes(deps: Pick<Deps, "config">, tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: recoveryDigest(deps, code.replace("-", "")) })) });
  return codes;
}

/** Whether the account signs in with a second factor. */
export async function hasTwoFactor(db: Db | Tx, userId: string): Promise<boolean> {
  const row = await db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  return Boolean(row?.enabledAt);
}

/**
 * Starts (or restarts) enrolment: a new secret, sealed and stored as pending, and what the person's app
 * needs (the otpauth URI as a QR code, and the secret to type in). Nothing changes for sign-in yet.
 */
export async function startTwoFactor(deps: Deps, { userId }: { userId: string }) {
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, twoFactor: { select: { enabledAt: true } } } });
  if (user.twoFactor?.enabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on. Turn it off first to set up another app.");
  const secret = generateSecret();
  await deps.db.twoFactor.upsert({
    where: { userId },
    create: { userId, secret: sealSecret(deps, userId, secret) },
    update: { secret: sealSecret(deps, userId, secret), enabledAt: null, lastStep: null },
  });
  const uri = generateURI({ issuer: ISSUER, label: user.email, secret });
  const qrCode = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { secret: secret.replace(/(.{4})/g, "$1 ").trim(), uri, qrCode };
}

/**
 * Checks a six-digit code against the account's secret (pending or on) and claims its time step, so the
 * same code is refused the second time. Returns whether it was right (and not used before).
 */
async function claimTotp(deps: Deps, userId: string, code: string, { pending }: { pending: boolean }): Promise<boolean> {
  const row = await deps.db.twoFactor.findUnique({ where: { userId }, select: { secret: true, enabledAt: true, lastStep: true } });
  if (!row || Boolean(row.enabledAt) === pending) return false;
  const result = await verify({
    secret: openSecret(deps, userId, row.secret),
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(row.lastStep !== null ? { afterTimeStep: row.lastStep } : {}),
  });
  if (!result.valid || !("timeStep" in result) || typeof result.timeStep !== "number") return false;
  const step = result.timeStep;
  const { count } = await deps.db.twoFactor.updateMany({
    where: { userId, enabledAt: pending ? null : { not: null }, OR: [{ lastStep: null }, { lastStep: { lt: step } }] },
    data: { lastStep: step, ...(pending ? { enabledAt: new Date() } : {}) },
  });
  return count === 1;
}

/** Claims an unused recovery code (single use: a conditional write). */
async function claimRecoveryCode(deps: Deps, userId: string, code: string): Promise<boolean> {
  const { count } = await deps.db.recoveryCode.updateMany({ where: { userId, codeHash: recoveryDigest(deps, code), usedAt: null }, data: { usedAt: new Date() } });
  return count === 1;
}

/** A second factor at sign-in: a code from the app or a recovery code. Which one worked, or null. */
export async function checkSecondFactor(deps: Deps, userId: string, code: string): Promise<"app" | "recovery" | null> {
  if (/^\d{6}$/.test(code)) return (await claimTotp(deps, userId, code, { pending: false })) ? "app" : null;
  return (await claimRecoveryCode(deps, userId, code)) ? "recovery" : null;
}

/**
 * Finishes enrolment with a first code from the app (so the app is known to work) and returns the
 * recovery codes, shown once. Wrong codes count against the code limits.
 */
export async function confirmTwoFactor(deps: Deps, { userId, input }: { userId: string; input: TwoFactorCodeInput & { ip: string } }) {
  await deps.accountLimits.consume(
    [
      ["codePerPair", `${userId}\n${input.ip}`],
      ["codePerUser", userId],
    ],
    "Too many wrong codes.",
  );
  if (!/^\d{6}$/.test(input.code) || !(await claimTotp(deps, userId, input.code, { pending: true }))) {
    const message = "That code is not right. Check the time on your phone and enter the newest code.";
    throw new AppError("BAD_REQUEST", message, { fieldErrors: { code: [message] } });
  }
  await deps.accountLimits.forget("codePerPair", `${userId}\n${input.ip}`);
  const recoveryCodes = await deps.db.$transaction((tx) => replaceRecoveryCodes(deps, tx, userId));
  return { recoveryCodes };
}

/** Turns two-factor sign-in off (with the current password): the secret and recovery codes are deleted. */
export async function disableTwoFactor(deps: Deps, { userId, input }: { userId: string; input: ConfirmPasswordInput & { ip: string } }): Promise<void> {
  await requireCurrentPassword(deps, userId, input.currentPassword, input.ip);
  await deps.db.$transaction(async (tx) => {
    await tx.twoFactor.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
  });
}

/** New recovery codes (the old ones stop working), with the current password. */
export async function regenerateRecoveryCodes(deps: Deps, { userId, input }: { userId: string; input: ConfirmPasswordInput & { ip: string } }) {
  await requireCurrentPassword(deps, userId, input.currentPassword, input.ip);
  if (!(await hasTwoFactor(deps.db, userId))) throw new AppError("PRECONDITION_FAILED", "Turn on two-factor sign-in first.");
  const recoveryCodes = await deps.db.$transaction((tx) => replaceRecoveryCodes(deps, tx, userId));
  return { recoveryCodes };
}

/** For the security page: whether it is on, and how many recovery codes are left. */
export async function getTwoFactorState(deps: Pick<Deps, "db">, { userId }: { userId: string }) {
  const [row, left] = await Promise.all([
    deps.db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } }),
    deps.db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { isOn: Boolean(row?.enabledAt), enabledAt: row?.enabledAt ?? null, recoveryCodesLeft: row?.enabledAt ? left : 0 };
}
