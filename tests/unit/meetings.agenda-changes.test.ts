// What changed in an agenda since a co-chair approved it (agenda-changes.rules.ts): additions,
// removals, new titles and time boxes, edited details and moves — where a move is reported for the item
// that left its place, not for every item an insertion pushed down.
import { describe, expect, it } from "vitest";
import { agendaChanges, parseAgendaSnapshot, type AgendaSnapshotItem } from "../../server/domains/meetings/agenda-changes.rules.js";

const item = (id: string, overrides: Partial<AgendaSnapshotItem> = {}): AgendaSnapshotItem => ({
  id,
  title: `Item ${id}`,
  timeBoxMinutes: 15,
  kind: "DISCUSSION",
  presenter: "",
  description: "",
  links: [],
  ...overrides,
});

describe("agendaChanges", () => {
  it("finds nothing when nothing changed", () => {
    expect(agendaChanges([item("a"), item("b")], [item("a"), item("b")])).toEqual([]);
  });

  it("lists an insertion once, without calling the items after it moved", () => {
    expect(agendaChanges([item("a"), item("b"), item("c")], [item("a"), item("x"), item("b"), item("c")])).toEqual([{ kind: "added", title: "Item x", position: 2 }]);
  });

  it("lists a removal once, without calling the items after it moved", () => {
    expect(agendaChanges([item("a"), item("b"), item("c")], [item("b"), item("c")])).toEqual([{ kind: "removed", title: "Item a" }]);
  });

  it("reports the item that travelled when one moved to the top", () => {
    expect(agendaChanges([item("a"), item("b"), item("c"), item("d")], [item("d"), item("a"), item("b"), item("c")])).toEqual([{ kind: "moved", title: "Item d", from: 4, to: 1 }]);
  });

  it("lists a new title, a new time box and other edited details", () => {
    const after = [item("a", { title: "Budget and fume extraction", timeBoxMinutes: 25 }), item("b", { presenter: "Dana" })];
    expect(agendaChanges([item("a"), item("b")], after)).toEqual([
      { kind: "retitled", from: "Item a", to: "Budget and fume extraction" },
      { kind: "timeBox", title: "Budget and fume extraction", from: 15, to: 25 },
      { kind: "details", title: "Item b" },
    ]);
  });

  it("combines moves, additions and removals", () => {
    const changes = agendaChanges([item("a"), item("b"), item("c")], [item("c"), item("b"), item("n")]);
    expect(changes).toEqual([
      { kind: "moved", title: "Item c", from: 3, to: 1 },
      { kind: "added", title: "Item n", position: 3 },
      { kind: "removed", title: "Item a" },
    ]);
  });
});

describe("parseAgendaSnapshot", () => {
  it("reads a stored snapshot and answers null for none or a malformed one", () => {
    expect(parseAgendaSnapshot([item("a")])).toEqual([item("a")]);
    expect(parseAgendaSnapshot(null)).toBeNull();
    expect(parseAgendaSnapshot([{ id: 1 }])).toBeNull();
  });
});
