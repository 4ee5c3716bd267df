// A parse doubt is never an error: an R1–R5 failure that involves a cell whose reading the parser chose becomes a warning.
import { type CellRef, cellPointer, getCell, setCell } from "../cells.ts";
import { type CodeDoc, finding } from "../finding.ts";
import type { Finding, Report } from "../model.ts";
import { DOUBT_CODES } from "../parse/codes.ts";
import { equations, evaluate } from "./sums.ts";

export const UNCERTAIN_CODES = [
  {
    code: "rule.uncertain",
    severity: "warning",
    meaning:
      "An R1–R5 rule fails, but only under a reading the parser chose (an inferred cell, a run-together number split among several readings, a row read by position, values placed in columns the text does not name, a row assembled from separated lines); the reading is shown. Not an agency error until the cells are checked.",
  },
] as const satisfies readonly CodeDoc[];

const RULE_CODES = new Set([
  "requests.balance",
  "requests.row-total",
  "requests.handled-total",
  "appeals.group-total",
]);

interface Doubt {
  path: string;
  code: string;
  /** Other readings of the row at `path` (parse.ambiguous): column → value. */
  alternatives?: Record<string, unknown>[];
}

const covers = (doubt: string, cell: string) => cell === doubt || cell.startsWith(`${doubt}/`);

const show = (v: unknown) => (v === null || v === undefined ? "空" : String(v));

/**
 * Turns R1–R4 errors into `rule.uncertain` warnings where the failing equation involves a doubtful cell and
 * the failure is not certain under the text as written: any doubt without alternatives (inferred, placed by
 * position, assembled), or a run-together split one of whose other readings makes the equation hold.
 */
export function settleDoubts(report: Report, parseFindings: readonly Finding[], rules: Finding[]): Finding[] {
  const doubts: Doubt[] = parseFindings
    .filter((f) => DOUBT_CODES.has(f.code))
    .map((f) => ({
      path: f.path,
      code: f.code,
      ...(f.alternatives ? { alternatives: f.alternatives as Record<string, unknown>[] } : {}),
    }));
  if (doubts.length === 0) return rules;
  const eqs = equations(report.edition);
  return rules.map((f) => {
    if (f.severity === "error" && CELL_RULE_CODES.has(f.code)) return settleCell(doubts, f);
    if (f.severity !== "error" || !RULE_CODES.has(f.code)) return f;
    const eq = eqs.find((e) => e.code === f.code && e.path === f.path);
    if (!eq) return f;
    const refs = [...eq.left, ...eq.right];
    const cells = refs.map((r) => cellPointer(r));
    const involved = doubts.filter((d) => cells.some((c) => covers(d.path, c)));
    if (involved.length === 0) return f;
    const uncertain = involved.some((d) => !d.alternatives || holdsUnderAlternative(report, eq, d, refs));
    if (!uncertain) return f;
    const read = refs
      .filter((r) => involved.some((d) => covers(d.path, cellPointer(r))))
      .map((r) => `${cellPointer(r)} = ${show(getCell(report, r))}`)
      .join("，");
    return finding(
      "rule.uncertain",
      f.path,
      `${f.message}。但其中有单元格的读法是解析时推定或选择的（${read}），原文写法未必如此，请对照原文核对后再认定`,
      {
        ...(f.expected !== undefined ? { expected: f.expected } : {}),
        ...(f.actual !== undefined ? { actual: f.actual } : {}),
      },
    );
  });
}

/** R5 on one cell: a negative count or a fractional count. */
const CELL_RULE_CODES = new Set(["cell.negative", "cell.fraction"]);

/**
 * R5 failing on a cell the parser read by choice (a value placed by position, a row read by order, a split): a
 * warning, unless the doubt lists its other readings and none of them gives the cell a valid value.
 */
function settleCell(doubts: readonly Doubt[], f: Finding): Finding {
  const involved = doubts.filter((d) => covers(d.path, f.path));
  if (involved.length === 0) return f;
  const column = f.path.slice(f.path.lastIndexOf("/") + 1);
  const valid = (v: unknown) =>
    v === null || (typeof v === "number" && (f.code === "cell.negative" ? v >= 0 : Number.isInteger(v)));
  const uncertain = involved.some(
    (d) =>
      !d.alternatives ||
      d.alternatives.some((alt) => {
        const rel = f.path.slice(d.path.length + 1);
        return valid(alt[rel] ?? alt[column]);
      }),
  );
  if (!uncertain) return f;
  return finding(
    "rule.uncertain",
    f.path,
    `${f.message}。但此单元格的读法是解析时推定或选择的（${f.path} = ${show(f.actual ?? null)}），原文写法未必如此，请对照原文核对后再认定`,
    {
      ...(f.expected !== undefined ? { expected: f.expected } : {}),
      ...(f.actual !== undefined ? { actual: f.actual } : {}),
    },
  );
}

/** Whether one of the other readings of an ambiguous row makes the equation hold. */
function holdsUnderAlternative(
  report: Report,
  eq: Parameters<typeof evaluate>[0],
  doubt: Doubt,
  refs: readonly CellRef[],
): boolean {
  const base = structuredClone(report) as unknown as Record<string, unknown>;
  const rowRefs = refs.filter((r) => covers(doubt.path, cellPointer(r)));
  const prefix = doubt.path;
  for (const alt of doubt.alternatives ?? []) {
    const copy = structuredClone(base);
    for (const [col, value] of Object.entries(alt)) {
      // Table 四's whole-row alternatives are keyed 「group/column」 below the table.
      const path = `${prefix}/${col}`;
      const ref = rowRefs.find((r) => cellPointer(r) === path);
      if (ref && (typeof value === "number" || value === null)) setCell(copy, ref, value);
    }
    if (evaluate(eq, copy).status === "ok") return true;
  }
  return false;
}
