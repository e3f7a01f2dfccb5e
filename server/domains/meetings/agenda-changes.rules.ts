// What changed in an agenda since a co-chair approved it: the accepted items as they stood at the
// approval (a snapshot stored with it) against the items now. Pure; shared with the browser, which
// words the list. The agenda's version counter only says *that* it changed; this says *what*.
import { z } from "zod";

/** One accepted item as approved (the approval's snapshot). */
export const AgendaSnapshotItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  timeBoxMinutes: z.number(),
  kind: z.string(),
  presenter: z.string(),
  description: z.string(),
  links: z.unknown(),
});
export type AgendaSnapshotItem = z.infer<typeof AgendaSnapshotItemSchema>;
const SnapshotSchema = z.array(AgendaSnapshotItemSchema);

export type AgendaChange =
  | { kind: "added"; title: string; position: number }
  | { kind: "removed"; title: string }
  | { kind: "retitled"; from: string; to: string }
  | { kind: "timeBox"; title: string; from: number; to: number }
  | { kind: "moved"; title: string; from: number; to: number }
  | { kind: "details"; title: string };

/** The snapshot stored with an approval, or null when there is none (approvals given before snapshots). */
export function parseAgendaSnapshot(value: unknown): AgendaSnapshotItem[] | null {
  if (value === null || value === undefined) return null;
  const parsed = SnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The snapshot of the accepted items, in agenda order, as an approval stores it. */
export function agendaSnapshot(items: Array<AgendaSnapshotItem & Record<string, unknown>>): AgendaSnapshotItem[] {
  return items.map(({ id, title, timeBoxMinutes, kind, presenter, description, links }) => ({ id, title, timeBoxMinutes, kind, presenter, description, links }));
}

/**
 * Items added and removed, retitled, with a new time box, with other details edited, and moved: an
 * item counts as moved when it is not in the longest run of items that kept their relative order, so
 * adding one item does not report every item after it as moved. Positions are 1-based, as shown.
 */
export function agendaChanges(before: AgendaSnapshotItem[], after: AgendaSnapshotItem[]): AgendaChange[] {
  const beforeById = new Map(before.map((item, index) => [item.id, { item, position: index + 1 }]));
  const afterIds = new Set(after.map((i) => i.id));
  const changes: AgendaChange[] = [];
  const afterPosition = new Map(after.map((item, index) => [item.id, index + 1]));
  const shift = (id: string) => Math.abs(beforeById.get(id)!.position - afterPosition.get(id)!);
  const kept = keptInOrder(
    before.map((i) => i.id).filter((id) => afterIds.has(id)),
    after.map((i) => i.id).filter((id) => beforeById.has(id)),
    shift,
  );
  after.forEach((item, index) => {
    const was = beforeById.get(item.id);
    if (!was) return void changes.push({ kind: "added", title: item.title, position: index + 1 });
    if (was.item.title !== item.title) changes.push({ kind: "retitled", from: was.item.title, to: item.title });
    if (!kept.has(item.id)) changes.push({ kind: "moved", title: item.title, from: was.position, to: index + 1 });
    if (was.item.timeBoxMinutes !== item.timeBoxMinutes) changes.push({ kind: "timeBox", title: item.title, from: was.item.timeBoxMinutes, to: item.timeBoxMinutes });
    const details = (i: AgendaSnapshotItem) => JSON.stringify([i.kind, i.presenter, i.description, i.links ?? []]);
    if (details(was.item) !== details(item)) changes.push({ kind: "details", title: item.title });
  });
  for (const item of before) if (!afterIds.has(item.id)) changes.push({ kind: "removed", title: item.title });
  return changes;
}

/**
 * The ids in a longest common subsequence of two orderings of the same ids (agendas are short: O(n²)).
 * Between equally long ones, the item that travelled further is the one reported as moved.
 */
function keptInOrder(a: string[], b: string[], shift: (id: string) => number): Set<string> {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else {
      const down = table[i + 1]![j]!;
      const right = table[i]![j + 1]!;
      if (down > right || (down === right && shift(a[i]!) >= shift(b[j]!))) i++;
      else j++;
    }
  }
  return kept;
}
