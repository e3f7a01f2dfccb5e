// Pages render with a clone of one i18next instance per process (app/i18n/i18n.server.ts): each clone
// speaks its request's language, and one request changing its clone's language changes no other's.
import { describe, expect, it } from "vitest";
import { i18nFor } from "../../app/i18n/i18n.server";

describe("i18nFor", () => {
  it("gives each request an instance in its own language, the pseudo-locale included", () => {
    const es = i18nFor("es");
    const en = i18nFor("en");
    const pseudo = i18nFor("en-XA");
    expect([es.language, en.language, pseudo.language]).toEqual(["es", "en", "en-XA"]);
    expect(es.t("header.signOut")).toBe("Cerrar sesión");
    expect(en.t("header.signOut")).toBe("Sign out");
    expect(pseudo.t("header.signOut")).not.toBe("Sign out");
    expect(es.isInitialized).toBe(true);
  });

  it("keeps a language change inside the request that made it", async () => {
    const first = i18nFor("en");
    const second = i18nFor("en");
    await first.changeLanguage("es");
    expect(first.t("header.signOut")).toBe("Cerrar sesión");
    expect(second.language).toBe("en");
    expect(second.t("header.signOut")).toBe("Sign out");
    expect(i18nFor("en").t("header.signOut")).toBe("Sign out");
  });
});
