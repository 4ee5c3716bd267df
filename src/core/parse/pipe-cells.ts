// HTML tables copied as one cell per line (「规章 |」「0 |」): a bare 「|」 line between a row's cells is a blank cell, not padding.
import { trimAll } from "./lines.ts";
import { isValueText } from "./tokens.ts";

/** A line holding one cell and its closing bar: 「0 |」「(一)予以公开 |」. */
const ONE_CELL = /^[^|]+\|$/;

/** The cell text of a one-cell line, or undefined. */
function oneCell(line: string): string | undefined {
  const t = trimAll(line);
  return ONE_CELL.test(t) ? trimAll(t.slice(0, -1)) : undefined;
}

/**
 * Indexes of bare 「|」 lines that stand for blank cells: a run of them after a one-cell line and before a value of the
 * same row (「一、本年新收… |」「|」「|」「0 |」 — the row's first six cells are blank, its total is 0). A run before a label,
 * or several bars on one line, is row padding, as before.
 */
export function blankCellLines(lines: readonly string[]): Set<number> {
  const blanks = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    if (trimAll(lines[i] ?? "") !== "|") {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && trimAll(lines[j] ?? "") === "|") j++;
    const before = i > 0 ? oneCell(lines[i - 1] ?? "") : undefined;
    const after = j < lines.length ? oneCell(lines[j] ?? "") : undefined;
    if (before !== undefined && after !== undefined && isValueText(after))
      for (let k = i; k < j; k++) blanks.add(k);
    i = j;
  }
  return blanks;
}
