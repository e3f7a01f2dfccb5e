// The sign-in limit under concurrency, against PostgreSQL: wrong passwords sent at the same moment for
// one e-mail get no more password checks than the limit allows (each attempt is consumed atomically
// before the check), and two app servers on one database share the limit.
import { afterAll, describe, expect, it } from "vitest";
import type { SignInInput } from "../../server/domains/identity/identity.schema.js";
import { signIn } from "../../server/domains/identity/identity.server.js";
import { createUser, DEFAULT_PASSWORD } from "../../server/fixtures/factories.js";
import { refusal, startTestApp } from "../support/test-app.js";
import { createTestDatabase } from "../support/test-db.js";

const app = await startTestApp();
afterAll(() => app.close());

let ipCounter = 0;
/** A fresh client address, so only the e-mail's limit is in play (unless a test shares one on purpose). */
const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const identity = { signIn: (input: SignInInput & { ip: string }) => signIn(app.server.deps, { input }) };

describe("sign-in limits under concurrency", () => {
  /** Who got through to the password check (UNAUTHORIZED) and who was stopped before it (RATE_LIMITED). */
  async function outcomes(calls: Promise<unknown>[]) {
    const codes = await Promise.all(calls.map((call) => refusal(call).then((r) => r.code)));
    return { checked: codes.filter((c) => c === "UNAUTHORIZED").length, limited: codes.filter((c) => c === "TOO_MANY_REQUESTS").length, codes };
  }

  it("lets at most the configured number of 20 simultaneous wrong passwords for one email reach the password check", async () => {
    const max = app.config.SIGN_IN_MAX_FAILURES;
    for (let round = 0; round < 3; round++) {
      const user = await createUser(app.db);
      const { checked, limited, codes } = await outcomes(
        Array.from({ length: 20 }, (_, i) => identity.signIn({ email: user.email, password: `wrong ${i}`, ip: freshIp() })),
      );
      expect(codes).toHaveLength(20);
      // Each attempt is consumed atomically before the check: exactly `max` get through, never more.
      expect(checked).toBe(max);
      expect(limited).toBe(20 - max);
      // …and the right password is refused too until the window passes.
      expect((await refusal(identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip: freshIp() }))).code).toBe("TOO_MANY_REQUESTS");
    }
  });

  it("shares the limit between two app servers on the same database", { timeout: 60_000 }, async () => {
    const database = await createTestDatabase();
    const [first, second] = [await startTestApp({ database }), await startTestApp({ database })];
    try {
      const max = first.config.SIGN_IN_MAX_FAILURES;
      const on = (server: typeof first) => (input: SignInInput & { ip: string }) => signIn(server.server.deps, { input });

      // Wrong passwords sent to both servers at the same moment: the limit holds for the pair.
      const raced = await createUser(first.db);
      const { checked, limited } = await outcomes(
        Array.from({ length: 20 }, (_, i) => on(i % 2 ? second : first)({ email: raced.email, password: `wrong ${i}`, ip: freshIp() })),
      );
      expect(checked).toBe(max);
      expect(limited).toBe(20 - max);

      // Failures counted on one server refuse the next attempt on the other, even with the right password.
      const user = await createUser(first.db);
      for (let i = 0; i < max; i++) {
        expect((await refusal(on(first)({ email: user.email, password: `wrong ${i}`, ip: freshIp() }))).code).toBe("UNAUTHORIZED");
      }
      expect((await refusal(on(second)({ email: user.email, password: DEFAULT_PASSWORD, ip: freshIp() }))).code).toBe("TOO_MANY_REQUESTS");
      // An address limited on one server is limited on the other.
      const ip = freshIp();
      for (let i = 0; i < max; i++) await refusal(on(second)({ email: `guess-${i}@example.test`, password: "wrong password", ip }));
      const other = await createUser(first.db);
      expect((await refusal(on(first)({ email: other.email, password: DEFAULT_PASSWORD, ip }))).code).toBe("TOO_MANY_REQUESTS");
      expect((await on(first)({ email: other.email, password: DEFAULT_PASSWORD, ip: freshIp() })).userId).toBe(other.id);
    } finally {
      await second.close();
      await first.close();
      await database.remove();
    }
  });
});
