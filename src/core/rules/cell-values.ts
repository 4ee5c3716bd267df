// R5 (counts are non-negative integers; 本年增/减 may be negative, money may have decimals) and blank cells.
import { type CellRef, cellPointer, cellRefs, getCell } from "../cells.ts";
import { type CodeDoc, finding } from "../finding.ts";
import type { Finding, Report } from "../model.ts";
import { pointer } from "../pointer.ts";
import { cellLabel, columnLabel, num, rowLabel } from "./describe.ts";

export const CELL_CODES = [
  {
    code: "cell.negative",
    severity: "error",
    meaning: "R5: a count or amount below 0 (only 本年增/减 may be negative).",
  },
  {
    code: "cell.fraction",
    severity: "error",
    meaning: "R5: a count that is not a whole number (only money may have decimals).",
  },
  {
    code: "cell.blank",
    severity: "warning",
    meaning:
      "Blank (null) cells in a table row; blank parts count as 0 in sums, blank totals are not checked.",
  },
] as const satisfies readonly CodeDoc[];

/** R5 on every filled cell. */
export function checkCellValues(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const ref of cellRefs(report.edition)) {
    const v = getCell(report, ref);
    if (typeof v !== "number") continue;
    const path = cellPointer(ref);
    if (v < 0 && ref.column !== "change") {
      out.push(
        finding(
          "cell.negative",
          path,
          `${cellLabel(report.edition, ref)}为负数（${num(v)}），数量不能小于0`,
          {
            expected: 0,
            actual: v,
          },
        ),
      );
    }
    if (!Number.isInteger(v) && ref.column !== "amountWan") {
      out.push(
        finding("cell.fraction", path, `${cellLabel(report.edition, ref)}为小数（${num(v)}），件数应为整数`, {
          expected: Math.round(v),
          actual: v,
        }),
      );
    }
  }
  return out;
}

/** One warning per table row that has blank cells, naming the blank columns. */
export function checkBlankCells(report: Report): Finding[] {
  const out: Finding[] = [];
  const rows = new Map<string, { ref: CellRef; blank: string[] }>();
  for (const ref of cellRefs(report.edition)) {
    const key = pointer(ref.table, ...ref.row);
    let row = rows.get(key);
    if (!row) {
      row = { ref, blank: [] };
      rows.set(key, row);
    }
    if (getCell(report, ref) === null) row.blank.push(ref.column);
  }
  for (const [path, { ref, blank }] of rows) {
    if (blank.length === 0) continue;
    const cols = blank.map((c) => `「${columnLabel(report.edition, ref.table, c)}」`).join("");
    const table = { proactive: "表二", requests: "表三", appeals: "表四" }[ref.table];
    out.push(
      finding(
        "cell.blank",
        path,
        `${table}「${rowLabel(report.edition, ref.table, ref.row)}」行的${cols}栏未填写；数量为0时请填写0`,
      ),
    );
  }
  return out;
}
