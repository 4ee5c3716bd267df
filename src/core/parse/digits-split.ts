// Splits run-together digits (「640020470」) into a row's cells: a bounded search over cut points (indices, a step budget), where each sum rule forces its total cell.
import { finding } from "../finding.ts";
import type { Finding } from "../model.ts";

export interface SplitOptions {
  /** Number of cells the row must have. */
  cells: number;
  /** Which cells may hold decimals (money). */
  decimal?: (index: number) => boolean;
  /** Sum rules [part indexes, total index] with every part before its total: the total is forced by the parts. */
  sums?: readonly (readonly [readonly number[], number])[];
  /** Called after each cell is placed with the values so far; false prunes this branch. */
  accept?: (values: readonly number[]) => boolean;
  /** Stop after this many solutions. */
  maxSolutions?: number;
  /** Stop after visiting this many search nodes. */
  maxNodes?: number;
}

/** The longest cell a split may cut (a count has at most 9 digits; money a few more with its decimals). */
export const MAX_CELL_CHARS = 15;

const DIGIT_0 = 48;
const DOT = 46;

/** Cleaned pieces: separators dropped, full-width points made ASCII, the sign taken off (see `negative`; a plus sign only marks the start of a cell). */
const cleanPiece = (p: string): string =>
  p
    .replace(/[,，]/g, "")
    .replace(/．/g, ".")
    .replace(/^[-－+＋]/, "");

/** False when the pieces hold more characters than `cells` cells can: no split exists, none is searched for. */
export function runFits(pieces: readonly string[], cells: number): boolean {
  let chars = 0;
  for (const p of pieces) chars += cleanPiece(p).length;
  return chars <= cells * MAX_CELL_CHARS;
}

/** The warning for a run too long to split: the row is left blank for the agency to check. */
export const runTooLong = (pointer: string, cells: number): Finding =>
  finding(
    "parse.digits-too-long",
    pointer,
    `本行连写的数字超过${cells}列所能容纳的位数，无法拆分，各单元格置空，请核对`,
  );

export function splitDigits(pieces: readonly string[], opts: SplitOptions): number[][] {
  const n = opts.cells;
  const maxSolutions = opts.maxSolutions ?? 64;
  let nodes = opts.maxNodes ?? 200_000;
  const out: number[][] = [];
  const values: number[] = [];
  // A piece written with a sign (「-294」 glued after other digits): its first cell is negative.
  const negative = pieces.map((p) => p.startsWith("-") || p.startsWith("－"));
  const clean = pieces.map(cleanPiece);
  if (!runFits(pieces, n)) return out;
  // Characters in the pieces after each piece (suffix sums, computed once).
  const after = new Array<number>(clean.length).fill(0);
  for (let i = clean.length - 2; i >= 0; i--) after[i] = (after[i + 1] ?? 0) + (clean[i + 1]?.length ?? 0);
  // For each cell: the sum rule whose total it is (forced), and the rule it is a part of.
  const totalOf = new Array<readonly number[] | undefined>(n).fill(undefined);
  const groupOf = new Array<readonly [readonly number[], number] | undefined>(n).fill(undefined);
  for (const rule of opts.sums ?? []) {
    const [parts, total] = rule;
    if (parts.every((p) => p < total)) totalOf[total] = parts;
    for (const p of parts) groupOf[p] = rule;
  }

  const place = (p: number, c: number, value: number, end: number): void => {
    values.push(c === 0 && negative[p] ? -value : value);
    if (!opts.accept || opts.accept(values)) walk(p, end);
    values.pop();
  };

  const walk = (p: number, c: number): void => {
    if (out.length >= maxSolutions || nodes-- <= 0) return;
    if (p === clean.length) {
      if (values.length === n) out.push([...values]);
      return;
    }
    const piece = clean[p] ?? "";
    if (c === piece.length) {
      walk(p + 1, 0);
      return;
    }
    const k = values.length;
    if (k >= n) return;
    const cellsLeftAfter = n - k - 1;
    if (cellsLeftAfter < clean.length - p - 1) return; // every later piece needs a cell
    const charsLeft = piece.length - c + (after[p] ?? 0);
    const forced = totalOf[k];
    if (forced) {
      const sum = forced.reduce((a, i) => a + (values[i] ?? 0), 0);
      const text = String(sum);
      if (piece.startsWith(text, c) && charsLeft - text.length >= cellsLeftAfter)
        place(p, c, sum, c + text.length);
      return;
    }
    // A part of a sum: its total, still to come, needs at least as many digits as the running sum.
    const rule = groupOf[k];
    const decimal = opts.decimal?.(k) ?? false;
    // The cell piece[c, end) read as it grows, one character per step: digits as an integer, the point's place.
    let whole = 0;
    let dotAt = -1;
    for (let end = c + 1; end <= piece.length; end++) {
      if (nodes-- <= 0) return;
      const len = end - c;
      if (len > MAX_CELL_CHARS || charsLeft - len < cellsLeftAfter) break;
      const code = piece.charCodeAt(end - 1);
      if (code === DOT) {
        // Only money takes a point, once, after a digit; a cell never ends with it.
        if (!decimal || dotAt >= 0 || len === 1) break;
        dotAt = end - 1;
        continue;
      }
      const digit = code - DIGIT_0;
      if (digit < 0 || digit > 9) break;
      whole = whole * 10 + digit;
      // No leading zero: 「0」 alone, or 「0.5」, but never 「05」.
      if (piece.charCodeAt(c) === DIGIT_0 && len > 1 && dotAt !== c + 1) break;
      const value = dotAt < 0 ? whole : whole / 10 ** (end - 1 - dotAt);
      if (rule) {
        const [parts, total] = rule;
        if (total > k && totalOf[total]) {
          let running = value;
          for (const i of parts) if (i < k) running += values[i] ?? 0;
          const minTotalDigits = String(running).length;
          if (charsLeft - len < cellsLeftAfter - 1 + minTotalDigits) break;
        }
      }
      place(p, c, value, end);
      if (out.length >= maxSolutions) return;
    }
  };
  walk(0, 0);
  return out;
}
