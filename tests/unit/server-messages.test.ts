// Server messages in the viewer's language: an exact sentence from the `errors` catalog, or a template
// the message fits, with the values it carries (names, amounts, counts) said inside the translation.
import { describe, expect, it } from "vitest";
import { fixedT, translateServerMessage } from "../../app/i18n/config.js";

const say = (message: string, locale: string) => translateServerMessage(fixedT(locale, "errors"), message, locale);

describe("translateServerMessage", () => {
  it("says a sentence the catalog holds whole", () => {
    expect(say("Some fields need attention.", "es")).toBe("Algunos campos necesitan atención.");
  });

  it("says a message with a name and an amount from its template, the values as the server wrote them", () => {
    expect(say("Building Futures Fund has only $12.00 available.", "es")).toBe("El fondo Building Futures Fund solo tiene $12.00 disponible.");
    // A name full of the pattern language's characters is a value like any other.
    expect(say("Fund (A) $1.5+ [x] has only $3.00 available.", "es")).toBe("El fondo Fund (A) $1.5+ [x] solo tiene $3.00 disponible.");
    expect(say("Management already approved $700.00 from Fund 1 (Karen); labor approved $800.00 from Fund 2. Approve that to complete it, or wait for labor to agree to yours.", "es")).toBe(
      "La parte del empleador ya aprobó $700.00 del fondo Fund 1 (Karen); la parte sindical aprobó $800.00 del fondo Fund 2. Apruebe eso para completarla, o espere a que la parte sindical acepte lo suyo.",
    );
  });

  it("prefers the template with the most words of its own", () => {
    // Fits both "Must be at most {{max}} characters." and "Must be at most {{max}}.".
    expect(say("Must be at most 1,000 characters.", "es")).toBe("Puede tener como máximo 1,000 caracteres.");
    expect(say("Must be at most 90.", "es")).toBe("Debe ser como máximo 90.");
  });

  it("leaves a message it has no words for, every English message and the pseudo-locale's as they are", () => {
    expect(say("A request that is approved cannot be denied.", "es")).toBe("A request that is approved cannot be denied.");
    expect(say("Building Futures Fund has only $12.00 available.", "en")).toBe("Building Futures Fund has only $12.00 available.");
    expect(say("Building Futures Fund has only $12.00 available.", "en-XA")).toBe("Building Futures Fund has only $12.00 available.");
  });
});
