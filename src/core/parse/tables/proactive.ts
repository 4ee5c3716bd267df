// Table 二 (proactive disclosure): each row label's cells, in the columns of its block for the edition.

import type { CellKind } from "../../cell-value.ts";
import { finding } from "../../finding.ts";
import { proactiveBlocks } from "../../labels.ts";
import type { Edition, Finding } from "../../model.ts";
import { pointer } from "../../pointer.ts";
import { chooseRow } from "../choose.ts";
import { collectRows, rowCandidates } from "../rows.ts";
import type { Slot } from "../slot.ts";
import type { CellSource } from "../sources.ts";
import type { Token } from "../tokens.ts";

const kindOf = (column: string): CellKind =>
  column === "change" ? "change" : column === "amountWan" ? "money" : "count";

/** Reads table 二; returns row key → cells in the block's column order. */
export function parseProactive(
  tokens: readonly Token[],
  edition: Edition,
  findings: Finding[],
  /** Place unrecognized labelled rows by position (only within the table's own section). */
  byOrder = true,
): {
  rows: Map<string, { columns: string[]; values: Slot[]; srcs: (CellSource | undefined)[] }>;
  found: boolean;
} {
  const raw = collectRows(
    tokens,
    "proactive",
    edition,
    byOrder ? proactiveBlocks(edition).flatMap((b) => b.rows.map((r) => r.key)) : [],
  );
  const docs = raw.get("normativeDocuments")?.label ?? "";
  if (edition === "2021" && /规范性文件/.test(docs) && !/行政规范性文件/.test(docs))
    findings.push(
      finding(
        "edition.mix",
        pointer("proactive", "normativeDocuments"),
        `2021版表格应为「行政规范性文件」，原文写作「${docs}」（2019版的行名）`,
      ),
    );
  const out = new Map<string, { columns: string[]; values: Slot[]; srcs: (CellSource | undefined)[] }>();
  for (const block of proactiveBlocks(edition)) {
    const columns = block.columns.map((c) => c.key);
    for (const r of block.rows) {
      const ptr = pointer("proactive", r.key);
      const row = raw.get(r.key);
      let values: Slot[] = columns.map(() => undefined);
      const srcs: (CellSource | undefined)[] = columns.map(() => undefined);
      if (row?.byOrder)
        findings.push(
          finding(
            "parse.label-by-order",
            ptr,
            `行名「${row.label ?? ""}」未能识别，按表格顺序读作「${r.label}」，请核对`,
          ),
        );
      if (row) {
        const spec = { columns, kinds: columns.map(kindOf), sums: [], leftAlign: true, splitLoneRun: false };
        values = chooseRow(
          rowCandidates(row, spec, { findings, pointer: ptr }),
          columns,
          ptr,
          findings,
          (v) =>
            columns[2] === "inForce"
              ? Number((v[2] ?? 0) < (v[0] ?? 0)) + Number((v[2] ?? 0) < (v[1] ?? 0))
              : 0,
          srcs,
        );
      } else if (raw.size > 0) {
        findings.push(finding("parse.row-missing", ptr, `未找到「${r.label}」一行，本行各单元格置空`));
      }
      values = values.map((v, i) => {
        if (v !== undefined) return v;
        if (row)
          findings.push(
            finding(
              "parse.cell-missing",
              pointer("proactive", r.key, columns[i] as string),
              `「${r.label}」一行的「${block.columns[i]?.label}」在原文中缺失，已置空，请核对`,
            ),
          );
        return null;
      });
      out.set(r.key, { columns, values, srcs });
    }
  }
  return { rows: out, found: raw.size > 0 };
}
