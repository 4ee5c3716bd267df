// Token stream → labelled rows of raw cells, and raw cells → candidate value rows (direct, run-together split, or missing-cell placement).
import { type CellKind, readCell } from "../cell-value.ts";
import { finding } from "../finding.ts";
import { APPEAL_GROUPS, proactiveBlocks, requestRows } from "../labels.ts";
import type { Edition, Finding } from "../model.ts";
import { runFits, runTooLong, splitDigits } from "./digits-split.ts";
import { matchRow, REQUEST_ROW_ORDER, type TableName } from "./labels-match.ts";
import type { Slot } from "./slot.ts";
import { type CellSource, pieceSource } from "./sources.ts";
import type { Token } from "./tokens.ts";

/** A written cell: its text, or null when the cell was blank. */
export interface RawCell {
  raw: string | null;
  glued: boolean;
  /** Where the cell was written in the input. */
  src?: CellSource;
  /** The year cut off the end of the digits as written, when the report's year does not confirm the cut. */
  yearCut?: number;
}

export interface RawRow {
  path: readonly string[];
  cells: RawCell[];
  /** The row was written with a trailing empty field (a Word tab artefact) that was dropped. */
  artefact: boolean;
  /** The label as written. */
  label?: string;
  /** The label was not recognized; the row was placed by its position in the table. */
  byOrder?: boolean;
  /** The values were written apart from the label and placed by the official row order. */
  assembled?: boolean;
  /** Empty cells written after the last value of a markdown row (padding, or the row's blank last cells). */
  pad?: number;
}

/**
 * Walks tokens and collects the cells written after each recognized row label. `order` (leaf row keys in
 * document order) lets a row whose label cannot be recognized (OCR typos, a label cut by wrapping) take the
 * next row's place when numbers follow it; such rows are marked `byOrder`.
 */
