// Splits run-together digits (「640020470」) into a row's cells: a bounded search over cut points, where each sum rule forces its total cell.

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

const INT = /^(0|[1-9][0-9]*)$/;
const DEC = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * Every way to cut the given pieces (each a digit string that may be cut further; cuts never cross pieces)
 * into exactly `cells` numbers without leading zeros, that the sum rules and `accept` allow.
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
  const after = clean.map((_, i) => clean.slice(i + 1).reduce((a, p) => a + p.length, 0));
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
    for (let end = c + 1; end <= piece.length; end++) {
      const text = piece.slice(c, end);
      if (charsLeft - text.length < cellsLeftAfter) break;
      if (!(opts.decimal?.(k) ? DEC : INT).test(text)) {
        if (text.startsWith("0") && !text.includes(".")) break; // longer pieces keep the leading zero
        continue;
      }
      const value = Number(text);
      if (rule) {
        const [parts, total] = rule;
        if (total > k && totalOf[total]) {
          const running = parts.reduce((a, i) => a + (i < k ? (values[i] ?? 0) : 0), 0) + value;
          const minTotalDigits = String(running).length;
          if (charsLeft - text.length < cellsLeftAfter - 1 + minTotalDigits) break;
        }
      }
      place(p, c, value, end);
      if (out.length >= maxSolutions) return;
    }
  };
  walk(0, 0);
  return out;
}
