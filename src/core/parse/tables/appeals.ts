// Table 四 (appeals): one data row of fifteen cells or one labelled row per group, split and inferred with R4.

import { finding } from "../../finding.ts";
import { APPEAL_COLUMNS, APPEAL_GROUPS } from "../../labels.ts";
import type { Edition, Finding } from "../../model.ts";
import { pointer } from "../../pointer.ts";
import { appealsInOrder } from "../appeals-order.ts";
import { chooseRow } from "../choose.ts";
import { collectRows, type RawRow, type RowSpec, rowCandidates, valueRuns } from "../rows.ts";
import type { Slot } from "../slot.ts";
import type { CellSource } from "../sources.ts";
import type { Token } from "../tokens.ts";

const COLS = APPEAL_COLUMNS.map((c) => c.key);
const GROUP_SPEC: RowSpec = {
  columns: COLS,
  kinds: COLS.map(() => "count"),
  sums: [[[0, 1, 2, 3], 4]],
  leftAlign: false,
  splitLoneRun: true,
};
const ALL_COLUMNS = APPEAL_GROUPS.flatMap((g) => COLS.map((c) => `${g.key}/${c}`));
const ROW_SPEC: RowSpec = {
  columns: ALL_COLUMNS,
  kinds: ALL_COLUMNS.map(() => "count"),
  sums: [
    [[0, 1, 2, 3], 4],
    [[5, 6, 7, 8], 9],
    [[10, 11, 12, 13], 14],
  ],
  leftAlign: false,
  splitLoneRun: true,
};

/** Digits a row holds (each cell of run-together digits can give one cell per digit). */
function digitsIn(row: RawRow): number {
  let n = 0;
  for (const c of row.cells) if (c.raw !== null) n += c.raw.replace(/[^0-9]/g, "").length;
  return n;
}

/** A run's cells as read, blank cells empty. */
const asRead = (row: RawRow) => row.cells.map((c) => c.raw ?? "").join(" ");

