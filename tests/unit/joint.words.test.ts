// A joint change in words (decision 0018): the registry says codes and values, and each reader gets them
// in their language. Every kind's description, on states that take each branch, uses only keys both
// catalogs have; vocabulary (sides, roles, procedures, categories, statuses) comes out in Spanish, money
// and dates by Intl, lists with the language's "and"; a title stored in English (older notices) stays.
import { describe, expect, it } from "vitest";
import { fixedT } from "../../app/i18n/config.js";
import { KINDS } from "../../server/domains/joint/joint.kinds.js";
import { keysOf, type Described } from "../../server/domains/joint/joint.words.rules.js";
import { jointWordsIn } from "../../server/mail/templates/joint-words.js";

const c = { bodyName: "Comité de aprendizaje" };
const member = { name: "Ana Ruiz", organizationName: "Local 12", side: "MANAGEMENT" };
const SAMPLES: Array<[keyof typeof KINDS, unknown, Record<string, unknown>]> = [
  ["QUORUM_RULE", { mode: "COUNT", labor: 1, management: 2 }, { mode: "SHARE", labor: 50, management: 40 }],
  ["VOTING_SETTINGS", { secondFromOtherSide: true, allowVoteChange: false, deadlockProcedure: "TABLE", reminderLeadHours: 24 }, { secondFromOtherSide: false, allowVoteChange: true, deadlockProcedure: "REFER_TO_UMPIRE", reminderLeadHours: 0 }],
  ["UMPIRE", { umpireName: "Judge Ortiz" }, { umpireName: null }],
  ["UMPIRE", { umpireName: "" }, { umpireName: "Judge Ortiz" }],
  ["UMPIRE_DECISION", { motionId: "m", question: "Q?", decision: "D." }, { motionText: "That we train", umpireName: "Judge Ortiz" }],
  ["REPRESENTATION", { equalRepresentation: true, seatsPerSide: 3, unitRule: true }, { equalRepresentation: false, seatsPerSide: null, unitRule: false }],
  ["REPRESENTATION", { equalRepresentation: true, seatsPerSide: 1, unitRule: false }, { equalRepresentation: false, seatsPerSide: null, unitRule: false }],
  ["ADOPTION_RULE", { rule: "AT_LEAST", minimum: 2 }, { rule: "ALL", minimum: 1 }],
  ["SIGNOFF_GROUP", { reviewerMembershipIds: [] }, { group: [{ name: "A" }, { name: "B" }, { name: "C" }], proposedNames: [] }],
  ["DRAFT_ADOPTION", { draftId: "d", versionNumber: 2 }, { title: "Soldadura", status: "SIGNED_OFF", currentVersion: 2 }],
  ["DRAFT_ADOPTION", { draftId: "d", versionNumber: 2 }, { title: "Soldadura", status: "IN_REVIEW", currentVersion: 2 }],
  ["COMMITTEE", { name: "Safety", description: "Site safety" }, { exists: false }],
  ["SEAT", { membershipId: "m", role: "CO_CHAIR", isVoting: true }, { member, seat: { role: "MEMBER", coChairSide: null, isVoting: false } }],
  ["SEAT", { membershipId: "m", role: "OBSERVER", isVoting: false }, { member, seat: null }],
  ["SEAT_REMOVAL", { membershipId: "m" }, { member: null, seat: { role: "MEMBER", coChairSide: null, isVoting: true } }],
  ["MEMBER_REMOVAL", { membershipId: "m" }, { member, seat: { role: "CO_CHAIR", coChairSide: "LABOR", isVoting: true } }],
  ["ALTERNATE", { membershipId: "m", alternateMembershipId: "a" }, { holderName: "Ana", alternateName: null, proposedName: "Luis" }],
  ["ALTERNATE", { membershipId: "m", alternateMembershipId: null }, { holderName: "Ana", alternateName: "Luis", proposedName: null }],
  ["ORGANIZATION", { action: "CREATE", name: "Nuevo Futuro", type: "CBO", side: "NEUTRAL" }, { organization: null }],
  ["ORGANIZATION", { action: "REMOVE", organizationId: "o", name: "X", type: "UNION", side: "LABOR" }, { organization: { name: "Local 12", type: "UNION", side: "LABOR" } }],
  ["ORGANIZATION", { action: "UPDATE", organizationId: "o", name: "X", type: "EMPLOYER", side: "MANAGEMENT" }, { organization: null }],
  ["FUND", { name: "Apoyo 2026", startingCents: 1_000_000 }, { exists: false }],
  ["FUND_CLOSURE", { fundId: "f" }, { name: "Apoyo 2026", closed: false }],
  ["FUND_CAP", { fundId: "f", category: "TRANSPORTATION", perTrainee: true, capCents: 50_000 }, { fundName: "Apoyo", capCents: null }],
  ["FUND_CAP", { fundId: "f", category: "ALL", perTrainee: false, capCents: null }, { fundName: "Apoyo", capCents: 50_000 }],
  ["FUND_REVIEWER", { membershipId: "m", designate: true }, { name: "Ana", organizationName: "Local 12", isReviewer: false }],
  ["FUND_REVIEWER", { membershipId: "m", designate: false }, { name: "Ana", organizationName: "Local 12", isReviewer: true }],
  ["FUND_REVIEW_POLICY", { fundId: "f", bothSidesAboveCents: 150_000 }, { fundName: "Apoyo", bothSidesAboveCents: null }],
  ["AO_SNAPSHOT", { year: 2026 }, { publishedAt: "2026-03-04T10:00:00.000Z", threshold: 10 }],
  ["AO_SNAPSHOT", { year: 2026 }, { publishedAt: null, threshold: 10 }],
];

