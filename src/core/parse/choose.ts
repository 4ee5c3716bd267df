// Picks one reading per row from its candidates: unique ones directly, run-together splits by plausibility (reported as ambiguous), placements cell by cell.
import { finding } from "../finding.ts";
import type { Finding } from "../model.ts";
import type { Candidate } from "./rows.ts";
import type { Slot } from "./slot.ts";
import type { CellSource } from "./sources.ts";

/** Lower is more plausible: small numbers, and no cell dwarfing the rest. */
function implausibility(values: readonly Slot[]): number {
  let sum = 0;
  let max = 0;
  for (const v of values) {
    const x = Math.abs(v ?? 0);
    sum += x;
    if (x > max) max = x;
  }
  return max * 1000 + sum;
}

const show = (values: readonly Slot[]) =>
  values.map((v) => (v === undefined || v === null ? "空" : String(v))).join("/");

/** Chooses a row's values. Undefined cells remain where placements disagree (the table's rules may still fill them). */
export function chooseRow(
  cands: readonly Candidate[],
  columns: readonly string[],
  pointer: string,
  findings: Finding[],
  /** Count of soft-rule violations of a reading (e.g. 现行有效件数 below 本年制发件数); fewer is more plausible. */
  violations: (values: readonly Slot[]) => number = () => 0,
  /** Filled with where each chosen value was written. */
  srcOut?: (CellSource | undefined)[],
): Slot[] {
  const first = cands[0];
  const sources = (c: Candidate | undefined) => {
    if (!srcOut || !c?.srcs) return;
    for (let i = 0; i < columns.length; i++) srcOut[i] = c.srcs[i];
  };
  if (!first) return columns.map(() => undefined);
  if (cands.length === 1) {
    if (first.origin === "split")
      findings.push(
        finding("parse.digits-split", pointer, `连写的数字已按列数和勾稽关系拆分为 ${show(first.values)}`),
      );
    else if (first.origin === "placement" && first.values.every((v) => v !== undefined))
      findings.push(
        finding("parse.cell-inferred", pointer, `本行缺少单元格，已依勾稽关系推定为 ${show(first.values)}`),
      );
    sources(first);
    return [...first.values];
  }
  if (first.origin === "split") {
    const score = (c: Candidate) => violations(c.values) * 1e12 + implausibility(c.values);
    const sorted = [...cands].sort((a, b) => score(a) - score(b));
    const best = sorted[0] as Candidate;
    findings.push(
      finding(
        "parse.ambiguous",
        pointer,
        `连写的数字有${cands.length}种拆分都说得通（已用勾稽关系筛选），已取 ${show(best.values)}，请核对：${sorted
          .slice(1, 6)
          .map((c) => show(c.values))
          .join("；")}`,
        {
          alternatives: sorted.map((c) =>
            Object.fromEntries(columns.map((col, i) => [col, c.values[i] ?? null])),
          ),
        },
      ),
    );
    sources(best);
    return [...best.values];
  }
  // Placements: keep a cell only where every reading agrees (and its source with it, when they agree on that too).
  return columns.map((_, i) => {
    const v = first.values[i];
    if (!cands.every((c) => c.values[i] === v)) return undefined;
    const src = first.srcs?.[i];
    if (srcOut && src && cands.every((c) => c.srcs?.[i] === src)) srcOut[i] = src;
    return v;
  });
}
