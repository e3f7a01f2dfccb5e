// The query-plan cache (server/database/plan-cache.ts, decision 0024): an exact repeat of a query reuses
// its compiled plan, and what a plan must evaluate per execution still is (the time of `now()`,
// generated ids), with each execution's own values. Real PostgreSQL through the app's Prisma client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planCacheStats } from "../../server/database/plan-cache.js";
import { createUser } from "../../server/fixtures/factories.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe("query plans are compiled once per exact query", { timeout: 60_000 }, () => {
  it("a repeated read hits the cache and answers the same rows; another value is another plan", async () => {
    const ann = await createUser(app.db, { name: "Ann Plan" });
    const bob = await createUser(app.db, { name: "Bob Plan" });
    const read = (id: string) => app.db.user.findUnique({ where: { id }, select: { id: true, name: true } });
    await read(ann.id);
    const before = planCacheStats();
    expect(await read(ann.id)).toEqual({ id: ann.id, name: "Ann Plan" });
    const afterRepeat = planCacheStats();
    expect(afterRepeat.hits).toBe(before.hits + 1);
    expect(afterRepeat.misses).toBe(before.misses);
    expect(await read(bob.id)).toEqual({ id: bob.id, name: "Bob Plan" });
    expect(planCacheStats().misses).toBe(afterRepeat.misses + 1);
  });

  it("a cached write still evaluates now() and generated ids at each execution", async () => {
    const user = await createUser(app.db, { name: "Cleo Plan" });
    // The same query text twice (the id and createdAt are the database's defaults, not in the text).
    const data = { userId: user.id, kind: "plan.test", payload: { same: true } };
    const first = await app.db.notification.create({ data });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const hitsBefore = planCacheStats().hits;
    const second = await app.db.notification.create({ data });
    expect(planCacheStats().hits).toBe(hitsBefore + 1);
    expect(second.id).not.toBe(first.id);
    expect(second.createdAt.getTime()).toBeGreaterThan(first.createdAt.getTime());
  });

});