const describeSample = ([kind, payload, before]: (typeof SAMPLES)[number]): Described => KINDS[kind].describe(payload as never, before, c);
const linesOf = (d: Described) => [d.title, ...d.before, ...d.after];

describe("joint changes in words", () => {
  it("every kind has a sample, and every key its words use is in the English and the Spanish catalogs", () => {
    expect(new Set(SAMPLES.map(([kind]) => kind))).toEqual(new Set(Object.keys(KINDS)));
    const missing: string[] = [];
    for (const sample of SAMPLES) {
      for (const key of linesOf(describeSample(sample)).flatMap(keysOf)) {
        for (const lng of ["en", "es"]) {
          // Only this language (no fallback to English); a key with plural forms exists through its count.
          if (!fixedT(lng, "joint")(key, { lngs: [lng], count: 1, defaultValue: "" })) missing.push(`${lng} ${key} (${sample[0]})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("says vocabulary, money, dates and lists in Spanish; the same codes in English", () => {
    const say = (lng: "en" | "es", i: number) => linesOf(describeSample(SAMPLES[i]!)).map((w) => jointWordsIn(lng, w));
    expect(say("es", 1)).toEqual([
      "Cambiar la configuración de votación de Comité de aprendizaje",
      "La moción debe secundarla la otra parte: no",
      "Los votos nominales se pueden cambiar hasta que cierre la votación: sí",
      "Si una votación de doble mayoría termina en empate entre las partes: Remitirla al árbitro imparcial",
      "Recordatorio antes del plazo: ninguno",
      "La moción debe secundarla la otra parte: sí",
      "Los votos nominales se pueden cambiar hasta que cierre la votación: no",
      "Si una votación de doble mayoría termina en empate entre las partes: Aplazar la moción hasta la próxima reunión",
      "Recordatorio antes del plazo: 24 horas antes",
    ]);
    expect(say("en", 1)[0]).toBe("Change the voting settings of Comité de aprendizaje");
    expect(say("es", 12)).toEqual(["Cambiar el puesto de Ana Ruiz (Local 12, Empleador) en Comité de aprendizaje", "Miembro sin voto (consultivo)", "Copresidente(a) del empleador"]);
    expect(say("en", 12)).toEqual(["Change the seat of Ana Ruiz (Local 12, Management) on Comité de aprendizaje", "Member, without a vote", "Management co-chair"]);
    expect(say("es", 8)).toEqual(["Cambiar el grupo de aprobación de los trabajadores de Comité de aprendizaje", "A, B y C", "Nadie"]);
    expect(say("es", 23)).toEqual(["Cambiar un límite anual del fondo “Apoyo”: Transporte, por participante, por año calendario", "Sin límite", "$500.00"]);
    expect(say("es", 28)[1]).toBe("Publicado el 4 mar 2026");
    expect(say("es", 0)[2]).toBe("Para el quórum se necesita la presencia de al menos 1 miembro con voto de la parte sindical y 2 miembros con voto de la parte del empleador.");
  });

  it("a title stored as English before titles had codes stays as it was", () => {
    expect(jointWordsIn("es", "Change the quorum rule of JATC")).toBe("Change the quorum rule of JATC");
  });
});