export function collectRows(
  tokens: readonly Token[],
  table: TableName,
  edition: Edition,
  order: readonly string[] = [],
  /** When given: values on a line of their own (not on or right after their label's line) are collected here. */
  orphans?: OrphanRun[],
): Map<string, RawRow> {
  const rows = new Map<string, RawRow>();
  // `hasValue`: a value token is among `toks` (kept, not searched for at each text token: linear).
  // `pending`: values written on the line of the group label before this row's label (「（四）无法提供 31 0 0 0 0 0 31」
  // with 「1.本机关不掌握相关政府信息」 wrapped below it): the row's own when it has none after its label.
  let current:
    | {
        path: readonly string[] | undefined;
        toks: Token[];
        label: string;
        hasValue?: boolean;
        pending?: Token[];
        /** A blank cell was written after the label (kept, not searched for at each break: linear). */
        blank?: boolean;
        /** The row's line ended after a blank cell of its own: text after it starts another row. */
        closed?: boolean;
      }
    | undefined;
  let groupRun: Token[] | undefined;
  let seen: string | undefined;
  let lastIdx = -1;
  let orphan: OrphanRun | undefined;
  let broke = false;
  let lastAnchor = -1;
  const finish = () => {
    if (!current) return;
    let path = current.path;
    let byOrder = false;
    if (!path && orphans && current.toks.some((t) => t.kind === "value")) {
      // Reading orphan runs: values after a label that names no row are placed by order with the others.
      orphans.push({ cells: toRawRow([], current.toks).cells, after: lastAnchor });
      current = undefined;
      return;
    }
    if (!path) {
      // An unrecognized label with numbers after it: the next row in order, if that row is still missing.
      const next = order[lastIdx + 1];
      if (!next || rows.has(next) || !current.hasValue) {
        current = undefined;
        return;
      }
      path = next.split(".");
      byOrder = true;
    }
    const fromGroup = !current.hasValue && current.pending?.some((t) => t.kind === "value") === true;
    const row: RawRow = {
      ...toRawRow(path, fromGroup ? (current.pending as Token[]) : current.toks),
      label: current.label,
      byOrder,
      ...(fromGroup ? { assembled: true } : {}),
    };
    const key = path.join(".");
    const prev = rows.get(key);
    // Table 二 in pdftotext's default order: a one-row block's value between its column header and its label
    // (「本年处理决定数量」「550」「行政许可」). The label written with no value after it keeps the value read there by
    // position (with its parse.label-by-order doubt), not a blank row.
    const keepPlaced =
      table === "proactive" &&
      prev?.byOrder === true &&
      proactiveBlocks(edition).some((b) => b.rows.length === 1 && b.rows[0]?.key === key) &&
      prev.cells.some((c) => c.raw !== null) &&
      row.cells.length === 0;
    // A row recognized by its own label replaces one only placed there by position.
    if (
      !prev ||
      (prev.byOrder && !byOrder && !keepPlaced) ||
      (prev.cells.every((c) => c.raw === null) && row.cells.some((c) => c.raw !== null))
    )
      rows.set(key, row);
    const idx = order.indexOf(key);
    if (idx > lastIdx) lastIdx = idx;
    if (idx > lastAnchor && row.cells.some((c) => c.raw !== null)) lastAnchor = idx;
    current = undefined;
  };
  let lastText = "";
  for (const tok of tokens) {
    if (orphans) {
      if (tok.kind === "break") {
        broke = true;
        orphan = undefined;
      } else if (tok.kind === "text") {
        broke = false;
        orphan = undefined;
      } else if (orphan || broke) {
        // A line of values alone: an orphan run, placed later by the official row order.
        if (!orphan) {
          if (current?.path) finish();
          current = undefined;
          orphan = { cells: [], after: lastAnchor };
          orphans.push(orphan);
        }
        if (tok.kind === "value")
          orphan.cells.push(
            tok.src ? { raw: tok.raw, glued: tok.glued, src: tok.src } : { raw: tok.raw, glued: tok.glued },
          );
        else orphan.cells.push({ raw: null, glued: false });
        continue;
      } else broke = false;
    }
    if (tok.kind === "text") {
      // A row written with blank cells only, then text: the text is not the row's label wrapped (a wrapped label has
      // no cell before it), and a new block's article (「第二十条第（六）项」) ends table 二's rows. The values that
      // follow belong to the next row (by its label, or by position with a warning), never silently to this one.
      if (
        current?.path &&
        !current.hasValue &&
        ((current.closed && !openLabel(current.label, officialLabel(table, edition, current.path))) ||
          (table === "proactive" && /第二十条/.test(tok.text)))
      ) {
        finish();
        lastText = "";
      }
      let m = matchRow(table, tok.text, edition, seen);
      let label = tok.text;
      // A label broken over two lines (「行政规范性」「文件」): the two pieces together, when no value came between.
      if (!m && lastText !== "" && !current?.hasValue) {
        const joined = matchRow(table, lastText + tok.text, edition, seen);
        // A group label (「（六）其」「他处理」) only when the current row is the unrecognized first piece.
        if (joined && (joined.path.length > 0 || (current !== undefined && !current.path))) {
          m = joined;
          label = lastText + tok.text;
          if (current && !current.path) current = undefined;
        }
      }
      lastText = m ? "" : tok.text;
      if (m) {
        finish();
        if (m.path.length > 0) {
          current = groupRun
            ? { path: m.path, toks: [], label, pending: groupRun }
            : { path: m.path, toks: [], label };
          groupRun = undefined;
          const head = m.path[0] as string;
          if (
            table === "requests" &&
            (seen === undefined || REQUEST_ROW_ORDER.indexOf(head) > REQUEST_ROW_ORDER.indexOf(seen))
          )
            seen = head;
        } else groupRun = [];
        continue;
      }
      if (current?.hasValue) finish();
      if (!current && order.length > 0) current = { path: undefined, toks: [], label: tok.text };
      else if (current && !current.path) current.label += tok.text;
      continue;
    }
    if (tok.kind === "value") lastText = "";
    if (current) {
      current.toks.push(tok);
      if (tok.kind === "value") current.hasValue = true;
      else if (tok.kind === "empty") current.blank = true;
      else if (tok.kind === "break" && current.path && current.blank) current.closed = true;
    } else groupRun?.push(tok);
  }
  finish();
  return rows;
}

