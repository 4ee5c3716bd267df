// Processing limits: caps on input size, lines, HTML table cells and report prose, checked before the work they bound (input_limit).
import { NianbaoError } from "./errors.ts";
import type { Report } from "./model.ts";

/** Far above any real report (the corpus seeds are 5–8 thousand characters, ~400 lines, 3 tables). */
export const LIMITS = {
  /** Characters of decoded input, any kind. */
  inputChars: 2_000_000,
  /** Lines of a plain-text input. */
  textLines: 20_000,
  /** <td>/<th> cells of an HTML input. */
  htmlCells: 20_000,
  /** Sections of a report. */
  sections: 200,
  /** Blocks of prose, all sections together. */
  blocks: 5_000,
  /** Characters of title, headings and prose together (what the renderer lays out). */
  proseChars: 500_000,
} as const;

const tooMuch = (what: string, limit: number) =>
  new NianbaoError("input_limit", `输入超过处理限制：${what}不能超过 ${limit.toLocaleString("en-US")}`);

function count(text: string, re: RegExp, stopAt: number): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text) !== null) if (++n > stopAt) break;
  return n;
}

/** Refuses decoded input too big to parse in the time and memory a request has. */
export function checkInputLimits(text: string, kind: "json" | "html" | "text"): void {
  if (text.length > LIMITS.inputChars) throw tooMuch("字符数", LIMITS.inputChars);
  if (kind === "text" && count(text, /\n/g, LIMITS.textLines) > LIMITS.textLines)
    throw tooMuch("行数", LIMITS.textLines);
  if (kind === "html" && count(text, /<t[dh][\s>/]/gi, LIMITS.htmlCells) > LIMITS.htmlCells)
    throw tooMuch("表格单元格数", LIMITS.htmlCells);
}

/** Refuses a report too big to render in the time budget (the tables have a fixed size; prose does not). */
export function checkReportLimits(report: Report): void {
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