/** A run as read, cut to 40 characters for a message. */
function shortRun(row: RawRow): string {
  const s = asRead(row).trim();
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** Reads table 四; returns group key → five cells. */
export function parseAppeals(
  tokens: readonly Token[],
  edition: Edition,
  findings: Finding[],
): { groups: Map<string, Slot[]>; srcs: Map<string, (CellSource | undefined)[]>; found: boolean } {
  const groups = new Map<string, Slot[]>();
  const srcs = new Map<string, (CellSource | undefined)[]>();
  const labelled = collectRows(tokens, "appeals", edition);
  const perGroup = APPEAL_GROUPS.filter((g) => {
    const cells = labelled.get(g.key)?.cells ?? [];
    return cells.some((c) => c.raw !== null) && cells.length <= 6;
  });
  let found = false;
  const runs = valueRuns(tokens);
  // pdftotext's default order: the fifteen cells in runs between header words that group labels may seem to head.
  const ordered = runs.some((r) => r.cells.length >= 15) ? undefined : appealsInOrder(runs);
  const clean = APPEAL_GROUPS.every((g) => labelled.get(g.key)?.cells.length === 5);
  if (perGroup.length >= 2 && (clean || !ordered)) {
    found = true;
    for (const g of APPEAL_GROUPS) {
      const row = labelled.get(g.key);
      const ptr = pointer("appeals", g.key);
      const rowSrcs: (CellSource | undefined)[] = [];
      if (row?.assembled)
        findings.push(
          finding("parse.row-assembled", ptr, `本组数值与组名分开书写，已按表格的顺序对应为「${g.label}」`),
        );
      const values = row
        ? chooseRow(
            rowCandidates(row, GROUP_SPEC, { findings, pointer: ptr }),
            COLS,
            ptr,
            findings,
            undefined,
            rowSrcs,
          )
        : COLS.map(() => undefined);
      groups.set(g.key, values);
      srcs.set(g.key, rowSrcs);
    }
  } else {
    if (ordered) {
      found = true;
      APPEAL_GROUPS.forEach((g, i) => {
        groups.set(g.key, ordered.values.slice(i * 5, i * 5 + 5));
        srcs.set(g.key, ordered.srcs.slice(i * 5, i * 5 + 5));
      });
      findings.push(
        finding(
          "parse.row-assembled",
          pointer("appeals"),
          `表四的十五个数值在原文中分成几段书写（夹在表头文字之间${ordered.inOrder ? "" : "，且不按表格的列序"}），已按使各组合计（R4）均成立的唯一顺序读取`,
        ),
      );
    }
    // Fifteen cells written apart, else digits enough for fifteen cells run together (「000000000000000」), before
    // a short run that comes after the table (a fee table or prose run on after it: 「…收取情况000」).
    const pick: RawRow | undefined =
      runs.filter((r) => r.cells.length >= 15).pop() ??
      runs.filter((r) => digitsIn(r) >= 15).pop() ??
      runs.filter((r) => r.cells.some((c) => c.raw !== null)).pop();
    if (ordered) {
      // read above
    } else if (pick) {
      found = true;
      const ptr = pointer("appeals");
      // Another run that could fill the fifteen cells too, written otherwise: which one is table 四 is a choice.
      const others = runs.filter((r) => r !== pick && digitsIn(r) >= 15 && asRead(r) !== asRead(pick));
      if (others.length > 0)
        findings.push(
          finding(
            "parse.run-chosen",
            ptr,
            `表四有${others.length + 1}段数字都能填满十五个单元格且写法不同：已读取「${shortRun(pick)}」，未读取${others
              .slice(0, 3)
              .map((r) => `「${shortRun(r)}」`)
              .join("、")}${others.length > 3 ? "等" : ""}，请核对哪一段是表四`,
          ),
        );
      const rowSrcs: (CellSource | undefined)[] = [];
      const values = chooseRow(
        rowCandidates(pick, ROW_SPEC, { findings, pointer: ptr }),
        ALL_COLUMNS,
        ptr,
        findings,
        undefined,
        rowSrcs,
      );
      APPEAL_GROUPS.forEach((g, i) => {
        groups.set(g.key, values.slice(i * 5, i * 5 + 5));
        srcs.set(g.key, rowSrcs.slice(i * 5, i * 5 + 5));
      });
    } else
      for (const g of APPEAL_GROUPS)
        groups.set(
          g.key,
          COLS.map(() => undefined),
        );
  }
  // R4 inference for single missing cells, then blanks for what stays unknown.
  for (const g of APPEAL_GROUPS) {
    const row = groups.get(g.key) as Slot[];
    const miss = row.map((x, i) => (x === undefined ? i : -1)).filter((i) => i >= 0);
    if (miss.length === 1 && found) {
      const m = miss[0] as number;
      const partsSum = row.slice(0, 4).reduce<number>((a, x) => a + (x ?? 0), 0);
      const value =
        m === 4 ? partsSum : row[4] === null || row[4] === undefined ? undefined : row[4] - partsSum;
      if (value !== undefined && value >= 0) {
        row[m] = value;
        findings.push(
          finding(
            "parse.cell-inferred",
            pointer("appeals", g.key, COLS[m] as string),
            `此单元格缺失，已依本组合计（R4）推定为 ${value}`,
            {
              expected: value,
            },
          ),
        );
      }
    }
    row.forEach((v, c) => {
      if (v !== undefined) return;
      row[c] = null;
      if (found)
        findings.push(
          finding(
            "parse.cell-missing",
            pointer("appeals", g.key, COLS[c] as string),
            `「${g.label}」的「${APPEAL_COLUMNS[c]?.label}」无法从原文确定，已置空，请核对`,
          ),
        );
    });
  }
  return { groups, srcs, found };
}