/**
 * A label cut by wrapping, whose rest may follow on the next line: a bracket left open, a comma or colon at its end
 * (「（二）部分公开（区分处理的，」), or fewer characters than the row's official label (「5.要求行政机关确认或重新出具」).
 */
function openLabel(label: string, official: string): boolean {
  let depth = 0;
  for (const ch of label) {
    if (ch === "（" || ch === "(") depth++;
    else if ((ch === "）" || ch === ")") && depth > 0) depth--;
  }
  return depth > 0 || /[，,、：:“"（(]$/.test(label) || cjk(label) < cjk(official);
}

const cjk = (s: string) => s.replace(/[^\u4e00-\u9fff]/g, "").length;

/** The official label of a row (for how long a label written in full is). */
function officialLabel(table: TableName, edition: Edition, path: readonly string[]): string {
  const key = path.join(".");
  if (table === "requests") return requestRows(edition).find((d) => d.path.join(".") === key)?.label ?? "";
  if (table === "appeals") return APPEAL_GROUPS.find((g) => g.key === key)?.label ?? "";
  for (const b of proactiveBlocks(edition)) for (const r of b.rows) if (r.key === key) return r.label;
  return "";
}

/** Values written on a line of their own, away from any label (PDF → markdown conversions). */
export interface OrphanRun {
  cells: RawCell[];
  /** Index in the row order of the last row read with its label and values before the run (-1: none). */
  after: number;
}

/**
 * Places orphan runs into the rows the table is missing, by the official row order: between two rows read with
 * their labels, the rows still without values take the full-width runs found between them, one each, in order —
 * only when their numbers match (a lone 「1」 left over by the conversion is not a row). Placed rows are marked.
 */
export function placeOrphans(
  rows: Map<string, RawRow>,
  orphans: readonly OrphanRun[],
  order: readonly string[],
  width: number,
): string[] {
  const placed: string[] = [];
  const filled = (k: string) => rows.get(k)?.cells.some((c) => c.raw !== null) ?? false;
  const anchors = order.map((k, i) => (filled(k) ? i : -1)).filter((i) => i >= 0);
  const bounds = [-1, ...anchors, order.length];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const lo = bounds[b] as number;
    const hi = bounds[b + 1] as number;
    const missing = order.slice(lo + 1, hi).filter((k) => !filled(k));
    if (missing.length === 0) continue;
    const runs = orphans.filter((o) => o.after === lo || (o.after > lo && o.after < hi));
    const full = runs.filter((o) => o.cells.length === width);
    const use = full.length === missing.length ? full : runs.length === missing.length ? runs : undefined;
    if (!use) continue;
    missing.forEach((k, i) => {
      const run = use[i] as OrphanRun;
      const prev = rows.get(k);
      rows.set(k, {
        path: k.split("."),
        cells: run.cells,
        artefact: false,
        label: prev?.label ?? "",
        assembled: true,
      });
      placed.push(k);
    });
  }
  return placed;
}

/** Cells after a label: placeholders of the next row (empties after the last break) and tab artefacts dropped. */
export function toRawRow(path: readonly string[], toks: readonly Token[]): RawRow {
  let end = toks.length;
  let lastBreak = -1;
  for (let i = toks.length - 1; i >= 0; i--) {
    if (toks[i]?.kind === "break") {
      lastBreak = i;
      break;
    }
  }
  if (lastBreak >= 0 && !toks.slice(lastBreak).some((t) => t.kind === "value")) end = lastBreak;
  const cells: RawCell[] = [];
  let artefact = false;
  let pad = 0;
  for (let i = 0; i < end; i++) {
    const t = toks[i] as Token;
    if (t.kind === "value") {
      const cell: RawCell = t.src
        ? { raw: t.raw, glued: t.glued, src: t.src }
        : { raw: t.raw, glued: t.glued };
      if (t.yearCut !== undefined) cell.yearCut = t.yearCut;
      cells.push(cell);
    } else if (t.kind === "empty") {
      if (t.pad) pad++;
      else if (t.lineEnd) artefact = true;
      else cells.push({ raw: null, glued: false });
    }
  }
  return pad > 0 ? { path, cells, artefact, pad } : { path, cells, artefact };
}

