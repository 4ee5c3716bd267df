// Table 三 (requests): labelled rows → seven applicant columns, run-together rows split and missing cells inferred with R1–R3.

import { finding } from "../../finding.ts";
import { APPLICANT_COLUMNS, type RowDef, requestRows } from "../../labels.ts";
import type { Edition, Finding } from "../../model.ts";
import { pointer } from "../../pointer.ts";
import { chooseRow } from "../choose.ts";
import { DOUBT_CODES } from "../codes.ts";
import { type OrderReading, readInRowOrder } from "../reading-order.ts";
import {
  type Candidate,
  collectRows,
  type OrphanRun,
  placeOrphans,
  type RawRow,
  type RowSpec,
  rowCandidates,
} from "../rows.ts";
import type { Slot } from "../slot.ts";
import type { CellSource } from "../sources.ts";
import type { Token } from "../tokens.ts";
import { columnsHold, resultRows, rowsHold } from "./request-sums.ts";

const COLUMNS = APPLICANT_COLUMNS.map((c) => c.key);
const SPEC: RowSpec = {
  columns: COLUMNS,
  kinds: COLUMNS.map(() => "count"),
  sums: [[[0, 1, 2, 3, 4, 5], 6]],
  leftAlign: false,
  splitLoneRun: true,
};

export interface TableResult {
  /** Row path (dot-joined) → cell values in column order. */
  rows: Map<string, Slot[]>;
  /** Row path (dot-joined) → where each cell was written. */
  srcs: Map<string, (CellSource | undefined)[]>;
  found: boolean;
  /**
   * Rows of the edition's form that the table's own form lacks (the 2021 （六）1./2. rows when the single 2019 （六）
   * row is written): not missing cells, but counted against this edition when the two readings are compared.
   */
  formRowsAbsent?: number;
}

/**
 * Keeps, for rows with several readings, only those that fit R1/R3 with the rest of the table. When none does and
 * the one row with several readings is a run no split of which keeps its own total (so the agency's sums fail under
 * every reading), the readings that fit R3 alone with the other rows, all read as written, are kept: the table's
 * column sums then say how the run splits, and R1 and R2 are checked on that reading like any written cell.
 */
function filterByColumns(cands: Map<string, Candidate[]>, keys: readonly string[]): void {
  const multi = keys.filter((k) => (cands.get(k)?.length ?? 0) > 1);
  if (multi.length === 0) return;
  if (keepFitting(cands, keys, multi, true)) return;
  const only = multi.length === 1 ? cands.get(multi[0] as string) : undefined;
  const asWritten = (k: string) =>
    multi.includes(k) ||
    (cands.get(k) ?? []).every((c) => c.origin !== "placement" && c.values.every((v) => v !== undefined));
  if (only?.every((c) => c.origin === "split" && c.unruled) && keys.every(asWritten))
    keepFitting(cands, keys, multi, false);
}

/** Filters the rows of `multi` to the readings of some combination where the columns hold; false when none does. */
function keepFitting(
  cands: Map<string, Candidate[]>,
  keys: readonly string[],
  multi: readonly string[],
  withR1: boolean,
): boolean {
  const product = multi.reduce((a, k) => a * (cands.get(k)?.length ?? 1), 1);
  if (product > 20_000) return false;
  const grid = new Map<string, Slot[]>();
  for (const k of keys) grid.set(k, cands.get(k)?.[0]?.values ?? new Array(7).fill(undefined));
  const keep = new Map<string, Set<number>>(multi.map((k) => [k, new Set<number>()]));
  const resultKeys = resultRows(keys);
  const pick = new Array<number>(multi.length).fill(0);
  const walk = (i: number): void => {
    if (i === multi.length) {
      if (columnsHold(grid, resultKeys, withR1))
        multi.forEach((k, j) => {
          keep.get(k)?.add(pick[j] as number);
        });
      return;
    }
    const k = multi[i] as string;
    const list = cands.get(k) ?? [];
    for (let j = 0; j < list.length; j++) {
      pick[i] = j;
      grid.set(k, list[j]?.values ?? []);
      walk(i + 1);
    }
  };
  walk(0);
  if ([...keep.values()].every((s) => s.size === 0)) return false;
  for (const k of multi) {
    const list = cands.get(k) ?? [];
    const set = keep.get(k) ?? new Set();
    cands.set(
      k,
      list.filter((_, j) => set.has(j)),
    );
  }
  return true;
}

