// Table 四 in pdftotext's default reading order: its fifteen cells in a few runs between header words, runs out of order.
import type { RawRow } from "./rows.ts";
import type { Slot } from "./slot.ts";
import type { CellSource } from "./sources.ts";

const CELLS = 15;
/** At most this many runs are ordered (7! = 5,040 orders of fifteen cells each). */
const MAX_RUNS = 7;
const PLAIN = /^[0-9]{1,9}$/;

/**
 * The fifteen cells of table 四 when the text writes them in several runs apart by header words (pdftotext's default
 * order writes a block of cells, then another further left or right: 「72 64 178 37」 … 「351」 … 「13 4 8 1 26」 …): each
 * run is a stretch of the row's cells, and the runs are put in the one order that makes every group's parts add up
 * to its total (R4). Undefined when the runs hold other than fifteen plain counts, or when no order or several orders
 * with different numbers keep R4: the table is then read as before, with its doubts.
 */
export function appealsInOrder(
  runs: readonly RawRow[],
): { values: Slot[]; srcs: (CellSource | undefined)[]; inOrder: boolean } | undefined {
  const used = runs.filter((r) => r.cells.length > 0);
  if (used.length < 2 || used.length > MAX_RUNS) return undefined;
  let n = 0;
  for (const r of used)
    for (const c of r.cells) {
      if (c.raw === null || c.glued || !PLAIN.test(c.raw)) return undefined;
      n++;
    }
  if (n !== CELLS) return undefined;
  const order: number[] = [];
  const taken = new Array<boolean>(used.length).fill(false);
  const row: number[] = [];
  let found: { numbers: string; order: number[] } | undefined;
  let several = false;
  const holds = () => {
    for (let g = 0; g < 3; g++) {
      const b = g * 5;
      if (
        (row[b] as number) + (row[b + 1] as number) + (row[b + 2] as number) + (row[b + 3] as number) !==
        row[b + 4]
      )
        return false;
    }
    return true;
  };
  const walk = () => {
    if (several) return;
    if (order.length === used.length) {
      if (!holds()) return;
      const numbers = row.join(",");
      if (!found) found = { numbers, order: [...order] };
      else if (found.numbers !== numbers) several = true;
      return;
    }
    for (let i = 0; i < used.length; i++) {
      if (taken[i]) continue;
      const cells = (used[i] as RawRow).cells;
      taken[i] = true;
      order.push(i);
      for (const c of cells) row.push(Number(c.raw));
      walk();
      row.length -= cells.length;
      order.pop();
      taken[i] = false;
    }
  };
  walk();
  if (!found || several) return undefined;
  const cells = (found as { order: number[] }).order.flatMap((i) => (used[i] as RawRow).cells);
  return {
    values: cells.map((c) => Number(c.raw)),
    srcs: cells.map((c) => c.src),
    inOrder: (found as { order: number[] }).order.every((x, i) => x === i),
  };
}
