// Issue 12 in Chromium. (1) A Spanish speaker (browser in es-US) is invited in Spanish by the labor
// co-chair, whose own pages stay English; she signs up from the mail, joins the CBO, records a trainee,
// submits a request with a Spanish refusal on the way, follows it while a reviewer (in English) asks a
// question, answers, and reads the notification and its mail in Spanish; axe is clean on each page.
// Her e-mail settings, the people and the participants pages are Spanish and axe-clean too.
// (2) The pseudo-locale on the converted pages: every label, button, heading of a section, legend,
// aria-label, title and placeholder carries the pseudo-locale's markers, so nothing there is hard-coded.
import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { bothWidths, DEMO_PARTNERSHIP, demoPartnershipId, expect, expectAxeClean, LABOR_CO_CHAIR, screenshot, signIn, SPANISH, test, uniqueUser } from "./fixtures";

const ROSA = "rosa.delgado@demo.jointly.test"; // CBO member (Nuevo Futuro Workforce Alliance)
const PRIYA = "priya.nair@demo.jointly.test"; // staff, designated reviewer
const LUIS = "luis.ortega@demo.jointly.test"; // JATC co-chair
const dateIn = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);



type DevMail = { id: string; toAddress: string; subject: string };
/** The newest mail to `to` whose subject matches, from the development outbox (polls: mail goes out after commit, by a job). */
async function mailTo(request: APIRequestContext, to: string, subject: RegExp): Promise<{ subject: string; text: string }> {
  let found: DevMail | undefined;
  await expect
    .poll(
      async () => {
        const list = (await (await request.get("/api/trpc/devMail.list")).json()) as { result: { data: { json: DevMail[] } } };
        found = list.result.data.json.find((m) => (m.toAddress === to || m.toAddress.endsWith(`<${to}>`)) && subject.test(m.subject));
        return Boolean(found);
      },
      { timeout: 20_000, message: `a mail to ${to} matching ${subject}` },
    )
    .toBe(true);
  const input = encodeURIComponent(JSON.stringify({ json: { id: found!.id } }));
  const mail = (await (await request.get(`/api/trpc/devMail.get?input=${input}`)).json()) as { result: { data: { json: { subject: string; text: string } } } };
  return mail.result.data.json;
}

