// CSV exports through the real procedures on PostgreSQL, in the reader's language: the services totals
// and trainees by group, the people list, the A&O dashboard and a published snapshot. A Spanish reader
// gets Spanish headers, labels and rule; every figure is the one an English reader gets.
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../server/domains/participants/participants.rules.js";
import { addCohort, participantsWorld } from "../support/participants-helpers.js";
import { makeRequest, servicesWorld } from "../support/services-helpers.js";
import { refusal, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const speaks = (userId: string, locale: "en" | "es") => app.db.user.update({ where: { id: userId }, data: { locale } });
function cells(csv: string): string[][] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}
/** Every row's cells but the first two (a row's words): what must not change with the language. */
const figures = (csv: string) => cells(csv).slice(1, -1).map((row) => row.slice(2));

describe("supportive-services CSVs", () => {
  it("says the totals' headers, categories and statuses in Spanish to a Spanish reader, with the same figures", async () => {
    const w = await servicesWorld(app);
    const approved = await makeRequest(w, { category: "DEPENDENT_CARE", amount: "450.25" });
    await w.reviewer.trpc.services.request.approve({ requestId: approved, fundId: w.fund.id, amount: "300" });
    await makeRequest(w, { category: "TRANSPORTATION", amount: "80" });
    const read = () => w.unionMember.trpc.services.export({ partnershipId: w.partnershipId });
    const english = await read();
    expect(english).toBe("category,status,requests,requested_dollars,approved_dollars\nDependent care / childcare,Approved,1,450.25,300.00\nTransportation,Submitted,1,80.00,0.00\n");
    await speaks(w.unionMember.user.id, "es");
    expect(await read()).toBe(
      "categoría,estado,solicitudes,dólares_solicitados,dólares_aprobados\nCuidado de dependientes / cuidado infantil,Aprobada,1,450.25,300.00\nTransporte,Enviada,1,80.00,0.00\n",
    );
  });

  it("says the trainees' groups and the suppression rule in Spanish, hiding the same cells", async () => {
    const w = await servicesWorld(app);
    // With the world's two who prefer not to say (hidden), the white group of 11 is hidden beside them.
    for (const [raceEthnicity, n] of [[["HISPANIC_LATINO"], 12], [["WHITE"], 11]] as const) {
      for (let i = 0; i < n; i++) {
        await app.db.trainee.create({ data: { partnershipId: w.partnershipId, organizationId: w.cboA.id, createdById: w.cboMember.user.id, name: `T ${i}`, program: "IMT", raceEthnicity: [...raceEthnicity] } });
      }
    }
    const read = () => w.unionMember.trpc.services.export({ partnershipId: w.partnershipId, table: "trainees" });
    const english = await read();
    await speaks(w.unionMember.user.id, "es");
    const spanish = await read();
    expect(cells(spanish)[0]).toEqual(["pregunta", "grupo", "participantes"]);
    expect(spanish).toContain("Raza y origen étnico,Hispano o latino,12\n");
    expect(spanish).toContain("Raza y origen étnico,Blanco,\n");
    expect(spanish).toContain("Raza y origen étnico,Todos los participantes,25\n");
    expect(cells(spanish).at(-1)![0]).toBe("Supresión");
    expect(cells(spanish).at(-1)![1]).toMatch(/^Se ocultan los conteos de 1 a 9 \(umbral 10\)/);
    expect(figures(spanish)).toEqual(figures(english));
    expect(spanish).not.toContain("T 1");
  });
});

describe("participants CSVs", () => {
  it("lists only the people the reader may see, with their status and the reader's role in the reader's language", async () => {
    const w = await participantsWorld(app);
    await w.enrollApprentice();
    const admin = cells(await w.jatcManagement.trpc.participants.export({ partnershipId: w.partnershipId }));
    expect(admin[0]).toEqual(["name", "program", "employer", "status", "applied_on", "start_date", "your_role"]);
    expect(admin.slice(1)).toEqual([[expect.stringMatching(/^Ana Apprentice/), expect.any(String), w.employerA.name, "Enrolled", expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), "program administrator"]]);
    await speaks(w.mentor.user.id, "es");
    const mentor = cells(await w.mentor.trpc.participants.export({ partnershipId: w.partnershipId }));
    expect(mentor[0]).toEqual(["nombre", "programa", "empleador", "estado", "fecha_de_solicitud", "fecha_de_inicio", "su_papel"]);
    expect(mentor.slice(1).map((row) => [row[3], row[6]])).toEqual([["Inscrito(a)", "mentor(a)"]]);
    expect((await refusal(w.outsider.trpc.participants.export({ partnershipId: w.partnershipId }))).code).toBe("FORBIDDEN");
  });

  it("writes the dashboard and its published snapshot in the reader's language, every count the same", async () => {
    const w = await participantsWorld(app);
    await addCohort(app, w, 24, { employerId: w.employerA.id, sex: "FEMALE", raceEthnicity: ["HISPANIC_LATINO"], enrolled: 20, placed: 12 });
    await addCohort(app, w, 21, { employerId: w.employerA.id, sex: "MALE", raceEthnicity: ["WHITE"], enrolled: 18, placed: 11 });
    await addCohort(app, w, 3, { employerId: w.employerB.id, sex: "FEMALE", raceEthnicity: ["BLACK_AFRICAN_AMERICAN", "WHITE"] });
    const year = new Date().getUTCFullYear();
    const read = () => w.aoMember.trpc.participants.dashboard.export({ partnershipId: w.partnershipId, year });
    const english = await read();
    await speaks(w.aoMember.user.id, "es");
    const spanish = await read();
    expect(cells(spanish)[0]!.slice(0, 4)).toEqual(["tabla", "grupo", "Solicitaron", "Inscritos"]);
    expect(cells(spanish)[0]).toContain("Tasa de inscripción (%)");
    expect(spanish).toContain("Sexo,Todos los solicitantes,48,41,");
    const rule = cells(spanish).at(-1)!;
    expect(rule[0]).toBe("Supresión");
    expect(rule[1]).toMatch(/umbral 10/);
    expect(rule[1]).toContain(`Solicitudes de ingreso de ${year}; `);
    expect(figures(spanish)).toEqual(figures(english));
    expect(spanish).not.toContain("Cohort");

    const proposed = (await w.founder.trpc.participants.snapshot.propose({ partnershipId: w.partnershipId, year })) as { changeId: string };
    await w.managementChair.trpc.joint.change.concur({ changeId: proposed.changeId });
    const [published] = await w.aoMember.trpc.participants.snapshot.list({ partnershipId: w.partnershipId });
    const publicCsv = (locale?: string) => app.anonymous.participants.snapshot.publicCsv({ snapshotId: published!.id, locale });
    expect(await publicCsv("es")).toBe(spanish);
    expect(await publicCsv()).toBe(english);
    expect(await publicCsv("xx")).toBe(english);
  });
});
