// pdftotext (poppler) as a text extractor for scripts/score-extractors.mjs only: the test suite never runs it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TOOL = "pdftotext";

/** Extractor name → pdftotext flags. */
export const POPPLER_EXTRACTORS = {
  pdftotext: [],
  "pdftotext-layout": ["-layout"],
  "pdftotext-raw": ["-raw"],
};

/** True when pdftotext runs on this machine. */
export function havePdftotext() {
  return spawnSync(TOOL, ["-v"], { encoding: "utf8" }).error === undefined;
}

/** The text of a PDF as pdftotext gives it with the extractor's flags (pages joined by form feeds). */
export function pdftotext(pdf, how) {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-extract-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, pdf);
    const r = spawnSync(TOOL, [...POPPLER_EXTRACTORS[how], "-enc", "UTF-8", file, "-"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`pdftotext ${how} failed: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
