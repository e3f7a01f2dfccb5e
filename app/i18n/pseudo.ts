// The pseudo-locale (en-XA): English with every letter accented, about 35% longer and wrapped in ⟦ ⟧,
// built from the English catalogs. Text on a page without the markers was not translated (a hard-coded
// string); a layout that breaks with it breaks in Spanish or German too. Placeholders ({{name}}),
// nesting ($t(...)) and <0>tags</0> are left as they are.
const ACCENTED: Record<string, string> = {
  a: "á", b: "ƀ", c: "ç", d: "ð", e: "é", f: "ƒ", g: "ĝ", h: "ĥ", i: "í", j: "ĵ", k: "ķ", l: "ļ", m: "ɱ",
  n: "ñ", o: "ó", p: "þ", q: "ǫ", r: "ŕ", s: "š", t: "ţ", u: "ú", v: "ṽ", w: "ŵ", x: "ẋ", y: "ý", z: "ž",
  A: "Á", B: "Ɓ", C: "Ç", D: "Ð", E: "É", F: "Ƒ", G: "Ĝ", H: "Ĥ", I: "Í", J: "Ĵ", K: "Ķ", L: "Ļ", M: "Ṁ",
  N: "Ñ", O: "Ó", P: "Þ", Q: "Ǫ", R: "Ŕ", S: "Š", T: "Ţ", U: "Ú", V: "Ṽ", W: "Ŵ", X: "Ẋ", Y: "Ý", Z: "Ž",
};
const VOWELS = new Set("aeiouAEIOU");
export const PSEUDO_OPEN = "⟦";
export const PSEUDO_CLOSE = "⟧";

const PROTECTED = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\d+\/?>|<\/?[a-z]+\/?>)/g;

/** One English string as the pseudo-locale shows it. */
export function pseudoize(text: string): string {
  if (text === "") return text;
  const parts = text.split(PROTECTED);
  const body = parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let out = "";
      for (const ch of part) {
        // Doubling the vowels makes ordinary sentences ~35% longer.
        out += (ACCENTED[ch] ?? ch) + (VOWELS.has(ch) ? (ACCENTED[ch] ?? ch) : "");
      }
      return out;
    })
    .join("");
  return `${PSEUDO_OPEN}${body}${PSEUDO_CLOSE}`;
}

type Tree = { [key: string]: string | Tree };

/** A whole catalog (nested keys) in the pseudo-locale. */
export function pseudoizeTree(tree: Tree): Tree {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, typeof v === "string" ? pseudoize(v) : pseudoizeTree(v)]));
}
