// Text extractors over a PDF (pdf.js lines, pdf.js content order) and a model built from an expected.json, for scoring the parser on tool-made layouts.
import { pdfText } from "./pdf.ts";

/** The extractors the suite runs (pdf.js); scripts/score-extractors.mjs adds pdftotext's when poppler is there. */
export type Extractor = "pdfjs-lines" | "pdfjs-raw";

export const PDFJS_EXTRACTORS: readonly Extractor[] = ["pdfjs-lines", "pdfjs-raw"];

/** The text of a PDF as one pdf.js extractor gives it (pages joined by form feeds). */
export async function extract(pdf: Uint8Array, how: Extractor): Promise<string> {
  return how === "pdfjs-lines" ? (await pdfText(pdf)).text : (await pdfText(pdf)).raw;
}

const HEADINGS = [
  ["overview", "一、总体情况"],
  ["proactive", "二、主动公开政府信息情况"],
  ["requests", "三、收到和处理政府信息公开申请情况"],
  ["appeals", "四、政府信息公开行政复议、行政诉讼情况"],
  ["problems", "五、存在的主要问题及改进情况"],
  ["other", "六、其他需要报告的事项"],
] as const;

/**
 * A report model (JSON, as the API takes it) from an expected.json of the real reports: its meta and tables, and
 * the six standard sections with one plain sentence each (no number in the prose: only the tables carry numbers).
 */
export function modelOfExpected(expected: Record<string, unknown>): string {
  const { expect: _expect, ...rest } = expected;
  const sections = HEADINGS.map(([role, heading]) => ({
    role,
    heading,
    blocks: [{ type: "paragraph", text: "本部分内容见原报告。" }],
  }));
  return JSON.stringify({ ...rest, sections });
}