/** Maximal runs of value and empty cells between text tokens (for table 四's unlabelled data row). */
export function valueRuns(tokens: readonly Token[]): RawRow[] {
  const runs: RawRow[] = [];
  let cur: Token[] = [];
  const flush = () => {
    if (cur.some((t) => t.kind === "value")) {
      // Leading placeholders before the first break that hold no value belong to header rows.
      let start = 0;
      const firstBreak = cur.findIndex((t) => t.kind === "break");
      if (firstBreak >= 0 && !cur.slice(0, firstBreak).some((t) => t.kind === "value")) start = firstBreak;
      runs.push(toRawRow([], cur.slice(start)));
    }
    cur = [];
  };
  for (const t of tokens) {
    if (t.kind === "text") flush();
    else cur.push(t);
  }
  flush();
  return runs;
}

export interface Candidate {
  values: Slot[];
  /** How the candidate was obtained. */
  origin: "direct" | "split" | "placement";
  /** Where each cell's value was written (undefined where it was not read from the text). */
  srcs?: (CellSource | undefined)[];
  /** Each cell's digits as written, for a split of run-together cells (「21」「5419886」 of 「215419886元」). */
  written?: string[];
  /** A split no sum rule of the row allows (blank cells lost from the run?): chosen by plausibility alone. */
  unruled?: boolean;
  /** Values placed from the left because the text does not say which columns they sit in and no rule decides. */
  byPosition?: boolean;
}

export interface RowSpec {
  columns: readonly string[];
  kinds: readonly CellKind[];
  /** Sum groups: [part indexes, total index]. */
  sums: readonly (readonly [readonly number[], number])[];
  /** When cells are missing, assume they are the trailing ones (no rule can place them). */
  leftAlign: boolean;
  /** A lone digit string may be run-together cells (tables 三 and 四, where the rules check the split). */
  splitLoneRun: boolean;
  /** Without sum rules to place them, cells a short row lacks stay unknown (never read as blank). */
  blanksUnknown?: boolean;
}

export interface RowContext {
  findings: Finding[];
  /** JSON Pointer of the row, for findings. */
  pointer: string;
}

