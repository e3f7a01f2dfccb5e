// The CSV downloads' cells: quoted where a spreadsheet would split them, read back whole by the import's
// parser, and never run as a formula by whoever opens the file.
import { describe, expect, it } from "vitest";
import { csvCell, csvText } from "../../server/domains/common.rules.js";
import { parseCsv } from "../../server/domains/participants/participants.rules.js";

describe("csvCell", () => {
  it("leaves plain text and numbers as they are, and null empty", () => {
    expect([csvCell("Hispano o latino"), csvCell(14), csvCell("450.25"), csvCell(null)]).toEqual(["Hispano o latino", "14", "450.25", ""]);
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell("Lakeshore Precision, Inc.")).toBe('"Lakeshore Precision, Inc."');
    expect(csvCell('The "Eastside" shop')).toBe('"The ""Eastside"" shop"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    for (const text of ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(csvCell(text).replace(/^"/, "").startsWith("'")).toBe(true);
    }
    expect(csvCell('=HYPERLINK("a","b")')).toBe(`"'=HYPERLINK(""a"",""b"")"`);
  });
});

describe("csvText", () => {
  it("ends every line, and the import's parser reads each cell back", () => {
    const rows = [
      ["name", "employer", "hours"],
      ["Ana López", "Lakeshore Precision, Inc.", 12],
      ['Rosa "Ro" Díaz', "", 0],
    ];
    const text = csvText(rows);
    expect(text.endsWith("\n")).toBe(true);
    expect(text.split("\n")).toHaveLength(4);
    expect(parseCsv(text)).toEqual({ ok: true, value: rows.map((row) => row.map(String)) });
  });
});
