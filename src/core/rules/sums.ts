// R1–R4 as data: each 勾稽 equation of tables 三 and 四, evaluated on full or partial tables (blank part = 0).
import { type CellRef, cellPointer, getCell } from "../cells.ts";
import type { FindingCode } from "../finding.ts";
import { type CodeDoc, finding } from "../finding.ts";
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, requestRows } from "../labels.ts";
import type { Edition, Finding, Report } from "../model.ts";
import { cellLabel, columnLabel, num, rowLabel } from "./describe.ts";

export const SUM_CODES = [
  {
    code: "requests.balance",
    severity: "error",
    meaning: "R1: in a column of table 三, 一 + 二 ≠ （七）总计 + 四、结转下年度继续办理.",
  },
  {
    code: "requests.row-total",
    severity: "error",
    meaning: "R2: in a row of table 三, 总计 ≠ the sum of the six applicant columns.",
  },
  {
    code: "requests.handled-total",
    severity: "error",
    meaning: "R3: in a column of table 三, （七）总计 ≠ the sum of result rows （一）–（六）.",
  },
  {
    code: "appeals.group-total",
    severity: "error",
    meaning: "R4: in a group of table 四, 总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结.",
  },
  {
    code: "cell.total-missing",
    severity: "warning",
    meaning:
      "A total that a rule needs is blank; that rule is not checked (a blank total is never taken as 0).",
  },
] as const satisfies readonly CodeDoc[];

export type RuleId = "R1" | "R2" | "R3" | "R4";

/** One 勾稽 equation: Σ left = Σ right. `totals` must be filled for the check; other blank cells count as 0. */
export interface Equation {
  rule: RuleId;
  code: FindingCode;
  /** Where a violation is reported (a cell of the row or column the rule is about). */
  path: string;
  left: readonly CellRef[];
  right: readonly CellRef[];
  totals: readonly CellRef[];
  /** Cells of `right` that are row totals: blank counts as 0 only when the rest of its row is blank too. */
  rowTotals?: boolean;
}

export type EquationResult =
  | { status: "blank" }
  | { status: "missing"; missing: CellRef[] }
  | { status: "ok" | "violated"; left: number; right: number };

const req = (row: readonly string[], column: string): CellRef => ({ table: "requests", row, column });

function build(edition: Edition): Equation[] {
  const rows = requestRows(edition);
  const resultRows = rows.filter(
    (r) => !["received", "carriedOver", "handledTotal", "carriedForward"].includes(r.path[0] ?? ""),
  );
  const out: Equation[] = [];
  for (const col of APPLICANT_COLUMNS) {
    out.push({
      rule: "R1",
      code: "requests.balance",
      path: cellPointer(req(["received"], col.key)),
      left: [req(["received"], col.key), req(["carriedOver"], col.key)],
      right: [req(["handledTotal"], col.key), req(["carriedForward"], col.key)],
      // In the 总计 column every cell is a row total: a blank one is never taken as 0.
      totals:
        col.key === "total"
          ? ["received", "carriedOver", "handledTotal", "carriedForward"].map((r) => req([r], col.key))
          : [req(["handledTotal"], col.key)],
    });
  }
  for (const row of rows) {
    const total = req(row.path, "total");
    out.push({
      rule: "R2",
      code: "requests.row-total",
      path: cellPointer(total),
      left: [total],
      right: APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) => req(row.path, c.key)),
      totals: [total],
    });
  }
  for (const col of APPLICANT_COLUMNS) {
    const total = req(["handledTotal"], col.key);
    out.push({
      rule: "R3",
      code: "requests.handled-total",
      path: cellPointer(total),
      left: [total],
      right: resultRows.map((r) => req(r.path, col.key)),
      totals: [total],
      rowTotals: col.key === "total",
    });
  }
  for (const group of APPEAL_GROUPS) {
    const cell = (column: string): CellRef => ({ table: "appeals", row: [group.key], column });
    out.push({
      rule: "R4",
      code: "appeals.group-total",
      path: cellPointer(cell("total")),
      left: [cell("total")],
      right: APPEAL_COLUMNS.filter((c) => c.key !== "total").map((c) => cell(c.key)),
      totals: [cell("total")],
    });
  }
  return out;
}

