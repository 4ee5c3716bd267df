// PDF in: the agencies' real PDFs (read in place from ../shared/corpus/real/) give every expected cell, and every render fixture survives render → PDF → read → parse.
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { cellPointer, cellRefs, getCell } from "../../src/core/cells.ts";
import { NianbaoError } from "../../src/core/errors.ts";
import { readInput, withPlaces } from "../../src/core/input/index.ts";
import { PDF_LIMITS } from "../../src/core/input/pdf.ts";
import type { Report } from "../../src/core/model.ts";
import { htmlToText } from "../../src/core/parse/html.ts";
import { type RenderAssets, renderPdf } from "../../src/core/render/index.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { emptyPdf } from "../support/pdf-build.ts";
import { fixtures } from "../support/render-fixtures.ts";

const REAL = new URL("../../../shared/corpus/real/", import.meta.url);
const realPdfs = ["huaian-gov-2024", "hongze-gov-2023", "hongze-gov-2024"];
const haveCorpus = existsSync(REAL);
if (!haveCorpus) console.warn("../shared/corpus/real/ is absent: the real-PDF tests are skipped");

/** Every table cell of `want` (the .expected.json shape) that `got` does not have. */
function wrongCells(got: Report, want: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (o: unknown, path: string) => {
    if (o === null || typeof o !== "object") {
      const g = path
        .split("/")
        .slice(1)
        .reduce<unknown>((a, k) => (a == null ? undefined : (a as Record<string, unknown>)[k]), got);
      if (!((o === null && g == null) || (typeof o === "number" && g === o)))
        out.push(`${path}: got ${JSON.stringify(g)}, want ${JSON.stringify(o)}`);
      return;
    }
    for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
  };
  for (const t of ["proactive", "requests", "appeals"]) walk(want[t], `/${t}`);
  return out;
}

describe.skipIf(!haveCorpus)("the agencies' own PDFs (WPS, embedded 方正 fonts)", () => {
  it.each(realPdfs)("%s.pdf gives every expected cell, and the real errors only", async (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(`${name}.pdf`, REAL)));
    const want = JSON.parse(readFileSync(new URL(`${name}.expected.json`, REAL), "utf8"));
    const read = await readInput(bytes, { filename: `${name}.pdf` });
    expect(read.format).toBe("pdf");
    const { report, findings } = analyzeInput(read.input, read.hint);
    expect(wrongCells(report, want)).toEqual([]);
    expect(report.year).toBe(want.year);
    expect(report.edition).toBe(want.edition);
    expect(report.organ).toContain(want.organ);
    const errors = findings.filter((f) => f.severity === "error").map((f) => f.path);
    const expected: string[] = want.expect?.errors ?? [];
    for (const p of expected) expect(errors.some((e) => e.startsWith(p))).toBe(true);
    for (const e of errors) expect(expected.some((p) => e.startsWith(p))).toBe(true);
  });

  it("drops the page marks and joins the vertical label", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("huaian-gov-2024.pdf", REAL)));
    const text = htmlToText((await readInput(bytes)).input as string);
    expect(text).not.toMatch(/^- \d+ -$/m);
    expect(text).toContain("三、本年度办理结果");
    expect(text).toMatch(
      /^（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t447\t7\t0\t0\t0\t0\t454$/m,
    );
  });

  it("places each line and cell of the HTML the parser reads on its page, table, row and cell", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("huaian-gov-2024.pdf", REAL)));
    const { input, locate } = await readInput(bytes);
    const lines = (input as string).split("\n");
    const i = lines.findIndex((l) => l.includes("（七）总计"));
    expect(i).toBeGreaterThan(0);
    const line = lines[i] as string;
    const place = locate?.(i + 1, line.indexOf("3050") + 1);
    expect(place).toMatchObject({ page: 5 });
    expect(place?.table).toBeTypeOf("number");
    expect(place?.row).toBeTypeOf("number");
    expect(place?.cell).toBe(line.split("<td").length - 2);
    expect(locate?.(i + 1, line.indexOf("（七）总计") + 1)?.cell).toBe(0);
    const prose = lines.findIndex((l) => l.includes("本报告由淮安市人民政府办公室"));
    expect(locate?.(prose + 1)).toEqual({ page: 1, paragraph: expect.any(Number) });
  });

  it("fills page, table, row and cell into a cell's source", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("huaian-gov-2024.pdf", REAL)));
    const read = await readInput(bytes);
    const lines = (read.input as string).split("\n");
    const i = lines.findIndex((l) => l.includes("（七）总计"));
    const column = (lines[i] as string).indexOf(">3050<") + 2;
    const result = withPlaces(
      { sources: { "/requests/handledTotal/total": { line: i + 1, column, length: 4, text: "3050" } } },
      read,
    );
    expect(result.sources["/requests/handledTotal/total"]).toMatchObject({ page: 5, cell: 7, text: "3050" });
  });
});

describe("round trip: every render fixture → our PDF → read → parse", () => {
  let assets: RenderAssets;
  beforeAll(async () => {
    assets = await nodeAssets();
  });
  it.each(fixtures().map((f) => [f.name, f.report] as const))(
    "%s",
    async (_name, report) => {
      const model = analyzeInput(JSON.stringify(report)).report;
      const pdf = await renderPdf(model, assets);
      const read = await readInput(pdf, { filename: "r.pdf" });
      const back = analyzeInput(read.input, read.hint);
      const diff = cellRefs(model.edition)
        .filter((ref) => getCell(back.report, ref) !== getCell(model, ref))
        .map(
          (ref) =>
            `${cellPointer(ref)}: ${String(getCell(back.report, ref))} ≠ ${String(getCell(model, ref))}`,
        );
      expect(diff).toEqual([]);
      expect(back.report.year).toBe(model.year);
      expect(back.report.edition).toBe(model.edition);
    },
    30_000,
  );
});

describe("PDFs that cannot be read get a clear answer", () => {
  const code = (p: Promise<unknown>) =>
    p.then(
      () => "read",
      (e: unknown) => (e instanceof NianbaoError ? e.code : String(e)),
    );
  it("a PDF of thousands of pages → 413 before any page is read", async () => {
    expect(await code(readInput(emptyPdf(PDF_LIMITS.pages + 1)))).toBe("input_limit");
  });
  it("pages without text (a scan) → 415 no_text_layer; garbage after the header → 422 damaged_file", async () => {
    expect(await code(readInput(emptyPdf(3)))).toBe("no_text_layer");
    expect(await code(readInput(new TextEncoder().encode("%PDF-1.7\n1 0 obj <<")))).toBe("damaged_file");
  });
});
