// Processing limits: caps on input size, lines, a line's length, cells, and each field (title, organ, a cell), checked before the work they bound (input_limit).
import { NianbaoError } from "./errors.ts";
import type { Report } from "./model.ts";
import { pointer } from "./pointer.ts";

/** Far above any real report (the corpus seeds are 5–8 thousand characters, ~400 lines, 3 tables). */
export const LIMITS = {
  /** Characters of decoded input, any kind. */
  inputChars: 2_000_000,
  /** Lines of a plain-text input (a line ends at \r\n, \r, \n or \f). */
  textLines: 20_000,
  /** Characters of one line of plain text (the longest real line seen, crawler text with no breaks: ~17,000). */
  lineChars: 100_000,
  /** Tab- or pipe-separated cells of a plain-text input (a report's three tables hold ~300). */
  textCells: 50_000,
  /** <td>/<th> cells of an HTML input. */
  htmlCells: 20_000,
  /** Characters of the title (real titles: 20–60). */
  titleChars: 500,
  /** Characters of the organ's name (real names: 4–30). */
  organChars: 100,
  /** Characters of one table cell written as text (「1,234.5万元」). */
  cellChars: 100,
  /** Sections of a report. */
  sections: 200,
  /** Blocks of prose, all sections together. */
  blocks: 5_000,
  /** Characters of title, headings and prose together (what the renderer lays out). */
  proseChars: 500_000,
} as const;

const n = (limit: number) => limit.toLocaleString("en-US");
const tooMuch = (what: string, limit: number, path?: string) =>
  new NianbaoError(
    "input_limit",
    `输入超过处理限制：${what}不能超过 ${n(limit)}`,
    path === undefined ? {} : { issues: [{ path, message: `${what}不能超过 ${n(limit)}` }] },
  );

function count(text: string, re: RegExp, stopAt: number): number {
  let found = 0;
  re.lastIndex = 0;
  while (re.exec(text) !== null) if (++found > stopAt) break;
  return found;
}

/** Lines (over \r\n, \r, \n and \f), each line's length and the cells of plain text, in one pass over the characters. */
function checkTextShape(text: string): void {
  let lines = 1;
  let lineStart = 0;
  let cells = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 9 || c === 124) {
      if (++cells > LIMITS.textCells) throw tooMuch("表格单元格数（制表符与竖线）", LIMITS.textCells);
      continue;
    }
    if (c !== 10 && c !== 13 && c !== 12) continue;
    if (i - lineStart > LIMITS.lineChars) throw tooMuch(`第 ${n(lines)} 行的字符数`, LIMITS.lineChars);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
    if (i < text.length && ++lines > LIMITS.textLines) throw tooMuch("行数", LIMITS.textLines);
  }
}

/** Refuses decoded input too big to parse in the time and memory a request has. */
export function checkInputLimits(text: string, kind: "json" | "html" | "text"): void {
  if (text.length > LIMITS.inputChars) throw tooMuch("字符数", LIMITS.inputChars);
  if (kind === "text") checkTextShape(text);
  if (kind === "html" && count(text, /<t[dh][\s>/]/gi, LIMITS.htmlCells) > LIMITS.htmlCells)
    throw tooMuch("表格单元格数", LIMITS.htmlCells);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A table's string cells (at any depth) longer than a cell can be, the first one named by its JSON Pointer. The
 * pointer is built only for that one (150,000 keys made 150,000 pointers for nothing: 2 s).
 */
function checkCells(node: unknown, segs: string[]): void {
  if (typeof node === "string") {
    if (node.length > LIMITS.cellChars) {
      const path = pointer(...segs);
      throw tooMuch(`单元格 ${path} 的字符数`, LIMITS.cellChars, path);
    }
    return;
  }
  if (segs.length > 7 || node === null || typeof node !== "object") return;
  for (const k in node) {
    if (!Object.hasOwn(node, k)) continue;
    segs.push(k);
    checkCells((node as Record<string, unknown>)[k], segs);
    segs.pop();
  }
}

/** Model JSON: the title, the organ and every table cell written as text, before the model is read. */
export function checkJsonFields(value: unknown): void {
  if (!isObject(value)) return;
  const { title, organ } = value;
  if (typeof title === "string" && title.length > LIMITS.titleChars)
    throw tooMuch("标题（/title）的字符数", LIMITS.titleChars, "/title");
  if (typeof organ === "string" && organ.length > LIMITS.organChars)
    throw tooMuch("机关名称（/organ）的字符数", LIMITS.organChars, "/organ");
  for (const table of ["proactive", "requests", "appeals"]) checkCells(value[table], [table]);
}

/** Refuses a report too big to render in the time budget (the tables have a fixed size; prose does not). */
export function checkReportLimits(report: Report): void {
  if (report.title.length > LIMITS.titleChars)
    throw tooMuch("标题（/title）的字符数", LIMITS.titleChars, "/title");
  if (report.organ.length > LIMITS.organChars)
    throw tooMuch("机关名称（/organ）的字符数", LIMITS.organChars, "/organ");
  if (report.sections.length > LIMITS.sections) throw tooMuch("章节数", LIMITS.sections);
  let blocks = 0;
  let chars = report.title.length + report.organ.length;
  for (const s of report.sections) {
    blocks += s.blocks.length;
    chars += s.heading.length;
    for (const b of s.blocks) chars += b.text.length;
  }
  if (blocks > LIMITS.blocks) throw tooMuch("段落数", LIMITS.blocks);
  if (chars > LIMITS.proseChars) throw tooMuch("正文字符数", LIMITS.proseChars);
}
