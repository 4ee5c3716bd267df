// Table text → a flat stream of cell tokens with row breaks, for every layout: tab rows, one cell per line, pipes, spaced PDF text, run-together crawler text.
import { isSpaceCode } from "../text/trim.ts";
import { mentionsRow } from "./labels-match.ts";
import { trimAll } from "./lines.ts";
import { blankCellLines } from "./pipe-cells.ts";
import type { CellSource, Locator } from "./sources.ts";

export type Token =
  | { kind: "text"; text: string }
  | {
      kind: "value";
      raw: string;
      glued: boolean;
      src?: CellSource;
      /** A year cut off the end of the digits as written (「02025年」 → 「0」, 2025), that opens the prose after. */
      yearCut?: number;
    }
  | { kind: "empty"; lineEnd: boolean; pad?: boolean }
  | { kind: "break" };

/** Where tokens are pushed (an array, or a list that locates them). */
export interface TokenSink {
  push(t: Token): unknown;
}

/** 1–9 ASCII digits (a scan of character codes: cheaper than a regex call for the most common cell). */
function plainNumber(s: string): boolean {
  if (s.length === 0 || s.length > 9) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const VALUE_RE =
  /^[+\-－＋]?(增加?|减少?)?[+\-－＋]?[0-9０-９][0-9０-９,，.．]*\s*(万元|元|件|个|项|条|宗|次|笔|%)?$|^[/／\-—－–\\、]+$|^——$|^(无|空)$/;

/** True when a cell text reads as a value (a number, 「增3」, 「13.84万元」, a blank mark). */
export function isValueText(s: string): boolean {
  if (plainNumber(s)) return true;
  // A value's first character (white space aside) is a sign, 增/减, a digit, a dash or slash, 无 or 空: any other
  // (a label's) answers no without the two regex passes below.
  let i = 0;
  while (i < s.length && isRegexSpace(s.charCodeAt(i))) i++;
  if (i === s.length || !VALUE_START.has(s.charAt(i))) return false;
  return VALUE_RE.test(s.replace(/[\s\u00a0\u3000]+/g, ""));
}

/** The characters VALUE_RE can start with. */
const VALUE_START = new Set("+-－＋增减0123456789０１２３４５６７８９/／—–\\、无空");

/** A character the regex class \\s matches (white space and line ends as JavaScript has them): no zero-width space. */
const isRegexSpace = (c: number): boolean => c !== 0x200b && isSpaceCode(c);

/** Enumerator-only text such as 「1.」, 「（一）」, 「一、」: part of a label, never a value. */
function isEnumerator(s: string): boolean {
  return /^([0-9０-９]{1,2}[.．、]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．])$/.test(
    s,
  );
}

/**
 * Splits text with digits glued to labels (「行政许可2293」, 「申请数量640020470」) into text and value tokens.
 * A digit run that ends in 「.」 right before a CJK character is an enumerator (「…申请2.重复申请」); a sign or a
 * sign word glued after digits (「0+11」「16减12」) starts the next cell.
 */
