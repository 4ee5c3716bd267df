// Text extractors over a PDF (pdf.js lines, pdf.js content order; pdftotext default/-layout/-raw when poppler is there) and a model built from an expected.json, for scoring the parser on tool-made layouts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pdfText } from "./pdf.ts";

export type Extractor = "pdfjs-lines" | "pdfjs-raw" | "pdftotext" | "pdftotext-layout" | "pdftotext-raw";

export const PDFJS_EXTRACTORS: readonly Extractor[] = ["pdfjs-lines", "pdfjs-raw"];
export const POPPLER_EXTRACTORS: readonly Extractor[] = ["pdftotext", "pdftotext-layout", "pdftotext-raw"];

const POPPLER_FLAGS: Record<string, string[]> = {
  pdftotext: [],
  "pdftotext-layout": ["-layout"],
  "pdftotext-raw": ["-raw"],
};

/** True when `pdftotext` runs on this machine (the script uses it; tests never need it). */
export function havePdftotext(): boolean {
  const r = spawnSync("pdftotext", ["-v"], { encoding: "utf8" });
  return r.error === undefined;
}

/** The text of a PDF as one extractor gives it (pages joined by form feeds). */
export async function extract(pdf: Uint8Array, how: Extractor): Promise<string> {
  if (how === "pdfjs-lines") return (await pdfText(pdf)).text;
  if (how === "pdfjs-raw") return (await pdfText(pdf)).raw;
  const dir = mkdtempSync(join(tmpdir(), "nianbao-extract-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, pdf);
    const r = spawnSync("pdftotext", [...(POPPLER_FLAGS[how] ?? []), "-enc", "UTF-8", file, "-"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`pdftotext ${how} failed: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
