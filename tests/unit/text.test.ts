// truncateText: never a cut inside a character (grapheme), never a lone surrogate, never a silent cut.
import { describe, expect, it } from "vitest";
import { ELLIPSIS, truncateText } from "../../server/text.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s)].map((g) => g.segment);

/** Checks the promises every result keeps, and returns it. */
function cut(text: string, max: number): string {
  const result = truncateText(text, max);
  expect(result.length).toBeLessThanOrEqual(max);
  expect(result).not.toMatch(LONE_SURROGATE);
  if (result !== text) {
    expect(result.endsWith(ELLIPSIS)).toBe(true);
    // Whole graphemes of the original, in order, then the ellipsis.
    const kept = graphemes(result.slice(0, -ELLIPSIS.length));
    expect(graphemes(text).slice(0, kept.length)).toEqual(kept);
  }
  return result;
}

describe("truncateText", () => {
  it("leaves text within the limit alone, and marks a cut with an ellipsis", () => {
    expect(cut("Adopt the budget", 16)).toBe("Adopt the budget");
    expect(cut("Adopt the budget", 15)).toBe("Adopt the budg…");
    expect(cut("", 5)).toBe("");
  });

  it("drops the space before the ellipsis", () => {
    expect(cut("Adopt the budget", 7)).toBe("Adopt…");
  });

  it.each([
    ["a surrogate-pair emoji", "😀"],
    ["an emoji with a skin tone", "👍🏽"],
    ["a flag (two regional indicators)", "🇺🇸"],
    ["a ZWJ family", "👩‍👩‍👧‍👦"],
    ["a letter with combining marks", "e\u0301\u0323"],
    ["a keycap", "1️⃣"],
    ["Hangul jamo", "\u1100\u1161\u11A8"],
  ])("never cuts %s at any position across the limit", (_label, cluster) => {
    for (let before = 0; before < 12; before++) {
      const text = `${"x".repeat(before)}${cluster}${"y".repeat(8)}`;
      for (let max = 1; max <= text.length; max++) {
        const result = cut(text, max);
        // The cluster is either whole or absent.
        const kept = result.slice(0, -1);
        if (kept.length > before) expect(kept.slice(before, before + cluster.length)).toBe(cluster);
      }
    }
  });

  it("cuts at the 140th character without splitting the emoji that straddles it (a mention's excerpt)", () => {
    const body = `@Grace ${"w".repeat(131)}😀 and more after it`;
    expect(body.indexOf("😀")).toBe(138);
    const excerpt = cut(body, 140);
    expect(excerpt).toBe(`@Grace ${"w".repeat(131)}…`);
  });

  it("keeps as many whole graphemes as fit", () => {
    expect(cut("🇺🇸🇨🇦🇲🇽", 5)).toBe("🇺🇸…");
    expect(cut("👩‍👩‍👧‍👦👩‍👩‍👧‍👦", 12)).toBe("👩‍👩‍👧‍👦…");
  });

  it("leaves only the ellipsis when not even the first grapheme fits", () => {
    expect(cut(`a${"\u0301".repeat(50)} and more`, 10)).toBe("…");
    expect(cut("👩‍👩‍👧‍👦 family", 5)).toBe("…");
  });

  it("refuses a limit that leaves no room for the ellipsis", () => {
    expect(() => truncateText("abc", 0)).toThrow(RangeError);
    expect(() => truncateText("abc", 1.5)).toThrow(RangeError);
  });
});