export function splitGlued(s: string, out: TokenSink): void {
  const re = /(?:(?<=[0-9０-９])(?:[-－+＋]|增加?|减少?))?[0-9０-９][0-9０-９.．,，]*(万元|元)?/g;
  let last = 0;
  let text = "";
  // Where the last bracket still open was opened (-1: none), followed along s once (linear).
  let open = -1;
  let scanned = 0;
  const followBrackets = (to: number) => {
    for (; scanned < to; scanned++) {
      const c = s.charCodeAt(scanned);
      if (c === 0x28 || c === 0xff08) open = scanned;
      else if (c === 0x29 || c === 0xff09) open = -1;
    }
  };
  const flushText = () => {
    const t = trimAll(text);
    if (t !== "") for (const piece of cutBeforeGroups(t)) out.push({ kind: "text", text: piece });
    text = "";
  };
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let run = m[0];
    let end = m.index + run.length;
    const next = s[end] ?? "";
    // 「2. 重复申请」: an enumerator's dot may be followed by a space before its label.
    const spaced = /[.．、]$/.test(run) && /^[ \u3000]/.test(s.slice(end, end + 1));
    const cjkNext = /[\u4e00-\u9fff“"（(]/.test(
      spaced
        ? s
            .slice(end, end + 8)
            .trimStart()
            .charAt(0)
        : next,
    );
    // Enumerator glued in front of the next label: the last 1 digit (+ dot) belongs to the label.
    let enumTail = "";
    if (cjkNext && /[.．、]$/.test(run)) {
      enumTail = /([0-9０-９][.．、])$/.exec(run)?.[1] ?? "";
      run = run.slice(0, run.length - enumTail.length);
      end -= enumTail.length;
    } else if (next === "、" && /[\u4e00-\u9fff“"（(]/.test(s[end + 1] ?? "") && /[0-9０-９]$/.test(run)) {
      // 「1、申请人…」: the digit and its 「、」 are the next label's enumerator.
      enumTail = `${run.slice(-1)}、`;
      run = run.slice(0, -1);
      end -= 1;
    }
    const before = s.slice(last, m.index);
    // Right after a row label or a column header (「…行政事业性收费」「…尚未审结总计」) digits are the row's cells,
    // even where prose follows with no separator (「总计10000100000000000我局严格…」).
    const afterHeader = HEADER_END.test(text + before) && enumTail === "";
    // 「行政事业性收费02025年，我局…」: the cells, then the year that opens the prose after the table.
    let cellsOnly = false;
    let yearCut: number | undefined;
    if (afterHeader && next === "年" && /^[0-9]{5,}$/.test(run) && /(?:19|20)[0-9]{2}$/.test(run)) {
      yearCut = Number(run.slice(-4));
      run = run.slice(0, -4);
      end -= 4;
      cellsOnly = true;
    } else if (afterHeader && cjkNext && !/^[件个项条次年月日万元人家号名户%]/.test(next)) cellsOnly = true;
    else if (afterHeader && /^[个件项宗笔]$/.test(next) && /^[0-9０-９]/.test(s.charAt(end + 1))) {
      // 「政府集中采购1个246900元」: a count written with its unit right after the row label, the next cell after it.
      run += next;
      end += 1;
      cellsOnly = true;
    }
    // Digits inside text (「保留4位小数」「第2条」「2020年」) stay text.
    // 「16减12」: a sign word between two runs starts the next cell (本年增/减), it is no text.
    const signedNext = /^(增加?|减少?)[0-9０-９]/.test(s.slice(end, end + 4));
    // Digits in a label's bracketed note (「规章（…bat365…应提供相关数据）」, 「（含2019年…）」) are no cells: the
    // bracket opened shortly before and closes shortly after, with no cell text between; nor is the year of a
    // document number (「国办函〔2020〕109号」, its opening bracket lost or not).
    followBrackets(m.index);
    const inNote =
      (open >= 0 && m.index - open <= NOTE_SPAN && closesSoon(s, end)) ||
      (DOC_OPEN.includes(s[m.index - 1] ?? "") && DOC_CLOSE.includes(next));
    const insideText =
      inNote ||
      run === "" ||
      /[第共近约]$/.test(before) ||
      (cjkNext &&
        enumTail === "" &&
        !signedNext &&
        !cellsOnly &&
        !/(万元|元)$/.test(run) &&
        !startsLabel(s.slice(end)));
    if (insideText) {
      if (run === "" && enumTail !== "" && labelEnds(text + before)) {
        // 「…政府信息公开申请3.其他（七）总计3000003」: a row written with no cells, its label run into the next
        // row's numbered label; the next label starts at its number.
        text += before;
        flushText();
        text = enumTail;
      } else text += before + run + enumTail;
      last = end + enumTail.length;
      continue;
    }
    text += before;
    flushText();
    const raw = run.replace(/[,，]$/, "");
    out.push(
      yearCut === undefined
        ? { kind: "value", raw, glued: true }
        : { kind: "value", raw, glued: true, yearCut },
    );
    text = enumTail;
    last = end + enumTail.length;
  }
  text += s.slice(last);
  flushText();
}

/** The brackets round the year of a document number (「国办函〔2020〕109号」): digits in them are no cell. */
const DOC_OPEN = "〔［[【";
const DOC_CLOSE = "〕］]】";

/** How far a bracketed note in a label reaches, either side of digits inside it (characters). */
const NOTE_SPAN = 80;

