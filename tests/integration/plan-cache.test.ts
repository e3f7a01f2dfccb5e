// The query-plan cache (server/database/plan-cache.ts, decisions 0024 and 0026): a query of the same
// shape reuses its compiled plan with its own ids, and what a plan must evaluate per execution still is
// (the time of `now()`, generated ids), with each execution's own values. Real PostgreSQL through the app's Prisma client.
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
  it("a repeated read hits the cache and answers the same rows; from the third id on, the shape's plan serves every id", async () => {
    const [ann, bob, cleo] = await Promise.all(["Ann", "Bob", "Cleo"].map((name) => createUser(app.db, { name: `${name} Plan` })));
    const read = (id: string) => app.db.user.findUnique({ where: { id }, select: { id: true, name: true } });
    await read(ann!.id);
    const before = planCacheStats();
    expect(await read(ann!.id)).toEqual({ id: ann!.id, name: "Ann Plan" });
    expect(planCacheStats()).toMatchObject({ hits: before.hits + 1, misses: before.misses });
    // The shape's second id compiles it again, as a template; the third reuses that.
    expect(await read(bob!.id)).toEqual({ id: bob!.id, name: "Bob Plan" });
    const afterSecond = planCacheStats();
    expect(afterSecond.misses).toBe(before.misses + 1);
    expect(await read(cleo!.id)).toEqual({ id: cleo!.id, name: "Cleo Plan" });
    expect(await read(ann!.id)).toEqual({ id: ann!.id, name: "Ann Plan" });
    expect(planCacheStats()).toMatchObject({ hits: afterSecond.hits + 2, misses: afterSecond.misses });
  });

  it("ids in a list, the same id twice, a raw query's parameters and its instants each get their own values back", async () => {
    const [ann, bob, cleo] = await Promise.all(["Ann", "Bob", "Cleo"].map((name) => createUser(app.db, { name: `${name} List` })));
    const names = (ids: string[]) => app.db.user.findMany({ where: { id: { in: ids } }, select: { name: true }, orderBy: { name: "asc" } });
    expect(await names([ann!.id, bob!.id])).toEqual([{ name: "Ann List" }, { name: "Bob List" }]);
    expect(await names([bob!.id, cleo!.id])).toEqual([{ name: "Bob List" }, { name: "Cleo List" }]);
    const misses = planCacheStats().misses;
    expect(await names([cleo!.id, ann!.id])).toEqual([{ name: "Ann List" }, { name: "Cleo List" }]);
    expect(planCacheStats().misses).toBe(misses);
    // The same id twice is another shape (its placeholders repeat), answered right.
    expect(await names([cleo!.id, cleo!.id])).toEqual([{ name: "Cleo List" }]);
    expect(planCacheStats().misses).toBe(misses + 1);

    const raw = (id: string) => app.db.$queryRaw<{ name: string }[]>`SELECT "name" FROM "User" WHERE "id" = ${id}`;
    expect(await raw(ann!.id)).toEqual([{ name: "Ann List" }]);
    expect(await raw(bob!.id)).toEqual([{ name: "Bob List" }]);
    const hits = planCacheStats().hits;
    expect(await raw(cleo!.id)).toEqual([{ name: "Cleo List" }]);
    expect(planCacheStats().hits).toBe(hits + 1);

    // "Now" passed to a raw query is a value too.
    const createdBefore = (at: Date) => app.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "User" WHERE "id" = ${ann!.id} AND "createdAt" < ${at}`;
    const created = ann!.createdAt.getTime();
    expect(await createdBefore(new Date(created - 1))).toEqual([{ n: 0 }]);
    expect(await createdBefore(new Date(created + 1))).toEqual([{ n: 1 }]);
    const hitsAtInstant = planCacheStats().hits;
    expect(await createdBefore(new Date(created - 2))).toEqual([{ n: 0 }]);
    expect(planCacheStats().hits).toBe(hitsAtInstant + 1);
  });

  it("an id inside a JSON value is not a placeholder: such a query is kept per exact text, and right", async () => {
    const user = await createUser(app.db, { name: "Dee Json" });
    const write = (motionId: string) => app.db.notification.create({ data: { userId: user.id, kind: "plan.json", payload: { motionId } }, select: { payload: true } });
    expect(await write(user.id)).toEqual({ payload: { motionId: user.id } });
    const other = await createUser(app.db, { name: "Eve Json" });
    expect(await write(other.id)).toEqual({ payload: { motionId: other.id } });
    const stored = await app.db.notification.findMany({ where: { userId: user.id, kind: "plan.json" }, select: { payload: true }, orderBy: { createdAt: "asc" } });
    expect(stored).toEqual([{ payload: { motionId: user.id } }, { payload: { motionId: other.id } }]);
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
