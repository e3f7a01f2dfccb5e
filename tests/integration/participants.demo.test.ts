// The demo's participants: a registered IMT program of 2,000+ on-the-job hours on an adopted curriculum,
// about sixty applicants this year across two employers with progress and outcomes, a dashboard that
// hides small groups, an apprentice who signs in, and hours waiting for her mentor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/fixtures/demo.js";
import { DEMO_APPRENTICE } from "../../server/fixtures/demo-participants.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const signInAs = async (name: string) => app.signIn(await app.db.user.findFirstOrThrow({ where: { name } }));

describe("the demo", () => {
  it("shows the cohort's progress, suppression at work, and an apprentice's own record", async () => {
    const { partnershipId } = await seedDemo(app.db, { hashCost: 4 });
    const year = new Date().getUTCFullYear();
    const rosa = await signInAs("Rosa Delgado"); // a member of the A&O committee
    const d = await rosa.trpc.participants.dashboard.get({ partnershipId, year });
    const all = d.tables[0]!.all.counts;
    expect(all[0]).toBeGreaterThanOrEqual(55);
    expect(d.tables.reduce((n, t) => n + t.hiddenCells, 0)).toBeGreaterThan(10);
    const race = d.tables.find((t) => t.key === "raceEthnicity")!;
    expect(race.rows.find((r) => r.key === "AMERICAN_INDIAN_ALASKA_NATIVE")!.counts[0]).toBeNull();
    expect(race.rows.find((r) => r.key === "WHITE")!.counts[0]).toBe(21);
    const employers = d.tables.find((t) => t.key === "employer")!.rows.filter((r) => r.counts[0] !== 0);
    expect(employers.map((r) => r.label).sort()).toEqual(["Lakeshore Precision Components", "Northgate Fabrication"]);
    // Last year's smaller cohort (24) is a trend row; its small stages are hidden there too.
    expect(d.trend.map((t) => t.year)).toEqual([year - 4, year - 3, year - 2, year - 1, year]);
    expect(d.trend.at(-1)!.counts[0]).toBe(all[0]);

    const program = await app.db.program.findFirstOrThrow({ where: { partnershipId } });
    const curriculum = (await rosa.trpc.participants.overview({ partnershipId })).programs[0]!.curriculum!;
    expect(program.kind).toBe("REGISTERED_APPRENTICESHIP");
    const version = await app.db.draftVersion.findUniqueOrThrow({ where: { id: curriculum.versionId } });
    const modules = (version.snapshot as { modules: Array<{ ojlHours: number }> }).modules;
    expect(modules.reduce((n, m) => n + m.ojlHours, 0)).toBeGreaterThanOrEqual(2000);

    const david = await signInAs("David Chen");
    const waiting = (await david.trpc.participants.overview({ partnershipId })).pendingHours;
    expect(waiting.map((h) => h.name)).toContain(DEMO_APPRENTICE.name);
    const marisol = await signInAs(DEMO_APPRENTICE.name);
    const mine = await marisol.trpc.participants.mine({ partnershipId });
    expect(mine.enrollments[0]!.progress.credited.ojlTenths).toBe(8 * 400 + 2000);
    expect(mine.enrollments[0]!.hours.some((h) => h.status === "SUBMITTED")).toBe(true);
    // Referred trainees keep their CBO's record: the program sees their names, not their answers.
    const priya = await signInAs("Priya Nair");
    const referred = (await priya.trpc.participants.overview({ partnershipId })).people.filter((p) => p.linked);
    expect(referred.map((p) => p.name).sort()).toEqual(["Ana Morales", "Tran Minh"]);
  });
});
