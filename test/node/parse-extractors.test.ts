// PDF text as extractors make it (pdf.js by lines and in content order): the agencies' real PDFs, read in place from ../shared/corpus/real/, and our renders of real-found reports, every cell asserted.
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { type FoundExpected, formatScore, readExpected, scoreOne } from "../../scripts/score-found.mjs";
import { analyzeInput } from "../../src/core/analyze.ts";
import { type RenderAssets, renderPdf } from "../../src/core/render/index.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { extract, modelOfExpected, PDFJS_EXTRACTORS } from "../support/extractors.ts";

const REAL = new URL("../../../shared/corpus/real/", import.meta.url);
const AGENCY_PDFS = ["hongze-gov-2023", "hongze-gov-2024", "huaian-gov-2024"];
const haveReal = existsSync(REAL);
if (!haveReal)
  console.warn("../shared/corpus/real/ is absent: the agencies' PDFs through pdf.js are not scored");

/** Every cell, organ/year/edition, exactly the expected errors: nothing wrong left in the score. */
function perfect(name: string, expected: FoundExpected, analyzed: unknown) {
  const s = scoreOne(expected, analyzed as never);
  const report = formatScore(name, s, true);
  expect(s.wrongCells, report).toEqual([]);
  expect(s.meta, report).toEqual([]);
  expect(s.missedErrors, report).toEqual([]);
  expect(s.falseErrors, report).toEqual([]);
}

describe.skipIf(!haveReal)("the agencies' PDFs through pdf.js text", () => {
  for (const name of AGENCY_PDFS)
    for (const how of PDFJS_EXTRACTORS)
      it(`${name}.pdf [${how}]`, async () => {
        const pdf = new Uint8Array(readFileSync(new URL(`${name}.pdf`, REAL)));
        const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, REAL), "utf8"));
        const text = await extract(pdf, how);
        perfect(`${name} [${how}]`, expected, analyzeInput(text, { filename: `${name}.txt` }));
      }, 60_000);
});

describe("our PDFs of real-found reports through pdf.js text", () => {
  let assets: RenderAssets;
  beforeAll(async () => {
    assets = await nodeAssets();
  });
  // One report of each edition and layout family (tune/ only); the script scores them all.
  for (const file of ["pingtan-2021.txt", "pingtan-bangongshi-2019.txt", "shanghai-bangongting-2025.md"])
    it(file, async () => {
      const expected = readExpected("tune", file);
      const model = analyzeInput(modelOfExpected({ ...expected })).report;
      const pdf = await renderPdf(model, assets);
      for (const how of PDFJS_EXTRACTORS) {
        const text = await extract(pdf, how);
        perfect(`${file} [${how}]`, expected, analyzeInput(text, { filename: "render.txt" }));
      }
    }, 60_000);
});
