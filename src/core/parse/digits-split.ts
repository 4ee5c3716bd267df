// Splits run-together digits (「640020470」) into a row's cells: a bounded search over cut points, pruned by the row's sum rules.

export interface SplitOptions {
  /** Number of cells the row must have. */
  cells: number;
  /** Which cells may hold decimals (money). */
  decimal?: (index: number) => boolean;
  /** Called after each cell is placed with the values so far; false prunes this branch. */
  accept?: (values: readonly number[]) => boolean;
  /** Stop after this many solutions. */
  maxSolutions?: number;
  /** Stop after visiting this many search nodes. */
  maxNodes?: number;
}

const INT = /^(0|[1-9][0-9]*)$/;
const DEC = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * Every way to cut the given pieces (each a digit string that may be cut further; cuts never cross pieces)
 * into exactly `cells` numbers without leading zeros, that `accept` allows.
 */
export function splitDigits(pieces: readonly string[], opts: SplitOptions): number[][] {
  const n = opts.cells;
  const maxSolutions = opts.maxSolutions ?? 64;
  let nodes = opts.maxNodes ?? 200_000;
  const out: number[][] = [];
  const values: number[] = [];
  // A piece written with a sign (「-294」 glued after other digits): its first cell is negative.
  const negative = pieces.map((p) => /^[-－]/.test(p));
  const clean = pieces.map((p) =>
    p
      .replace(/[,，]/g, "")
      .replace(/．/g, ".")
      .replace(/^[-－]/, ""),
  );
  const remainingChars = (p: number, c: number) => {
    let r = (clean[p]?.length ?? 0) - c;
    for (let i = p + 1; i < clean.length; i++) r += clean[i]?.length ?? 0;
    return r;
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
    const piecesLeft = clean.length - p - 1; // whole pieces after this one each need ≥ 1 cell
    const cellsLeftAfter = n - k - 1;
    if (cellsLeftAfter < piecesLeft) return;
    for (let end = c + 1; end <= piece.length; end++) {
      const text = piece.slice(c, end);
      const ok = (opts.decimal?.(k) ? DEC : INT).test(text);
      if (!ok) {
        if (text.startsWith("0") && !text.includes(".")) break; // longer pieces keep the leading zero
        continue;
      }
      if (text.endsWith(".")) continue;
      // The rest must still fit: at least one character per remaining cell.
      if (remainingChars(p, end) < cellsLeftAfter) break;
      values.push(c === 0 && negative[p] ? -Number(text) : Number(text));
      if (!opts.accept || opts.accept(values)) walk(p, end);
      values.pop();
      if (out.length >= maxSolutions) return;
    }
  };
  walk(0, 0);
  return out;
}