/** Fills missing cells that R1, R2 or R3 force, repeating until nothing changes. */
export function inferRequestCells(
  grid: Map<string, Slot[]>,
  keys: readonly string[],
  findings: Finding[],
): void {
  const resultKeys = resultRows(keys);
  const set = (k: string, c: number, value: number, why: string) => {
    const row = grid.get(k);
    if (!row || row[c] !== undefined || value < 0 || !Number.isInteger(value)) return false;
    row[c] = value;
    findings.push(
      finding(
        "parse.cell-inferred",
        pointer("requests", ...k.split("."), COLUMNS[c] as string),
        `此单元格缺失，已依${why}推定为 ${value}`,
        { expected: value },
      ),
    );
    return true;
  };
  if (![...grid.values()].some((row) => row.includes(undefined))) return;
  const n = (x: Slot) => x ?? 0;
  for (let pass = 0; pass < 6; pass++) {
    let changed = false;
    for (const k of keys) {
      const row = grid.get(k);
      if (!row) continue;
      const miss = row.map((x, i) => (x === undefined ? i : -1)).filter((i) => i >= 0);
      if (miss.length !== 1) continue;
      const m = miss[0] as number;
      if (m === 6)
        changed =
          set(
            k,
            6,
            row.slice(0, 6).reduce<number>((a, x) => a + n(x), 0),
            "本行合计（R2）",
          ) || changed;
      else if (row[6] !== null && row[6] !== undefined)
        changed =
          set(
            k,
            m,
            row[6] - row.slice(0, 6).reduce<number>((a, x, i) => a + (i === m ? 0 : n(x)), 0),
            "本行合计（R2）",
          ) || changed;
    }
    for (let c = 0; c < 7; c++) {
      const v = (k: string) => grid.get(k)?.[c];
      const parts = resultKeys.map(v);
      const handled = v("handledTotal");
      const missParts = resultKeys.filter((k) => v(k) === undefined);
      if (handled === undefined && missParts.length === 0)
        changed =
          set(
            "handledTotal",
            c,
            parts.reduce<number>((a, x) => a + n(x), 0),
            "办理结果合计（R3）",
          ) || changed;
      else if (handled !== undefined && handled !== null && missParts.length === 1) {
        const k = missParts[0] as string;
        changed =
          set(k, c, handled - parts.reduce<number>((a, x) => a + n(x), 0), "办理结果合计（R3）") || changed;
      }
      const r1 = ["received", "carriedOver", "handledTotal", "carriedForward"];
      const vals = r1.map(v);
      const missing = r1.filter((_, i) => vals[i] === undefined);
      if (missing.length === 1) {
        const [a, b, h, f] = vals.map(n) as [number, number, number, number];
        const which = missing[0] as string;
        const value =
          which === "received"
            ? h + f - b
            : which === "carriedOver"
              ? h + f - a
              : which === "handledTotal"
                ? a + b - f
                : a + b - h;
        changed = set(which, c, value, "本列勾稽关系（R1）") || changed;
      }
    }
    if (!changed) break;
  }
}

/** Rows with no cell written, or with more cells than the table has columns. */
function problemRows(raw: Map<string, RawRow>, keys: readonly string[]): number {
  let n = 0;
  for (const k of keys) {
    const cells = raw.get(k)?.cells ?? [];
    if (cells.length === 0 || cells.length > 7) n++;
  }
  return n;
}

/**
 * Several rows' values after one label (pdftotext's reading order: labels of a block in one run, its value rows in
 * another): a row holding m × 7 written cells while the rows next to it in the official order were named with none. The m
 * runs of seven go, in order, to the value-less rows right before it (when exactly m − 1 are), else to those right
 * after it (exactly m − 1), else to both sides when together they are m − 1. Returns the rows so filled.
 */