test("a Spanish speaker is invited in Spanish, signs up, submits a request and follows it in Spanish", async ({ page, context, newContext, consoleErrors }) => {
  test.setTimeout(300_000);
  consoleErrors.allow(/status of 400/, "the sign-up form's refusal of a short password answers 400, as every refused form does");
  // ── Denise (English) invites a new CBO member and chooses Spanish for the mail.
  await signIn(context, LABOR_CO_CHAIR.email);
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}/people`);
  const newcomer = uniqueUser("lucia");
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email").fill(newcomer.email);
  await invite.getByLabel("Organization").selectOption({ label: "Nuevo Futuro Workforce Alliance (Neutral)" });
  await invite.getByLabel("Role").selectOption({ label: "Member" });
  await invite.getByLabel("Language of the invitation").selectOption({ label: "Español" });
  await invite.getByRole("button", { name: /invitation/i }).click();
  await expect(page.getByRole("textbox", { name: "Invitation link" })).toHaveValue(/\/invitations\//);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const mail = await mailTo(page.request, newcomer.email, /invitó/);
  expect(mail.subject).toBe(`${LABOR_CO_CHAIR.name} lo (la) invitó a ${DEMO_PARTNERSHIP} en Jointly`);
  expect(mail.text).toContain("como miembro");
  const link = mail.text.match(/https?:\/\/\S+\/invitations\/[\w-]+/)?.[0];
  expect(link, "the invitation link in the mail").toBeTruthy();

  // ── Lucía, in a Spanish browser, from the mail's link.
  const hers: BrowserContext = await newContext(SPANISH);
  const lucia = await hers.newPage();
  await lucia.goto(new URL(link!).pathname);
  await expect(lucia.locator("html")).toHaveAttribute("lang", "es");
  await expect(lucia.getByRole("heading", { name: `Únase a ${DEMO_PARTNERSHIP}` })).toBeVisible();
  await expectAxeClean(lucia);
  await bothWidths(lucia, "invitation-es");
  await lucia.getByRole("main").getByRole("link", { name: "Crear cuenta" }).click();
  await expect(lucia.getByRole("heading", { name: "Cree su cuenta" })).toBeVisible();
  await lucia.getByLabel("Nombre completo").fill(newcomer.name);
  await expect(lucia.getByLabel("Correo electrónico")).toHaveValue(newcomer.email);
  await lucia.getByLabel("Contraseña").fill("corta");
  await lucia.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(lucia.getByText("Use al menos 10 caracteres.")).toBeVisible();
  await expectAxeClean(lucia);
  await lucia.getByLabel("Contraseña").fill(newcomer.password);
  await lucia.getByRole("button", { name: "Crear cuenta" }).click();
  await lucia.getByRole("button", { name: `Aceptar y unirse a ${DEMO_PARTNERSHIP}` }).click();
  await expect(lucia).toHaveURL(new RegExp(`/p/${partnershipId}$`));
  await expect(lucia.getByText("Usted es miembro")).toBeVisible();

  // ── A trainee, then a request, refused once in Spanish.
  await lucia.getByRole("navigation", { name: "Alianza" }).getByRole("link", { name: "Servicios" }).click();
  await expect(lucia.getByRole("heading", { level: 1, name: "Servicios de apoyo" })).toBeVisible();
  await expectAxeClean(lucia);
  await lucia.getByRole("link", { name: "Participantes en capacitación" }).first().click();
  const record = lucia.getByRole("form", { name: "Registrar a un participante" });
  await record.getByLabel("Nombre").fill("Mateo Ríos");
  await record.getByLabel("Programa", { exact: true }).fill("Aprendizaje registrado de IMT");
  await expect(record.getByLabel("Idioma preferido")).toHaveValue("Español");
  await expectAxeClean(lucia);
  await bothWidths(lucia, "trainees-es");
  await record.getByRole("button", { name: "Guardar participante" }).click();
  await expect(lucia).toHaveURL(/\/services\/trainees\/[^/]+$/, { timeout: 20_000 });

  await lucia.goto(`/p/${partnershipId}/services`);
  const form = lucia.getByRole("form", { name: "Nueva solicitud de servicios de apoyo" });
  await form.getByLabel("Participante en capacitación").selectOption({ label: "Mateo Ríos — Aprendizaje registrado de IMT" });
  await form.getByLabel("Categoría").selectOption({ label: "Transporte" });
  await form.getByLabel("Monto (USD)").fill("45.005");
  await form.getByLabel("Se necesita para el").fill(dateIn(7));
  await form.getByLabel("Justificación").fill("Pase de autobús mensual para llegar a las clases de la tarde.");
  await form.getByRole("button", { name: "Enviar la solicitud" }).click();
  await expect(form.getByText("Use como máximo dos decimales (centavos).")).toBeVisible();
  await expect(form.getByText("Algunos campos necesitan atención.")).toBeVisible();
  await expectAxeClean(lucia);
  await bothWidths(lucia, "services-es");
  await form.getByLabel("Monto (USD)").fill("45.00");
  await form.getByRole("button", { name: "Enviar la solicitud" }).click();

  await expect(lucia).toHaveURL(/\/services\/requests\/[^/]+$/, { timeout: 20_000 });
  const requestPath = new URL(lucia.url()).pathname;
  await expect(lucia.getByRole("heading", { level: 1, name: "Transporte: $45.00" })).toBeVisible();
  await expect(lucia.getByTestId("request-status")).toContainText("Enviada");
  await expect(lucia.getByText("Aprendizaje registrado de IMT · prefiere: Español")).toBeVisible();
  await expect(lucia.getByRole("textbox", { name: "Mensaje para el participante" })).toHaveValue(
    "Hola, Mateo Ríos: su solicitud de Transporte ($45.00) se envió para revisión.",
  );
  await expectAxeClean(lucia);
  await bothWidths(lucia, "request-es");

  // ── Priya (English) asks a question; Lucía's page shows it live, in Spanish.
  const reviewer = await newContext();
  await signIn(reviewer, PRIYA);
  const priya = await reviewer.newPage();
  await priya.goto(requestPath);
  await expect(priya.locator("html")).toHaveAttribute("lang", "en");
  await priya.getByRole("button", { name: "Start review" }).click();
  const ask = priya.getByRole("form", { name: "Ask for more information" });
  await ask.getByLabel("Your question").fill("Is the pass monthly or weekly?");
  await ask.getByRole("button", { name: "Send question" }).click();
  await expect(lucia.getByTestId("request-status")).toContainText("Se necesita más información", { timeout: 10_000 });
  await expect(lucia.getByText("pidió más información")).toBeVisible();
  const answer = lucia.getByRole("form", { name: "Responder al revisor" });
  await answer.getByLabel("Su respuesta").fill("Es mensual.");
  await answer.getByRole("button", { name: "Enviar la respuesta" }).click();
  await expect(lucia.getByText("respondió")).toBeVisible();

  // ── Her notification and its mail, in Spanish.
  await lucia.goto("/notifications");
  await expect(lucia.getByRole("heading", { name: "Notificaciones" })).toBeVisible();
  await expect(lucia.getByText("El estado de su solicitud de servicios de apoyo (Transporte) ahora es: Se necesita más información.")).toBeVisible();
  await expectAxeClean(lucia);
  await bothWidths(lucia, "notifications-es");
  const update = await mailTo(lucia.request, newcomer.email, /^Su solicitud/);
  expect(update.subject).toBe("Su solicitud (Transporte): Se necesita más información");

  // ── Her e-mail settings, the partnership's people and its participants, in Spanish.
  await lucia.goto("/settings/notifications");
  await expect(lucia.getByRole("heading", { level: 1, name: "Configuración de correos" })).toBeVisible();
  await expect(lucia.getByRole("group", { name: "Servicios de apoyo" })).toContainText("Recomendado: de inmediato");
  await expectAxeClean(lucia);
  await bothWidths(lucia, "mail-settings-es");
  await lucia.goto(`/p/${partnershipId}/people`);
  await expect(lucia.getByRole("heading", { name: /^Personas \(\d+\)$/ })).toBeVisible();
  await expect(lucia.getByRole("columnheader", { name: "Función" })).toBeVisible();
  await expectAxeClean(lucia);
  await bothWidths(lucia, "people-es");
  await lucia.goto(`/p/${partnershipId}/participants`);
  await expect(lucia.getByRole("heading", { level: 1, name: "Participantes" })).toBeVisible();
  await expect(lucia.getByRole("heading", { name: "Programas" })).toBeVisible();
  await expectAxeClean(lucia);
  await bothWidths(lucia, "participants-es");

  // ── Her profile says Spanish; switching to English in the header saves it.
  await lucia.goto("/settings/profile");
  await expect(lucia.getByLabel("Idioma")).toHaveValue("es");
  await expectAxeClean(lucia);
  await lucia.getByRole("button", { name: "English" }).click();
  await expect(lucia.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expect(lucia.locator("html")).toHaveAttribute("lang", "en");
  // The saved language, read back from the server after a fresh load.
  await expect.poll(async () => (await lucia.reload(), await lucia.getByLabel("Language").inputValue()), { timeout: 15_000 }).toBe("en");
});

/** Text a hard-coded string would leave unmarked: labels, buttons, section titles, legends and these attributes. */
async function unmarked(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const marked = (s: string) => {
      // Markers nest (a message inside a message): take out the innermost until none is left.
      let rest = s;
      let before = "";
      while (before !== rest) {
        before = rest;
        rest = rest.replace(/⟦[^⟦⟧]*⟧/g, "");
      }
      rest = rest.replace(/[\s\d.,:;·()$%#–—←→●/+-]/g, "");
      return rest === "" || rest === "English" || rest === "Español";
    };
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
    const found: string[] = [];
    const scope = "main, header";
    // translate="no": a proper name (a partnership's); data-i18n-skip: words the server builds, not converted yet.
    const skip = (el: Element) => el.closest("[data-i18n-skip], [translate=no], option, select, textarea, time") !== null || isOnlyTime(el);
    // A cell that holds only a <time> (a month formatted by Intl): words of the viewer's language, not a message.
    const isOnlyTime = (el: Element) => {
      const times = [...el.querySelectorAll("time")];
      return times.length > 0 && times.map((t) => (t as HTMLElement).innerText).join("").trim() === (el as HTMLElement).innerText.trim();
    };
    for (const el of document.querySelectorAll(`:is(${scope}) :is(button, label, legend, dt, th, summary, h2, h3, nav a, [role=status], [role=alert])`)) {
      if (skip(el) || !visible(el)) continue;
      // A heading may hold people's words (an agenda item's title) marked translate="no" beside our own: only ours must be marked.
      let text = (el as HTMLElement).innerText;
      for (const own of el.querySelectorAll("[translate=no], [data-i18n-skip]")) text = text.replace((own as HTMLElement).innerText, "");
      text = text.trim();
      if (text && !marked(text)) found.push(`${el.tagName.toLowerCase()}: ${text}`);
    }
    for (const el of document.querySelectorAll(`:is(${scope}) [aria-label], :is(${scope}) [placeholder], :is(${scope}) [title]`)) {
      if (el.closest("[data-i18n-skip]")) continue;
      for (const name of ["aria-label", "placeholder", "title"]) {
        const value = el.getAttribute(name);
        if (value && !marked(value)) found.push(`${el.tagName.toLowerCase()}[${name}]: ${value}`);
      }
    }
    return found;
  });
}

test("the converted pages show no hard-coded English in the pseudo-locale", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  // The pseudo-locale is chosen by its cookie (a Remix cookie: base64 of the JSON string).
  await context.addCookies([{ name: "lng", value: encodeURIComponent(Buffer.from(JSON.stringify("en-XA")).toString("base64")), url: baseURL! }]);
  for (const path of ["/", "/signin", "/signup", "/forgot-password"]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
    expect(await unmarked(page), path).toEqual([]);
  }
  await signIn(context, ROSA);
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}/services`);
  const firstRequest = await page.getByRole("region", { name: /⟦/ }).getByTestId("request-row").first().getByRole("link").getAttribute("href");
  // The signed-in home page first: Rosa's "waiting for you" list and her partnerships' cards.
  const pages = [
    "/",
    "/settings/profile",
    "/notifications",
    `/p/${partnershipId}/services`,
    `/p/${partnershipId}/services/trainees`,
    firstRequest!,
    `/p/${partnershipId}/votes`,
    `/p/${partnershipId}/drafts`,
  ];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
    expect(await unmarked(page), path).toEqual([]);
  }
  await screenshot(page, "pseudo-request");

  // The partnership's own pages, settings, funds, a trainee's record and participants.
  await page.goto(`/p/${partnershipId}/services/trainees`);
  const firstTrainee = await page.locator('main a[href*="/services/trainees/"]').first().getAttribute("href");
  // The partnership's overview lists its joint changes (the demo's: titles and before/after lines said from codes).
  const more = [
    `/p/${partnershipId}`,
    "/settings/security",
    "/settings/notifications",
    `/p/${partnershipId}/people`,
    `/p/${partnershipId}/organizations`,
    `/p/${partnershipId}/committees`,
    `/p/${partnershipId}/services/funds`,
    firstTrainee!,
    `/p/${partnershipId}/participants`,
  ];
  for (const path of more) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
    expect(await unmarked(page), path).toEqual([]);
  }
});

test("the meetings pages show no hard-coded English in the pseudo-locale", async ({ page, context, baseURL }) => {
  test.setTimeout(240_000);
  await context.addCookies([{ name: "lng", value: encodeURIComponent(Buffer.from(JSON.stringify("en-XA")).toString("base64")), url: baseURL! }]);
  // Luis co-chairs the JATC, whose past meeting has approved minutes (server/fixtures/demo.ts).
  await signIn(context, LUIS);
  const partnershipId = await demoPartnershipId(page);
  await page.goto(`/p/${partnershipId}/meetings`);
  // The seeded past meeting (adjourned, minutes approved) and the next upcoming one.
  const section = (id: string) => page.locator("section").filter({ has: page.locator(`#${id}-heading`) });
  const past = await section("past").getByRole("link", { name: "JATC monthly meeting" }).first().getAttribute("href");
  const upcoming = await section("upcoming").getByRole("listitem").first().getByRole("link").getAttribute("href");
  for (const path of [`/p/${partnershipId}/meetings`, past!, `${past!}/minutes`, upcoming!]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
    expect(await unmarked(page), path).toEqual([]);
  }
});
