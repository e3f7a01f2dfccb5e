// Accounts and sign-in. Sign-in failures never say whether the email exists, and repeated failures
// for one email or one IP are refused for a while.
import type { SignInLimiter } from "../../auth/rate-limit.js";
import { hashPassword, verifyPassword } from "../../auth/password.js";
import type { SessionService } from "../../auth/sessions.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db.js";
import { AppError, isUniqueViolation } from "../../errors.js";
import type { Realtime } from "../../realtime/realtime.js";
import type { SignInInput, SignUpInput } from "./identity.schema.js";

type Deps = {
  db: Db;
  config: Config;
  sessions: SessionService;
  limiter: SignInLimiter;
  realtime: Pick<Realtime, "endSession">;
};

export type IdentityService = ReturnType<typeof createIdentityService>;

const WRONG_CREDENTIALS = "That email and password do not match an account.";

export function createIdentityService({ db, config, sessions, limiter, realtime }: Deps) {
  // Compared against when the email is unknown, so both paths take the same time.
  const decoyHash = hashPassword("decoy-password-for-timing", config.PASSWORD_HASH_COST);

  return {
    async signUp(input: SignUpInput) {
      const passwordHash = await hashPassword(input.password, config.PASSWORD_HASH_COST);
      const user = await db.user
        .create({ data: { email: input.email, name: input.name, passwordHash }, select: { id: true } })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) {
            const message = "An account with this email already exists. Sign in instead.";
            throw new AppError("CONFLICT", message, { fieldErrors: { email: [message] } });
          }
          throw error;
        });
      return { userId: user.id, ...(await sessions.start(user.id)) };
    },

    async signIn(input: SignInInput & { ip: string }) {
      const keys = [`email:${input.email}`, `ip:${input.ip}`];
      const wait = await limiter.attempt(keys);
      if (wait > 0) {
        throw new AppError("RATE_LIMITED", `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, {
          retryAfterSeconds: wait,
        });
      }
      const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, passwordHash: true } });
      const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
      if (!user || !matches) {
        throw new AppError("UNAUTHORIZED", WRONG_CREDENTIALS);
      }
      await Promise.all([limiter.reset([`email:${input.email}`]), limiter.refund([`ip:${input.ip}`])]);
      return { userId: user.id, ...(await sessions.start(user.id)) };
    },

    /** Ends the session and every socket that was opened with it. */
    async signOut({ sessionId }: { sessionId: string }) {
      const result = await sessions.end(sessionId);
      realtime.endSession(sessionId);
      return result;
    },
  };
}
