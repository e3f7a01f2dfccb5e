// Pages render with one clone per language of one i18next instance per process (app/i18n/i18n.server.ts):
// each clone speaks its language, requests in that language share it, so none may change its language.
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

  it("shares one instance per language, and refuses a language change that would reach other requests", async () => {
    const first = i18nFor("en");
    expect(i18nFor("en")).toBe(first);
    expect(i18nFor("es")).not.toBe(first);
    expect(() => first.changeLanguage("es")).toThrow(/shared/);
    expect(first.language).toBe("en");
    expect(i18nFor("en").t("header.signOut")).toBe("Sign out");
  });
});
