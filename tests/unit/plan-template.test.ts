// Query shapes (server/database/plan-template.ts, decision 0026): which values become placeholders, and
// when a plan compiled from the placeholders may not serve the real values.
import { describe, expect, it } from "vitest";
import { checkTemplate, fillTemplate, templateOf } from "../../server/database/plan-template.js";

const ann = "cmx66m01r0001gj7doc3tvfpc";
const bob = "cmx66m02d0002gj7div8mhwm2";
const session = "b193f1195ce1b23fd4e98ba9bd437df30f2149490c71d40c1e502e7c5d6b0658";

describe("query shapes", () => {
  it("ids, session ids and instants become numbered placeholders; the same value, the same number", () => {
    const text = JSON.stringify({ where: { a: ann, b: bob, again: ann, s: session, at: "2026-12-02T14:03:19.062Z", status: "OPEN", n: 3 } });
    const { text: shape, ids } = templateOf(text);
    expect(ids).toEqual([ann, bob, session, "2026-12-02T14:03:19.062Z"]);
    expect(JSON.parse(shape)).toEqual({
      where: { a: "__jointly_id_0__", b: "__jointly_id_1__", again: "__jointly_id_0__", s: "__jointly_id_2__", at: "0001-01-01T00:00:00.003Z", status: "OPEN", n: 3 },
    });
    // A raw query's parameters are a JSON text inside the text: their quotes are escaped.
    const raw = JSON.stringify({ parameters: JSON.stringify([ann, 7]) });
    expect(templateOf(raw)).toEqual({ text: JSON.stringify({ parameters: JSON.stringify(["__jointly_id_0__", 7]) }), ids: [ann] });
  });

  it("a plan that returns every placeholder whole is filled with the real values, its other parts shared", () => {
    const shared = Object.freeze({ sql: "SELECT 1" });
    const plan = Object.freeze({ args: Object.freeze(["__jointly_id_0__", "0001-01-01T00:00:00.001Z"]), fixed: shared });
    const real = { args: [ann, "2026-12-02T14:03:19.062Z"], fixed: { sql: "SELECT 1" } };
    const template = checkTemplate(plan, [ann, "2026-12-02T14:03:19.062Z"], real);
    expect(template).not.toBeNull();
    const filled = fillTemplate(template!, [bob, "2027-01-01T00:00:00.000Z"]) as typeof real;
    expect(filled).toEqual({ args: [bob, "2027-01-01T00:00:00.000Z"], fixed: { sql: "SELECT 1" } });
    expect(filled.fixed).toBe(shared);
    expect(Object.isFrozen(filled) && Object.isFrozen(filled.args)).toBe(true);
  });

  it("refuses a plan with a placeholder inside a longer string, a placeholder gone, or a result unlike the real plan", () => {
    const inSql = { sql: "WHERE id = '__jointly_id_0__'" };
    expect(checkTemplate(inSql, [ann], { sql: `WHERE id = '${ann}'` })).toBeNull();
    expect(checkTemplate({ args: [] }, [ann], { args: [] })).toBeNull();
    expect(checkTemplate({ args: ["__jointly_id_0__"] }, [ann], { args: [ann.toUpperCase()] })).toBeNull();
  });
});