/** True when a closing bracket follows within NOTE_SPAN characters, before any other opening one. */
function closesSoon(s: string, from: number): boolean {
  const stop = Math.min(s.length, from + NOTE_SPAN);
  for (let i = from; i < stop; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x29 || c === 0xff09) return true;
    if (c === 0x28 || c === 0xff08) return false;
  }
  return false;
}

/** Text that ends with a row label or a column header of tables 二–四: digits right after it are cells. */
const HEADER_END = /(总计|合计|审结|数量|件数|收费|金额|万元[）)]|办理|许可|处罚|强制|规章|规范性文件|采购)$/;

/** Text cut before each group label 「（七）」 that follows a complete row label (「3.其他（七）总计」: two rows). */
function cutBeforeGroups(t: string): string[] {
  // No bracket, no group label: the text whole (matchAll clones its regex at every call).
  if (!t.includes("（") && !t.includes("(")) return [t];
  const out: string[] = [];
  let start = 0;
  for (const m of t.matchAll(/[（(][一二三四五六七八九十][）)]/g)) {
    const at = m.index ?? 0;
    if (at > start && labelEnds(t.slice(start, at))) {
      out.push(t.slice(start, at));
      start = at;
    }
  }
  out.push(t.slice(start));
  return out;
}

/** Whether text ends the way a table 三 row label ends (「…不再处理其政府信息公开申请」「…已获取信息」), not mid-label. */
function labelEnds(text: string): boolean {
  return /(申请|信息|情形[）)]?|事项|案卷|秘密|公开|权益|出版物|其他)$/.test(text) && text.length >= 4;
}

