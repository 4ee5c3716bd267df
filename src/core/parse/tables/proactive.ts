// Table 二 (proactive disclosure): each row label's cells, in the columns of its block for the edition.

import type { CellKind } from "../../cell-value.ts";
import { finding } from "../../finding.ts";
import { proactiveBlocks } from "../../labels.ts";
import type { Edition, Finding } from "../../model.ts";
import { pointer } from "../../pointer.ts";
import { chooseRow } from "../choose.ts";
import type { Candidate } from "../rows.ts";
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
  /** Every number written in the report's prose, as written (「5419886」, 「541.99」). */
  prose: ReadonlySet<string> = new Set(),
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
      if (row?.assembled)
        findings.push(
          finding("parse.row-assembled", ptr, `本行数值与行名分开书写，已按表格的行序对应为「${r.label}」`),
        );
      if (row) {
        // A short row of 制发/废止/现行有效 (blank cells dropped by PDF text or a converter) is placed by the
        // soft rule 现行有效 ≥ 制发, not from the left; only a trailing tab artefact says the last cells were blank.
        const placeByRule = columns[2] === "inForce" && !row.artefact;
        const spec = {
          columns,
          kinds: columns.map(kindOf),
          sums: [],
          leftAlign: !placeByRule,
          splitLoneRun: false,
          blanksUnknown: true,
        };
        values = chooseRow(
          confirmByProse(rowCandidates(row, spec, { findings, pointer: ptr }), prose, ptr, findings),
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

/**
 * A count run into its amount (「215419886元」) splits many ways; when the report's own prose writes the amount
 * of exactly one split (「采购信息21条共5419886元」), that split is the reading, noted as such. Otherwise all stay.
 */
function confirmByProse(
  cands: Candidate[],
  prose: ReadonlySet<string>,
  ptr: string,
  findings: Finding[],
): Candidate[] {
  if (cands.length < 2 || prose.size === 0) return cands;
  const amountOf = (c: Candidate) => c.written?.[1] ?? "";
  const backed = cands.filter((c) => {
    const amount = amountOf(c);
    return amount.replace(".", "").length >= 3 && (prose.has(amount) || prose.has(String(c.values[1])));
  });
  if (backed.length !== 1) return cands;
  const [only] = backed as [Candidate];
  findings.push(
    finding(
      "parse.digits-split",
      ptr,
      `连写的「${only.written?.join("")}」有${cands.length}种拆分，正文写明金额「${amountOf(only)}」，已拆分为 ${only.values.join("/")}`,
    ),
  );
  return [{ ...only, origin: "direct" }];
}