/** 「0」 or 1–9 ASCII digits without a leading zero, by character codes (the most common cell, read at every try). */
function plainCount(raw: string): boolean {
  const n = raw.length;
  if (n === 0 || n > 9) return false;
  const first = raw.charCodeAt(0);
  if (first < 48 || first > 57 || (first === 48 && n > 1)) return false;
  for (let i = 1; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function readValue(raw: string | null, kind: CellKind, path: string, ctx: RowContext): number | null {
  if (raw === null) return null;
  if (plainCount(raw)) return Number(raw);
  const r = readCell(raw, kind);
  if (r.unreadable) {
    ctx.findings.push(
      finding("normalize.unreadable", path, `单元格内容「${raw}」不是数字，已按空白处理，请核对`, {
        original: raw,
      }),
    );
    return null;
  }
  for (const note of r.notes) {
    if (note.kind === "yuan-to-wan")
      ctx.findings.push(
        finding("normalize.yuan-to-wan", path, `金额单位为元，已换算为万元：「${raw}」→ ${r.value}`, {
          original: raw,
        }),
      );
    else if (note.kind === "signed-word")
      ctx.findings.push(
        finding("normalize.signed-word", path, `「增/减」已读作正负数：「${raw}」→ ${r.value}`, {
          original: raw,
        }),
      );
    else if (note.kind === "blank-mark")
      ctx.findings.push(
        finding("normalize.blank-mark", path, "空白标记已读作空（不是0）", { original: raw }),
      );
  }
  return r.value;
}

const sumsHold = (spec: RowSpec, vals: readonly Slot[]): boolean =>
  spec.sums.every(([parts, total]) => {
    const t = vals[total];
    if (t === undefined || t === null || parts.some((i) => vals[i] === undefined)) return true;
    return parts.reduce((a, i) => a + (vals[i] ?? 0), 0) === t;
  });

/** Fills single missing cells of a candidate from its own sum groups; false when a fill would be impossible. */
function inferWithinRow(spec: RowSpec, vals: Slot[]): boolean {
  for (const [parts, total] of spec.sums) {
    const idx = [...parts, total].filter((i) => vals[i] === undefined);
    if (idx.length !== 1) continue;
    const miss = idx[0] as number;
    const t = vals[total];
    if (miss === total) vals[total] = parts.reduce((a, i) => a + (vals[i] ?? 0), 0);
    else {
      if (t === null || t === undefined) continue;
      const v = t - parts.reduce((a, i) => a + (i === miss ? 0 : (vals[i] ?? 0)), 0);
      if (v < 0 || !Number.isInteger(v)) return false;
      vals[miss] = v;
    }
  }
  return sumsHold(spec, vals);
}

/** Every sum group holds, blanks counting as 0 (a blank total fails). */
const strictSums = (spec: RowSpec, vals: readonly Slot[]): boolean =>
  spec.sums.every(([parts, total]) => {
    const t = vals[total];
    return typeof t === "number" && parts.reduce((a, i) => a + (vals[i] ?? 0), 0) === t;
  });

/**
 * Each k-subset of 0…n-1 in lexicographic order, given to `visit` as one array reused from call to call; stops when
 * `visit` returns false. Iterative (a recursive generator delegated through k levels for every subset).
 */
function eachCombination(n: number, k: number, visit: (pos: readonly number[]) => boolean): void {
  if (k > n || k < 0) return;
  const pos = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    if (!visit(pos)) return;
    let i = k - 1;
    while (i >= 0 && (pos[i] as number) === n - k + i) i--;
    if (i < 0) return;
    pos[i] = (pos[i] as number) + 1;
    for (let j = i + 1; j < k; j++) pos[j] = (pos[j - 1] as number) + 1;
  }
}

/** Candidate readings of one row's cells. */
export function rowCandidates(row: RawRow, spec: RowSpec, ctx: RowContext): Candidate[] {
  const n = spec.columns.length;
  let cells = row.cells;
  // A row written with trailing tab artefacts: blanks right after the label are merged-cell placeholders too.
  if (row.artefact && spec.sums.length > 0 && cells.length === n) {
    let lead = 0;
    while (lead < cells.length && cells[lead]?.raw === null) lead++;
    if (lead > 0 && cells.slice(lead).every((c) => c.raw !== null)) cells = cells.slice(lead);
  }
  const at = (i: number) => `${ctx.pointer}/${spec.columns[i]}`;
  // Digits run into the prose after the table (「行政事业性收费02025年，…」) whose last four were read as a year the
  // report's own year does not confirm: where the cells end is a choice.
  const cut = cells.find((c) => c.yearCut !== undefined);
  if (cut)
    ctx.findings.push(
      finding(
        "parse.year-cut",
        ctx.pointer,
        `本行的数字与其后正文连写（「${cut.raw}${cut.yearCut}年」），已将末尾的「${cut.yearCut}」读作正文的年份、「${cut.raw}」读作本行的数值；该年份不是报告年度或其次年，请核对`,
      ),
    );
  // A markdown row short of its columns, with empty cells written after it: those are its blank last cells when
  // that reading keeps the row's sums and kinds. Else the row's blank cells vanished in copying and the bars were
  // padded at the end (「3 | 3 | |||||||」): where the values sit is searched below, the rest read as blank.
  let padded = false;
  if (cells.length < n && row.pad && cells.length + row.pad >= n && cells.every((c) => !c.glued)) {
    const filled = [...cells, ...new Array<RawCell>(n - cells.length).fill({ raw: null, glued: false })];
    const quiet: RowContext = { findings: [], pointer: ctx.pointer };
    const values = filled.map((c, i) => readValue(c.raw, spec.kinds[i] ?? "count", at(i), quiet));
    if (kindsFit(spec, values) && (spec.sums.length === 0 || strictSums(spec, values))) {
      cells = filled;
      // More bars than columns: the converter padded the row, so the text does not place its values.
      if (cells.length + row.pad > n && spec.sums.length === 0 && row.cells.length > 0)
        return [
          {
            values: filled.map((c, i) => readValue(c.raw, spec.kinds[i] ?? "count", at(i), ctx)),
            origin: "placement",
            srcs: filled.map((c) => c.src),
            byPosition: true,
          },
        ];
    } else padded = true;
  }
  let shifted = false;
  if (cells.length > n) {
    // Blank cells dropped from both ends by index (shift() on a row of many tabs would be quadratic).
    let lo = 0;
    let hi = cells.length;
    while (hi - lo > n && cells[lo]?.raw === null) lo++;
    while (hi - lo > n && cells[hi - 1]?.raw === null) hi--;
    // Blanks at both ends, more than the extra ones (「| | 1 | … | 6 | |」): which ones are extra is a choice.
    if (hi - lo === n && lo > 0) {
      const window = windowBySums(cells, lo, spec, at);
      if (window === undefined) shifted = true;
      else {
        lo = window;
        hi = lo + n;
      }
    }
    cells = cells.slice(lo, hi);
    // A merged cell repeated into each column it spans (HTML → markdown converters): the copies are not extra.
    const lastKept = cells[n - 1]?.raw;
    if (cells.slice(n).every((c) => c.raw === lastKept)) cells = cells.slice(0, n);
    if (cells.length > n) {
      ctx.findings.push(
        finding(
          "parse.extra-cells",
          ctx.pointer,
          `本行写有${cells.length}个数值，多于${n}列，多出的「${cells
            .slice(n)
            .map((c) => c.raw ?? "")
            .join("、")}」未采用，请核对`,
        ),
      );
      cells = cells.slice(0, n);
    }
  }
  if (cells.length === n) {
    const values = cells.map((c, i) => readValue(c.raw, spec.kinds[i] ?? "count", at(i), ctx));
    const srcs = cells.map((c) => c.src);
    return [
      shifted ? { values, origin: "placement", srcs, byPosition: true } : { values, origin: "direct", srcs },
    ];
  }
  // Fewer cells than columns: run-together digits, or missing cells.
  const countAndAmount = splitCountAndAmount(cells, spec, ctx);
  if (countAndAmount.length > 0) return countAndAmount;
  const digitOnly = cells.every((c) => c.raw !== null && /^[-－+＋]?[0-9][0-9.]*$/.test(c.raw));
  // A piece with a leading zero (「00」「01」) is no number as written: the spaces fall between digits, not
  // between cells (crawler text spaced irregularly, 「10 0 00 0 1」), so every piece may hold several cells.
  const misspaced = cells.some((c) => c.raw !== null && /^[0０][0-9０-９]/.test(c.raw));
  const canSplit =
    cells.length > 0 &&
    digitOnly &&
    (cells.some((c) => c.glued && (c.raw?.length ?? 0) > 1) ||
      (spec.splitLoneRun && cells.length === 1) ||
      misspaced) &&
    cells.reduce((a, c) => a + (c.raw?.replace(".", "").length ?? 0), 0) >= n;
  if (
    canSplit &&
    !runFits(
      cells.map((c) => c.raw as string),
      n,
    )
  ) {
    ctx.findings.push(runTooLong(ctx.pointer, n));
    return [{ values: new Array(n).fill(null), origin: "placement" }];
  }
  if (canSplit) {
    const pieces = cells.map((c) => c.raw as string);
    const decimal = (i: number) => spec.kinds[i] === "money";
    const located = (values: number[]): Candidate => ({
      values,
      origin: "split",
      srcs: splitCells(cells, values),
    });
    let splits = splitDigits(pieces, { cells: n, decimal, sums: spec.sums });
    if (splits.length > 0) return splits.map(located);
    if (!spec.splitLoneRun || cells.some((c) => c.glued)) {
      splits = splitDigits(pieces, { cells: n, decimal, maxSolutions: 16 });
      if (splits.length > 0) return splits.map((v) => ({ ...located(v), unruled: spec.sums.length > 0 }));
    }
  }
  const read = cells.map((c) => c.raw);
  // From the left, unless that puts a negative number or a fraction where none can be (then searched below).
  const fromLeft = (sub: RowContext) => {
    const values: Slot[] = new Array(n).fill(undefined);
    read.forEach((r, i) => {
      values[i] = readValue(r, spec.kinds[i] ?? "count", at(i), sub);
    });
    return values;
  };
  if (
    cells.length === 0 ||
    (spec.leftAlign && !padded && kindsFit(spec, fromLeft({ findings: [], pointer: "" })))
  ) {
    const values = fromLeft(ctx);
    return [
      cells.length < n && cells.length > 0
        ? { values, origin: "placement", srcs: cells.map((c) => c.src), byPosition: true }
        : { values, origin: "placement", srcs: cells.map((c) => c.src) },
    ];
  }
  // One number for a row with a sum rule: it is the total, the parts were left blank (PDF text drops blank cells).
  const totals = spec.sums.map(([, t]) => t);
  if (read.length === 1 && spec.sums.length === 1 && totals[0] === n - 1 && !padded) {
    const values: Slot[] = new Array(n).fill(null);
    values[n - 1] = readValue(read[0] ?? null, spec.kinds[n - 1] ?? "count", at(n - 1), ctx);
    ctx.findings.push(
      finding(
        "parse.blanks-assumed",
        ctx.pointer,
        "本行只写有一个数，已读作总计，其余单元格按空白处理，请核对",
      ),
    );
    const srcs: (CellSource | undefined)[] = new Array(n).fill(undefined);
    srcs[n - 1] = cells[0]?.src;
    return [{ values, origin: "direct", srcs }];
  }
  // Several cells absent: they were blank (null) when the row's sums then hold.
  const blanksFill = padded || (read.length < n - 1 && !spec.blanksUnknown);
  const out: Candidate[] = [];
  const seenKeys = new Set<string>();
  let tried = 0;
  let truncated = false;
  // Each written cell's value in each column, read once (quietly: a placement's own findings are not kept).
  const quiet: Slot[] = new Array(read.length * n);
  const quietValue = (j: number, p: number): Slot => {
    const at = j * n + p;
    if (!(at in quiet))
      quiet[at] = readValue(read[j] ?? null, spec.kinds[p] ?? "count", "", { findings: [], pointer: "" });
    return quiet[at];
  };
  eachCombination(n, read.length, (pos) => {
    if (++tried > 5000) {
      truncated = true;
      return false;
    }
    const values: Slot[] = new Array(n).fill(blanksFill ? null : undefined);
    const srcs: (CellSource | undefined)[] = new Array(n).fill(undefined);
    for (let j = 0; j < pos.length; j++) {
      const p = pos[j] as number;
      values[p] = quietValue(j, p);
      srcs[p] = cells[j]?.src;
    }
    if (!kindsFit(spec, values) || (blanksFill ? !strictSums(spec, values) : !inferWithinRow(spec, values)))
      return true;
    const key = values.map(String).join(",");
    if (seenKeys.has(key)) return true;
    seenKeys.add(key);
    out.push({ values, origin: "placement", srcs });
    return true;
  });
  if (out.length === 0) {
    const values: Slot[] = new Array(n).fill(undefined);
    read.forEach((r, i) => {
      values[i] = readValue(r, spec.kinds[i] ?? "count", at(i), { findings: [], pointer: ctx.pointer });
    });
    // No placement keeps the row's sums: read from the left (as written, when the bars were padded), in doubt.
    if (padded) values.fill(null, read.length);
    out.push({ values, origin: "placement", srcs: cells.map((c) => c.src), byPosition: true });
  }
  // The only placement found before the budget ran out is not shown to be the only one: a doubt, not an inference.
  if (truncated && out.length === 1) (out[0] as Candidate).byPosition = true;
  return out;
}

/**
 * A row with `lo` leading blanks dropped to fit its columns, whose window also ends in blanks: the window may start
 * earlier (fewer leading blanks dropped, those last ones instead). The start (at most 16 back: budgeted) whose
 * reading alone keeps the row's sums and kinds; undefined when none or several do (unless all read the same).
 */
function windowBySums(
  cells: readonly RawCell[],
  lo: number,
  spec: RowSpec,
  at: (i: number) => string,
): number | undefined {
  const n = spec.columns.length;
  let found: number | undefined;
  let fits = 0;
  let first: string | undefined;
  let same = true;
  for (let t = 0; t <= Math.min(lo, 16); t++) {
    // Moving the window back by t drops the t cells at its end, which must be blank.
    if (t > 0 && cells[lo + n - t]?.raw !== null) break;
    const quiet: RowContext = { findings: [], pointer: "" };
    const values = cells
      .slice(lo - t, lo - t + n)
      .map((c, i) => readValue(c.raw, spec.kinds[i] ?? "count", at(i), quiet));
    const key = values.map(String).join(",");
    if (first === undefined) first = key;
    else if (key !== first) same = false;
    if (kindsFit(spec, values) && (spec.sums.length === 0 || strictSums(spec, values))) {
      fits++;
      found = lo - t;
    }
  }
  if (same) return lo;
  return fits === 1 ? found : undefined;
}

/** R5 as a placement constraint: only 本年增/减 holds a negative number, only money a fraction. */
function kindsFit(spec: RowSpec, values: readonly Slot[]): boolean {
  return values.every((v, i) => {
    if (typeof v !== "number") return true;
    const kind = spec.kinds[i] ?? "count";
    return (v >= 0 || kind === "change") && (Number.isInteger(v) || kind === "money");
  });
}

/** Sources of split values: the values fill each run's digits in order, each narrowed to its own digits. */
function splitCells(cells: readonly RawCell[], values: readonly number[]): (CellSource | undefined)[] {
  const out: (CellSource | undefined)[] = [];
  let v = 0;
  for (let k = 0; k < cells.length && v < values.length; k++) {
    const c = cells[k] as RawCell;
    const digits = (c.raw ?? "").replace(/[,，]/g, "");
    let cursor = 0;
    // Every later run needs at least one value.
    while (v < values.length && values.length - v > cells.length - k - 1 && cursor < digits.length) {
      const value = values[v] as number;
      // A plus sign glued before a change cell (「0+11」) is not part of the value's digits.
      if (value >= 0 && /[+＋]/.test(digits.charAt(cursor))) cursor++;
      const s = String(value);
      const end = Number.isInteger(value) && digits.startsWith(s, cursor) ? cursor + s.length : digits.length;
      out.push(c.src ? pieceSource(c.src, digits, cursor, end) : undefined);
      cursor = end;
      v++;
    }
  }
  while (out.length < values.length) out.push(undefined);
  return out;
}

/**
 * A count and its amount run together with the amount's unit (「政府集中采购39573802895.90元」): the count is an
 * integer, the decimal and the unit belong to the amount. Every cut of the integer digits is a reading.
 */
function splitCountAndAmount(cells: readonly RawCell[], spec: RowSpec, ctx: RowContext): Candidate[] {
  const cell = cells[0];
  if (cells.length !== 1 || spec.columns.length !== 2 || !cell?.raw) return [];
  if (spec.kinds[0] !== "count" || spec.kinds[1] !== "money") return [];
  const m = /^([0-9]{2,18})((?:\.[0-9]+)?)\s*(万元|元)$/.exec(cell.raw);
  if (!m) return [];
  const [, whole = "", frac = "", unit = ""] = m;
  const out: Candidate[] = [];
  for (let cut = 1; cut < whole.length; cut++) {
    const count = whole.slice(0, cut);
    const amount = whole.slice(cut);
    if (amount.length > 1 && amount.startsWith("0")) continue;
    const quiet: RowContext = { findings: [], pointer: ctx.pointer };
    const value = readValue(`${amount}${frac}${unit}`, "money", `${ctx.pointer}/${spec.columns[1]}`, quiet);
    if (value === null) continue;
    const srcs = cell.src
      ? [pieceSource(cell.src, cell.raw, 0, cut), pieceSource(cell.src, cell.raw, cut, cell.raw.length)]
      : [undefined, undefined];
    out.push({ values: [Number(count), value], origin: "split", srcs, written: [count, `${amount}${frac}`] });
  }
  if (out.length > 0 && unit === "元")
    ctx.findings.push(
      finding(
        "normalize.yuan-to-wan",
        `${ctx.pointer}/${spec.columns[1]}`,
        `金额单位为元，已换算为万元：「${cell.raw}」`,
        {
          original: cell.raw,
        },
      ),
    );
  return out;
}