const EQUATIONS: Record<Edition, readonly Equation[]> = { "2019": build("2019"), "2021": build("2021") };

/** Every R1–R4 equation of an edition, in document order of the tables. */
export function equations(edition: Edition): readonly Equation[] {
  return EQUATIONS[edition];
}

const value = (tables: unknown, ref: CellRef): number | null => {
  const v = getCell(tables, ref);
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};

const rowHasValue = (tables: unknown, ref: CellRef): boolean =>
  APPLICANT_COLUMNS.some((c) => c.key !== ref.column && value(tables, { ...ref, column: c.key }) !== null);

const sum = (tables: unknown, refs: readonly CellRef[]): number =>
  refs.reduce((acc, r) => acc + (value(tables, r) ?? 0), 0);

/** Evaluates an equation on a report or partial tables (absent cells are blank). */
export function evaluate(eq: Equation, tables: unknown): EquationResult {
  const all = [...eq.left, ...eq.right];
  if (all.every((r) => value(tables, r) === null)) return { status: "blank" };
  const missing = eq.totals.filter((r) => value(tables, r) === null);
  // A blank row total beside numbers in its own row is missing, not 0 (a whole blank row is 0).
  if (eq.rowTotals)
    missing.push(...eq.right.filter((r) => value(tables, r) === null && rowHasValue(tables, r)));
  if (missing.length > 0) return { status: "missing", missing };
  const left = sum(tables, eq.left);
  const right = sum(tables, eq.right);
  return { status: Math.abs(left - right) < 1e-9 ? "ok" : "violated", left, right };
}

/** The violated R1–R4 equations of a report or partial tables: pure, for the parser's digit splitting too. */
export function ruleViolations(
  edition: Edition,
  tables: unknown,
): { equation: Equation; left: number; right: number }[] {
  const out: { equation: Equation; left: number; right: number }[] = [];
  for (const equation of equations(edition)) {
    const r = evaluate(equation, tables);
    if (r.status === "violated") out.push({ equation, left: r.left, right: r.right });
  }
  return out;
}

function message(edition: Edition, eq: Equation, left: number, right: number): string {
  const first = eq.left[0] as CellRef;
  const l = num(left);
  const r = num(right);
  switch (eq.rule) {
    case "R1":
      return `表三「${columnLabel(edition, "requests", first.column)}」栏：第一项加第二项之和（${l}）不等于第三项加第四项之和（${r}）`;
    case "R2":
      return `表三「${rowLabel(edition, "requests", first.row)}」行：总计（${l}）不等于各类申请人数量之和（${r}）`;
    case "R3":
      return `表三「${columnLabel(edition, "requests", first.column)}」栏：（七）总计（${l}）不等于办理结果（一）至（六）各项之和（${r}）`;
    case "R4":
      return `表四「${rowLabel(edition, "appeals", first.row)}」：总计（${l}）不等于结果维持、结果纠正、其他结果、尚未审结之和（${r}）`;
  }
}

/** R1–R4 as findings: errors for violations, one cell.total-missing warning per blank total. */
export function checkSums(report: Report): Finding[] {
  const out: Finding[] = [];
  const missingSeen = new Set<string>();
  for (const eq of equations(report.edition)) {
    const r = evaluate(eq, report);
    if (r.status === "violated") {
      out.push(
        finding(eq.code, eq.path, message(report.edition, eq, r.left, r.right), {
          expected: r.right,
          actual: r.left,
        }),
      );
    } else if (r.status === "missing") {
      for (const ref of r.missing) {
        const path = cellPointer(ref);
        if (missingSeen.has(path)) continue;
        missingSeen.add(path);
        out.push(
          finding(
            "cell.total-missing",
            path,
            `${cellLabel(report.edition, ref)}为空，无法核对合计（空白的合计不按0计算）；没有请填写0`,
          ),
        );
      }
    }
  }
  return out;
}