/** Whether text right after a digit run starts a new row label (crawler text glues rows together). */
function startsLabel(rest: string): boolean {
  if (/^([一二三四五六七八九十]{1,2}[、.．]|[（(][一二三四五六七八九十0-9]|第二十条|信息内容)/.test(rest))
    return true;
  const head = rest.slice(0, 10);
  return mentionsRow(head, 2) && !/^[年月日个件项条位万元]/.test(rest);
}

/** One cell's text → tokens (a value, an empty cell, text, or text with glued digits). */
function pushCell(cell: string, out: TokenSink, lineEnd: boolean): void {
  const t = trimAll(cell);
  if (t === "") {
    out.push({ kind: "empty", lineEnd });
    return;
  }
  if (isValueText(t)) {
    out.push({ kind: "value", raw: t, glued: false });
    return;
  }
  if (/[0-9０-９]/.test(t) && !isEnumerator(t) && !isNumberedHeader(t)) {
    splitGlued(t, out);
    return;
  }
  out.push({ kind: "text", text: t });
}

/** A made-up column header (「数据1」「列3」): a short word and a small number that names no row. */
function isNumberedHeader(t: string): boolean {
  return /^[\u4e00-\u9fff]{1,4}[0-9０-９]{1,2}$/.test(t) && !mentionsRow(t, 2);
}

/** A line with no tabs or pipes: split on spaces, then join adjacent text pieces back together. */
function pushPlainLine(line: string, out: TokenSink): void {
  const pieces = trimAll(line)
    .split(/[\s\u00a0\u3000]+/)
    .filter((p) => p !== "");
  let text = "";
  const flush = () => {
    if (text !== "") pushCell(text, out, false);
    text = "";
  };
  for (const p of pieces) {
    if (isValueText(p) && !(isEnumerator(p) && text === "")) {
      flush();
      out.push({ kind: "value", raw: p, glued: false });
    } else if (isEnumerator(p)) {
      flush();
      text = p;
    } else {
      text += p;
    }
  }
  flush();
}

export type Layout = "cell-per-line" | "rows";

/** Word's one-cell-per-line copy: most non-blank lines are 「\t」 + one cell. */
export function detectLayout(lines: readonly string[]): Layout {
  let single = 0;
  let nonBlank = 0;
  for (const l of lines) {
    if (trimAll(l) === "") continue;
    nonBlank++;
    if (/^\t[^\t]*$/.test(l)) single++;
  }
  return nonBlank > 0 && single / nonBlank >= 0.5 ? "cell-per-line" : "rows";
}

export interface TokenizeOptions {
  /** Empty cells at the end of a tab row are layout artefacts (Word text), not blanks (HTML: false). */
  trailingEmptyIsArtefact: boolean;
  /** Records where each value was written in the input. */
  locator?: Locator;
}

/** Tokenizes the table lines of a section. */
export function tokenize(lines: readonly string[], opts: TokenizeOptions): Token[] {
  const out = new LocatingTokens(opts.locator);
  const layout = detectLayout(lines);
  if (layout === "cell-per-line") {
    let cell: string | undefined;
    const flushCell = () => {
      if (cell !== undefined) pushCell(cell, out, false);
      cell = undefined;
    };
    for (const l of lines) {
      // The line trimmed, and whether it reads as a value, worked out once (a line is asked up to four times).
      const tl = trimAll(l);
      let valueLine: boolean | undefined;
      const isValueLine = () => {
        valueLine ??= isValueText(tl);
        return valueLine;
      };
      const continued = cell !== undefined && tl !== "" && !l.startsWith("\t") && !isValueLine();
      if (!continued) {
        flushCell(); // before the next line is anchored: the cell was written on an earlier line
        out.line(l);
      }
      if (tl === "" && !l.startsWith("\t")) {
        flushCell();
        out.push({ kind: "break" });
      } else if (l.startsWith("\t")) {
        flushCell();
        const cells = l.slice(1).split("\t");
        if (cells.length === 1) cell = cells[0] ?? "";
        else for (const c of cells) pushCell(c, out, false);
      } else if (cell !== undefined && !isValueLine()) {
        cell += tl; // a cell's text wrapped onto the next line (「本年新」「制作数量」)
      } else {
        flushCell();
        pushPlainLine(l, out);
        out.push({ kind: "break" });
      }
    }
    flushCell();
    out.push({ kind: "break" });
    return out.tokens;
  }
  // A line only 「|」 (a blank cell on a line of its own); the bar looked for first, so no line is trimmed for it.
  const blankCells = lines.some((l) => l.includes("|") && l.trim() === "|")
    ? blankCellLines(lines)
    : undefined;
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li] as string;
    out.line(l);
    const t = trimAll(l);
    if (t === "") {
      out.push({ kind: "break" });
      continue;
    }
    if (blankCells?.has(li)) {
      out.push({ kind: "empty", lineEnd: false });
      out.push({ kind: "break" });
      continue;
    }
    if (t.includes("--") && /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(t)) continue; // markdown separator row
    if (t.startsWith("|") || (t.includes("|") && !l.includes("\t"))) {
      const cells = t.replace(/^\|/, "").replace(/\|$/, "").split("|");
      let end = cells.length;
      if (opts.trailingEmptyIsArtefact) while (end > 0 && trimAll(cells[end - 1] ?? "") === "") end--;
      if (end === 1 && cells.length > 1) end = cells.length; // a label and only blank cells: blanks, not padding
      // Padding of short markdown rows: dropped (not a shifted row as in Word tab text).
      cells.slice(0, end).forEach((c) => {
        pushCell(c, out, false);
      });
      // Kept as padding marks: a row short of its columns takes them as its blank last cells.
      for (let i = end; i < cells.length; i++) out.push({ kind: "empty", lineEnd: true, pad: true });
    } else if (l.includes("\t")) {
      const cells = l.split("\t");
      let end = cells.length;
      if (opts.trailingEmptyIsArtefact) while (end > 0 && trimAll(cells[end - 1] ?? "") === "") end--;
      for (let i = 0; i < cells.length; i++) pushCell(cells[i] ?? "", out, i >= end);
    } else {
      pushPlainLine(l, out);
    }
    out.push({ kind: "break" });
  }
  return out.tokens;
}

/** A token list that, given a locator, records where each value token was written (tokens come in document order). */
class LocatingTokens {
  readonly tokens: Token[] = [];
  // A plain field, not a parameter property: Node's type stripping (the pool's worker threads) refuses those.
  private readonly locator: Locator | undefined;
  constructor(locator: Locator | undefined) {
    this.locator = locator;
  }
  line(l: string): void {
    this.locator?.line(l);
  }
  push(t: Token): void {
    if (this.locator) {
      if (t.kind === "value") {
        const src = this.locator.value(t.raw);
        if (src) t.src = src;
      } else if (t.kind === "text") this.locator.label(t.text);
    }
    this.tokens.push(t);
  }
}
