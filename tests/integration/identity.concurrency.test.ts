// The sign-in limits under concurrency, against PostgreSQL: wrong passwords sent at the same moment for
// one account from one address get no more password checks than the limit allows (each attempt is
// consumed atomically before the check), and two app servers on one database share both the
// account-and-address limit and the per-address limit; neither ever stops the owner at another address.
import { afterAll, describe, expect, it } from "vitest";
import type { SignInInput } from "../../server/domains/identity/identity.schema.js";
import { signIn } from "../../server/domains/identity/identity.server.js";
import { createUser, DEFAULT_PASSWORD } from "../../server/fixtures/factories.js";
import { refusal, startTestApp } from "../support/test-app.js";
import { createTestDatabase } from "../support/test-db.js";

const app = await startTestApp();
afterAll(() => app.close());

let ipCounter = 0;
/** A fresh client address, so tests do not share an address's count (unless a test shares one on purpose). */
const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const identity = { signIn: (input: SignInInput & { ip: string }) => signIn(app.server.deps, { input }) };

describe("sign-in limits under concurrency", () => {
  /** Who got through to the password check (UNAUTHORIZED) and who was stopped before it (RATE_LIMITED). */
  async function outcomes(calls: Promise<unknown>[]) {
    const codes = await Promise.all(calls.map((call) => refusal(call).then((r) => r.code)));
    return { checked: codes.filter((c) => c === "UNAUTHORIZED").length, limited: codes.filter((c) => c === "TOO_MANY_REQUESTS").length, codes };
  }

  it("lets at most the configured number of 20 simultaneous wrong passwords for one account from one address reach the password check", { timeout: 60_000 }, async () => {
    const max = app.config.SIGN_IN_MAX_FAILURES;
    for (let round = 0; round < 3; round++) {
      const user = await createUser(app.db);
      const ip = freshIp();
      const { checked, limited, codes } = await outcomes(
        Array.from({ length: 20 }, (_, i) => identity.signIn({ email: user.email, password: `wrong ${i}`, ip })),
      );
      expect(codes).toHaveLength(20);
      // Each attempt is consumed atomically before the check: exactly `max` get through, never more.
      expect(checked).toBe(max);
      expect(limited).toBe(20 - max);
      // …and the right password is refused too from that address until the window passes…
      expect((await refusal(identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip }))).code).toBe("TOO_MANY_REQUESTS");
      // …but not from any other.
      expect((await identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip: freshIp() })).userId).toBe(user.id);
    }
  });

  it("shares the limits between two app servers on the same database", { timeout: 120_000 }, async () => {
    const database = await createTestDatabase();
    const [first, second] = [await startTestApp({ database }), await startTestApp({ database })];
    try {
      const max = first.config.SIGN_IN_MAX_FAILURES;
      const on = (server: typeof first) => (input: SignInInput & { ip: string }) => signIn(server.server.deps, { input });

      // Wrong passwords for one account from one address, sent to both servers at the same moment: the
      // pair's limit holds.
      const raced = await createUser(first.db);
      const racer = freshIp();
      const { checked, limited } = await outcomes(
        Array.from({ length: 20 }, (_, i) => on(i % 2 ? second : first)({ email: raced.email, password: `wrong ${i}`, ip: racer })),
      );
      expect(checked).toBe(max);
      expect(limited).toBe(20 - max);

      // Failures counted on one server refuse the same pair on the other, even with the right password;
      // the owner at another address gets in through either.
      const user = await createUser(first.db);
      const ip = freshIp();
      for (let i = 0; i < max; i++) {
        expect((await refusal(on(first)({ email: user.email, password: `wrong ${i}`, ip }))).code).toBe("UNAUTHORIZED");
      }
      expect((await refusal(on(second)({ email: user.email, password: DEFAULT_PASSWORD, ip }))).code).toBe("TOO_MANY_REQUESTS");
      expect((await on(second)({ email: user.email, password: DEFAULT_PASSWORD, ip: freshIp() })).userId).toBe(user.id);

      // An address that sprayed its allowance across e-mails on one server is refused on the other.
      const sprayer = freshIp();
      const perAddress = first.config.SIGN_IN_MAX_PER_ADDRESS;
      const sprayed = await outcomes(
        Array.from({ length: perAddress }, (_, i) => on(i % 2 ? second : first)({ email: `spray-${i}@example.test`, password: "Spring2027!", ip: sprayer })),
      );
      expect(sprayed.checked).toBe(perAddress);
      const other = await createUser(first.db);
      expect((await refusal(on(first)({ email: other.email, password: DEFAULT_PASSWORD, ip: sprayer }))).code).toBe("TOO_MANY_REQUESTS");
      expect((await refusal(on(second)({ email: other.email, password: DEFAULT_PASSWORD, ip: sprayer }))).code).toBe("TOO_MANY_REQUESTS");
      expect((await on(first)({ email: other.email, password: DEFAULT_PASSWORD, ip: freshIp() })).userId).toBe(other.id);
    } finally {
      await second.close();
      await first.close();
      await database.remove();
    }
  });
});
