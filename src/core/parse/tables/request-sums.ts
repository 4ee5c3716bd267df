// Table 三's own sums on a reading of it (rows and applicant columns as a grid): row totals (R2), R1 and R3.
import { RESULT_HEADS } from "../labels-match.ts";
import type { Slot } from "../slot.ts";

/** The rows (dot-joined paths) of 「三、本年度办理结果」 （一）–（六）, which R1 sums into （七）总计. */
export function resultRows(keys: readonly string[]): readonly string[] {
  let rows = RESULT_ROWS.get(keys);
  if (!rows) {
    rows = keys.filter((k) => RESULT_HEADS.has(k.split(".")[0] as string));
    RESULT_ROWS.set(keys, rows);
  }
  return rows;
}

/** resultRows of a list of keys, kept while the list lives (table 三's keys of an edition are one list). */
const RESULT_ROWS = new WeakMap<readonly string[], readonly string[]>();

/** Every row whose seven cells are all known adds up to its 总计 (R2). */
export function rowsHold(grid: ReadonlyMap<string, readonly Slot[]>, keys: readonly string[]): boolean {
  return keys.every((k) => {
    const row = grid.get(k) ?? [];
    if (row.some((x) => x === null || x === undefined)) return true;
    return row.slice(0, 6).reduce<number>((a, x) => a + (x ?? 0), 0) === row[6];
  });
}

/**
 * Checks R1 and R3 (or R3 alone) on every column where the cells involved are known. Called for every combination of readings
 * (up to 20,000), so it allocates nothing per column: a mutated report with many two-way rows took 400 ms here.
 */
export function columnsHold(
  grid: ReadonlyMap<string, readonly Slot[]>,
  resultKeys: readonly string[],
  /** false: R3 alone (the results against （七）总计), not R1. */
  withR1 = true,
): boolean {
  const results = resultKeys.map((k) => grid.get(k));
  const handledRow = grid.get("handledTotal");
  const received = grid.get("received");
  const carriedOver = grid.get("carriedOver");
  const carriedForward = grid.get("carriedForward");
  for (let c = 0; c < 7; c++) {
    const handled = handledRow?.[c];
    if (handled !== undefined && handled !== null) {
      let sum = 0;
      let known = true;
      for (const row of results) {
        const x = row?.[c];
        if (x === undefined) {
          known = false;
          break;
        }
        sum += x ?? 0;
      }
      if (known && sum !== handled) return false;
    }
    if (!withR1) continue;
    const a = received?.[c];
    const b = carriedOver?.[c];
    const f = carriedForward?.[c];
    if (a === undefined || a === null || b === undefined || b === null) continue;
    if (handled === undefined || handled === null || f === undefined || f === null) continue;
    if (a + b !== handled + f) return false;
  }
  return true;
}
