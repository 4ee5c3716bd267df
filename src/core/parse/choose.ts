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
  if (first.origin === "split" && first.unruled && cands.length > 1) {
    // No split keeps the row's own sums (blank cells lost from the run?): the most plausible, in doubt. A rule
    // failing under every split stays an error (a single split is the text as written: no doubt at all).
    const sorted = [...cands].sort((a, b) => implausibility(a.values) - implausibility(b.values));
    const best = sorted[0] as Candidate;
    findings.push(
      finding(
        "parse.digits-guessed",
        pointer,
        `连写的数字没有一种拆分能使本行合计相符（可能有空白单元格在复制时丢失），已暂取 ${show(best.values)}${
          sorted.length > 1
            ? `，其他拆分：${sorted
                .slice(1, 6)
                .map((c) => show(c.values))
                .join("；")}`
            : ""
        }，请核对`,
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
  if (cands.length === 1) {
    if (first.byPosition)
      findings.push(
        finding(
          "parse.cells-placed",
          pointer,
          `本行少了单元格，原文没有写明各数值所在的栏，勾稽关系也不能确定位置，已暂读作 ${show(first.values)}，请核对`,
        ),
      );
    if (first.origin === "split")
      findings.push(
        finding("parse.digits-split", pointer, `连写的数字已按列数和勾稽关系拆分为 ${show(first.values)}`),
      );
    else if (first.origin === "placement" && !first.byPosition && first.values.every((v) => v !== undefined))
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
  // Placements: the ones breaking fewest soft rules; keep a cell only where every one of them agrees (and its
  // source with it, when they agree on that too).
  const fewest = Math.min(...cands.map((c) => violations(c.values)));
  const kept = cands.filter((c) => violations(c.values) === fewest);
  const lead = kept[0] as Candidate;
  const values = columns.map((_, i) => {
    const v = lead.values[i];
    if (!kept.every((c) => c.values[i] === v)) return undefined;
    const src = lead.srcs?.[i];
    if (srcOut && src && kept.every((c) => c.srcs?.[i] === src)) srcOut[i] = src;
    return v;
  });
  // Values kept where several placements were possible (a soft rule chose, or the placements agree on a cell): the
  // text did not say where they sit.
  if (values.some((v) => v !== undefined))
    findings.push(
      finding(
        "parse.cells-placed",
        pointer,
        `本行少了单元格，原文没有写明各数值所在的栏，有${cands.length}种放法${
          kept.length < cands.length
            ? "，已按「现行有效件数不小于本年制发件数」等常理"
            : "，已取各种放法一致的单元格"
        }读作 ${show(values)}，请核对`,
      ),
    );
  return values;
}
