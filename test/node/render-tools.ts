// Test helpers for rendered PDFs: poppler-utils (required, fails loudly when absent), seeds and fixtures as models.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Report } from "../../src/core/model.ts";

const FIXTURES = new URL("../fixtures/render/", import.meta.url);

/** Runs a Debian tool; a missing tool is an error naming the package, never a skip. */
export function tool(name: string, args: string[], pkg = "poppler-utils"): string {
  try {
    return execFileSync(name, args, { encoding: "utf8", maxBuffer: 32 * 1024 * 1024 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(`${name} is not installed (apt-get install ${pkg})`);
    throw e;
  }
}

const dir = mkdtempSync(join(tmpdir(), "nianbao-render-"));
let n = 0;
/** Writes the PDF to a temp file for the poppler tools. */
export function pdfFile(pdf: Uint8Array): string {
  const path = join(dir, `r${++n}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

export interface PdfFacts {
  pages: number;
  info: Record<string, string>;
  fonts: { name: string; embedded: boolean; subset: boolean; unicode: boolean }[];
  text: string;
  /** pdftotext -raw: content-stream order, so a label wrapped inside a table cell stays in one piece. */
  raw: string;
}

export function pdfFacts(pdf: Uint8Array): PdfFacts {
  const file = pdfFile(pdf);
  const info: Record<string, string> = {};
  for (const line of tool("pdfinfo", ["-enc", "UTF-8", file]).split("\n")) {
    const m = /^([A-Za-z ]+):\s+(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined) info[m[1]] = m[2];
  }
  const fonts = tool("pdffonts", [file])
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... emb sub uni objectID gen
      const [emb, sub, uni] = cols.slice(-5, -2);
      return { name: cols[0] ?? "", embedded: emb === "yes", subset: sub === "yes", unicode: uni === "yes" };
    });
  const text = tool("pdftotext", ["-enc", "UTF-8", file, "-"]);
  const raw = tool("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"]);
  return { pages: Number(info.Pages), info, fonts, text, raw };
}

/** The render fixtures: model JSON of both editions (report-*.json) and the corpus seeds with their prose (seed-*.json). */
export function fixtures(): { name: string; report: Report }[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ""),
      report: JSON.parse(readFileSync(new URL(f, FIXTURES), "utf8")) as Report,
    }));
}
