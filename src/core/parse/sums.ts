// The 勾稽 sums R1–R4 as tiny pure helpers for the parser's splitting and inference (blank parts count as 0).
import type { Cell } from "../model.ts";

/** A cell during parsing: a number, null (written blank) or undefined (missing, may be inferred). */
export type Slot = Cell | undefined;

export const sumParts = (cells: readonly Slot[]): number => cells.reduce<number>((a, c) => a + (c ?? 0), 0);

/** R2 for one row of seven cells; true when it holds or cannot be checked (a missing cell). */
export function rowTotalHolds(row: readonly Slot[]): boolean {
  const total = row[6];
  if (row.some((c) => c === undefined) || total === null || total === undefined) return true;
  return sumParts(row.slice(0, 6)) === total;
}

/** R4 for one group of five cells. */
export function groupTotalHolds(group: readonly Slot[]): boolean {
  const total = group[4];
  if (group.some((c) => c === undefined) || total === null || total === undefined) return true;
  return sumParts(group.slice(0, 4)) === total;
}

/**
 * Solves `sum(parts) = total` for its single missing cell (undefined). Returns the index and value, or
 * undefined when nothing or more than one is missing, the total is blank, or the value would be negative or fractional.
 */
export function solveSum(parts: readonly Slot[], total: Slot): { index: number; value: number } | undefined {
  const missing = parts.reduce<number[]>((a, c, i) => (c === undefined ? a.concat(i) : a), []);
  if (total === undefined) {
    if (missing.length > 0) return undefined;
    return { index: -1, value: sumParts(parts) };
  }
  if (missing.length !== 1 || total === null) return undefined;
  const value = total - sumParts(parts);
  if (value < 0 || !Number.isInteger(value)) return undefined;
  return { index: missing[0] as number, value };
}

/** JSON Pointer from model keys (which never hold 「~」 or 「/」): cheaper than cells.pointer in hot loops. */
export const ptr = (...segments: readonly string[]): string => `/${segments.join("/")}`;
