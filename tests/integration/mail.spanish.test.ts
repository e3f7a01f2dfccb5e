// Mails in the recipient's language through the real SMTP server (decision 0018): a voter whose profile
// says Spanish gets the vote's mail in Spanish while an English voter of the same vote gets English, and
// a co-chair whose profile says Spanish gets the joint change waiting for them with its title said in
// Spanish from its codes (the proposer wrote nothing in either language).
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp.js";
import { startTestApp } from "../support/test-app.js";
import { openMotion, votingWorld } from "../support/voting-helpers.js";

const smtp = await startSmtpServer();
const app = await startTestApp({ env: { SMTP_URL: smtp.url, APP_SECRET: "spanish-mail-secret-0123456789-abcdefghij" } });
afterAll(async () => {
  await app.close();
  await smtp.close();
});

describe("mails in the recipient's language", () => {
  it("a vote opened: Spanish to the voter whose profile says Spanish, English to the others", async () => {
    const world = await votingWorld(app);
    await world.laborMember.trpc.identity.profile.setLocale({ locale: "es" });
    const text = `Que el comité adopte la norma de soldadura ${Date.now()}.`;
    const motionId = await openMotion(world, { text });
    const mails = await smtp.wait((a) => Boolean(a.mail.text?.includes(motionId)), world.voters.length);
    const spanish = mails.find((a) => a.to === world.laborMember.user.email.toLowerCase())!.mail;
    expect(spanish.subject).toBe(`Votación abierta: ${text}`);
    expect(spanish.text).toContain(`${world.committee.name} abrió una votación sobre esta moción:`);
    expect(spanish.text).toContain("Emitir su voto");
    expect(spanish.text).toContain(`Recibe este correo porque está en la lista de votantes de esta votación en ${world.partnership.name}.`);
    expect(spanish.html).toContain('lang="es"');
    const english = mails.find((a) => a.to === world.managementMember.user.email.toLowerCase())!.mail;
    expect(english.subject).toBe(`Vote open: ${text}`);
    expect(english.text).toContain("Cast your ballot");
  });

  it("a joint change waiting: its title said in Spanish from its codes to the co-chair whose profile says Spanish", async () => {
    const world = await votingWorld(app);
    await world.managementChair.trpc.identity.profile.setLocale({ locale: "es" });
    const proposed = await world.laborChair.trpc.partnerships.committee.setQuorumRule({ bodyId: world.committee.id, mode: "COUNT", labor: 2, management: 2 });
    expect(proposed).toMatchObject({ pending: true });
    const [arrival] = await smtp.wait((a) => a.to === world.managementChair.user.email.toLowerCase() && Boolean(a.mail.subject?.includes(world.committee.name)), 1);
    const mail = arrival!.mail;
    expect(mail.subject).toBe(`Pendiente de su respuesta: Cambiar la regla de quórum de ${world.committee.name}`);
    expect(mail.text).toContain(`${world.laborChair.name} propuso un cambio en las reglas de ${world.partnership.name} · ${world.committee.name}.`);
    expect(mail.text).toContain("Aceptar o rechazar");
    expect(mail.text).not.toMatch(/Change the quorum rule|Waiting for you/);
    // The bell of the same co-chair keeps the codes, not a sentence: each reader's page says them.
    const note = (await world.managementChair.trpc.notifications.list({})).items.find((n) => n.kind === "joint.waiting")!;
    expect((note.payload as { title: unknown }).title).toEqual({ key: "QUORUM_RULE.title", values: { body: world.committee.name } });
  });
});