function spreadRuns(raw: Map<string, RawRow>, keys: readonly string[]): string[] {
  // A row whose label was read with no value after it (a row never named is no place for values).
  const empty = (k: string) => raw.get(k)?.cells.length === 0;
  const placed: string[] = [];
  keys.forEach((k, i) => {
    const row = raw.get(k);
    const cells = row?.cells ?? [];
    const m = cells.length / 7;
    if (!row || m < 2 || !Number.isInteger(m) || cells.some((c) => c.glued)) return;
    let lo = i;
    while (lo > 0 && empty(keys[lo - 1] as string)) lo--;
    let hi = i;
    while (hi + 1 < keys.length && empty(keys[hi + 1] as string)) hi++;
    const before = i - lo;
    const after = hi - i;
    const start = before === m - 1 ? lo : after === m - 1 ? i : before + after === m - 1 ? lo : -1;
    if (start < 0) return;
    for (let j = 0; j < m; j++) {
      const key = keys[start + j] as string;
      const prev = raw.get(key);
      raw.set(key, {
        path: key.split("."),
        cells: cells.slice(j * 7, j * 7 + 7),
        artefact: false,
        label: prev?.label ?? "",
        assembled: true,
      });
      placed.push(key);
    }
  });
  return placed;
}

/** Table 三's rows of an edition with their keys (paths joined by dots), made once per edition. */
const ROWS = new Map<Edition, { defs: readonly RowDef[]; keys: readonly string[] }>();
function rowsOf(edition: Edition): { defs: readonly RowDef[]; keys: readonly string[] } {
  let rows = ROWS.get(edition);
  if (!rows) {
    const defs = requestRows(edition);
    rows = { defs, keys: defs.map(keyOf) };
    ROWS.set(edition, rows);
  }
  return rows;
}

/** A row's key (its path joined by dots) and JSON Pointer, made once per row definition. */
const ROW_NAMES = new Map<RowDef, { key: string; pointer: string }>();
function namesOf(d: RowDef): { key: string; pointer: string } {
  let names = ROW_NAMES.get(d);
  if (!names) {
    if (ROW_NAMES.size >= 1000) ROW_NAMES.clear();
    names = { key: d.path.join("."), pointer: pointer("requests", ...d.path) };
    ROW_NAMES.set(d, names);
  }
  return names;
}
/** A table 三 row's key (its path joined by dots), made once per row definition. */
export const keyOf = (d: RowDef): string => namesOf(d).key;
const pointerOf = (d: RowDef): string => namesOf(d).pointer;

/** Reads table 三 from its tokens. */
export function parseRequests(
  tokens: readonly Token[],
  edition: Edition,
  findings: Finding[],
  /** Place unrecognized labelled rows by position (only within the table's own section). */
  byOrder = true,
): TableResult {
  const { defs, keys } = rowsOf(edition);
  let raw = collectRows(tokens, "requests", edition, byOrder ? keys : []);
  const local: Finding[] = [];
  // Value rows separated from their labels (PDF → markdown): runs on lines of their own, placed by row order.
  if (byOrder && problemRows(raw, keys) > 0) {
    const orphans: OrphanRun[] = [];
    const alt = collectRows(tokens, "requests", edition, keys, orphans);
    const placed = orphans.length > 0 ? placeOrphans(alt, orphans, keys, 7) : [];
    if (placed.length > 0 && problemRows(alt, keys) < problemRows(raw, keys)) {
      raw = alt;
      for (const k of placed)
        local.push(
          finding(
            "parse.row-assembled",
            pointer("requests", ...k.split(".")),
            `本行数值在原文中与行名分开书写，已按表格的行序对应为「${defs.find((d) => d.path.join(".") === k)?.label ?? k}」`,
          ),
        );
    }
  }
  if (byOrder)
    for (const k of spreadRuns(raw, keys))
      local.push(
        finding(
          "parse.row-assembled",
          pointer("requests", ...k.split(".")),
          `本行数值在原文中与行名分开书写（几行的数值连在一处），已按表格的行序对应为「${defs.find((d) => d.path.join(".") === k)?.label ?? k}」`,
        ),
      );
  // The table has the 2019 form's single （六） row: its 1./2. rows of the 2021 form are not missing, the form has none.
  let singleOther = false;
  if (
    edition === "2021" &&
    !["noCorrection", "unpaidFee", "other"].some((k) => raw.has(`otherHandling.${k}`))
  ) {
    // A 2021 table written with the 2019 single 「（六）其他处理」 row: its numbers go to 「3.其他」.
    const single = collectRows(tokens, "requests", "2019").get("otherHandling");
    if (single?.cells.some((c) => c.raw !== null)) {
      raw.set("otherHandling.other", { ...single, path: ["otherHandling", "other"] });
      singleOther = true;
      local.push(
        finding(
          "edition.mix",
          pointer("requests", "otherHandling"),
          "「（六）其他处理」按2019版写成一行，已计入2021版的「3.其他」，请核对",
        ),
      );
    }
  }
  // Rows that took the values written on their group label's line.
  for (const d of defs) {
    const ptr = pointerOf(d);
    if (
      raw.get(keyOf(d))?.assembled &&
      !local.some((f) => f.code === "parse.row-assembled" && f.path === ptr)
    )
      local.push(
        finding(
          "parse.row-assembled",
          ptr,
          `本行数值写在分组名称那一行，行名另起一行，已对应为「${d.label}」`,
        ),
      );
  }
  const cands = new Map<string, Candidate[]>();
  for (const d of defs) {
    const k = keyOf(d);
    const row = raw.get(k);
    const ptr = pointerOf(d);
    if (!row) {
      if (
        raw.size > 0 &&
        !(singleOther && (k === "otherHandling.noCorrection" || k === "otherHandling.unpaidFee"))
      )
        local.push(finding("parse.row-missing", ptr, `未找到「${d.label}」一行，本行各单元格置空`));
      cands.set(k, [{ values: new Array(7).fill(undefined), origin: "placement" }]);
      continue;
    }
    if (row.byOrder)
      local.push(
        finding(
          "parse.label-by-order",
          ptr,
          `行名「${row.label ?? ""}」未能识别，按表格顺序读作「${d.label}」，请核对`,
        ),
      );
    cands.set(k, rowCandidates(row, SPEC, { findings: local, pointer: ptr }));
  }
  filterByColumns(cands, keys);
  const grid = new Map<string, Slot[]>();
  const srcs = new Map<string, (CellSource | undefined)[]>();
  for (const d of defs) {
    const k = keyOf(d);
    const rowSrcs: (CellSource | undefined)[] = [];
    grid.set(k, chooseRow(cands.get(k) ?? [], COLUMNS, pointerOf(d), local, undefined, rowSrcs));
    srcs.set(k, rowSrcs);
  }
  if (raw.size > 0) inferRequestCells(grid, keys, local);
  for (const d of defs) {
    const row = grid.get(keyOf(d)) as Slot[];
    row.forEach((v, c) => {
      if (v !== undefined) return;
      row[c] = null;
      if (raw.has(keyOf(d)))
        local.push(
          finding(
            "parse.cell-missing",
            pointer("requests", ...d.path, COLUMNS[c] as string),
            `「${d.label}」一行的「${APPLICANT_COLUMNS[c]?.label}」无法从原文确定，已置空，请核对`,
          ),
        );
    });
  }
  const inOrder = doubtful(local, grid, keys) ? readInRowOrder(tokens, edition) : undefined;
  if (inOrder && !sameGrid(inOrder.rows, grid)) {
    findings.push(...orderFindings(inOrder));
    return {
      rows: inOrder.rows,
      srcs: inOrder.srcs,
      found: true,
      formRowsAbsent: inOrder.singleOther ? 2 : 0,
    };
  }
  findings.push(...local);
  return { rows: grid, srcs, found: raw.size > 0, formRowsAbsent: singleOther ? 2 : 0 };
}

/** The labelled reading left a doubt, or its sums fail: the reading in row order may be tried. */
function doubtful(local: readonly Finding[], grid: Map<string, Slot[]>, keys: readonly string[]): boolean {
  if (local.some((f) => DOUBT_CODES.has(f.code))) return true;
  return !rowsHold(grid, keys) || !columnsHold(grid, resultRows(keys));
}

const sameGrid = (a: Map<string, Slot[]>, b: Map<string, Slot[]>) =>
  [...a].every(([k, row]) => row.every((x, c) => (b.get(k)?.[c] ?? null) === x));

function orderFindings(r: OrderReading): Finding[] {
  const out: Finding[] = [];
  if (r.singleOther)
    out.push(
      finding(
        "edition.mix",
        pointer("requests", "otherHandling"),
        "「（六）其他处理」按2019版写成一行，已计入2021版的「3.其他」，请核对",
      ),
    );
  out.push(
    finding(
      "parse.row-assembled",
      pointer("requests"),
      `表三的数值在原文中与行名分开书写（PDF文字的阅读顺序：行名成块，数值成块${r.bands > 0 ? `，其中${r.bands}处几行的数值按列排列` : ""}），已按表格的行序读取全部${r.values}个数值；各行合计与各列勾稽关系均成立`,
    ),
  );
  return out;
}
