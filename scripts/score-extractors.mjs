// Scores the parser on PDF text as real extractors make it: the agencies' PDFs of ../shared/corpus/real and our own
// rendered PDFs of the real-found expected reports, each through pdf.js (lines, content order) and pdftotext
// (default, -layout, -raw; skipped when poppler is absent), cell by cell against the expected values.
// Run after `npm install` and `node scripts/build.mjs` (Node 22, the project's: pdf.js needs it): npx node scripts/score-extractors.mjs [-v] [--holdout]
//   -v          list every wrong cell (tune/ and the agencies' PDFs only; holdout stays a figure)
//   --holdout   also render and score holdout/ (a figure per extractor, never cell by cell)
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importTs } from "./import-ts.mjs";
import { havePdftotext, POPPLER_EXTRACTORS, pdftotext } from "./poppler-text.mjs";
import { FOUND_DIR, formatScore, foundFiles, readExpected, scoreOne } from "./score-found.mjs";

const root = join(FOUND_DIR, "../../..");
const REAL = join(root, "../shared/corpus/real");
const verbose = process.argv.includes("-v");
const withHoldout = process.argv.includes("--holdout");

const { analyzeInput } = await importTs("src/core/analyze.ts");
const { renderPdf } = await importTs("src/core/render/index.ts");
const { nodeAssets } = await importTs("src/runtime/assets-node.ts");
const {
  extract: pdfjsText,
  modelOfExpected,
  PDFJS_EXTRACTORS,
} = await importTs("test/support/extractors.ts");

const extractors = [...PDFJS_EXTRACTORS, ...(havePdftotext() ? Object.keys(POPPLER_EXTRACTORS) : [])];
const extract = async (pdf, how) => (how in POPPLER_EXTRACTORS ? pdftotext(pdf, how) : pdfjsText(pdf, how));
if (!havePdftotext()) console.log("pdftotext not found: only the pdf.js extractors are scored");

/** Per extractor: cells right, cells, reports fully right, reports, reports with a false error. */
const totals = new Map();
const add = (group, how, s) => {
  const key = `${group} ${how}`;
  const t = totals.get(key) ?? { ok: 0, n: 0, full: 0, reports: 0, falseErr: 0, missed: 0 };
  t.ok += s.cellsOk;
  t.n += s.cells;
  t.reports++;
  if (s.cellsOk === s.cells && s.meta.length === 0) t.full++;
  if (s.falseErrors.length > 0) t.falseErr++;
  t.missed += s.missedErrors.length;
  totals.set(key, t);
};

async function scorePdf(group, name, pdf, expected, detail) {
  for (const how of extractors) {
    const text = await extract(pdf, how);
    let analyzed;
    try {
      analyzed = await analyzeInput(text, { filename: `${name}.txt` });
    } catch (e) {
      analyzed = { report: {}, findings: [] };
      console.log(`${group}/${name} ${how}: parser threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    const s = scoreOne(expected, analyzed);
    add(group, how, s);
    if (detail) console.log(formatScore(`${group}/${name} [${how}]`, s, verbose));
  }
}

if (existsSync(REAL)) {
  for (const name of ["hongze-gov-2023", "hongze-gov-2024", "huaian-gov-2024"]) {
    const pdfFile = join(REAL, `${name}.pdf`);
    if (!existsSync(pdfFile)) continue;
    const expected = JSON.parse(readFileSync(join(REAL, `${name}.expected.json`), "utf8"));
    await scorePdf("agency", name, new Uint8Array(readFileSync(pdfFile)), expected, true);
  }
} else console.log("../shared/corpus/real is absent: the agencies' PDFs are not scored");

const assets = await nodeAssets({ fontsDir: join(root, "fonts") });
for (const part of withHoldout ? ["tune", "holdout"] : ["tune"]) {
  for (const file of foundFiles(part)) {
    const expected = readExpected(part, file);
    const model = (await analyzeInput(modelOfExpected(expected))).report;
    const pdf = await renderPdf(model, assets);
    await scorePdf(`ours-${part}`, file.replace(/\.[a-z]+$/, ""), pdf, expected, part === "tune");
  }
}

console.log("── per extractor ──");
for (const [key, t] of totals)
  console.log(
    `${key}: cells ${t.ok}/${t.n} (${((100 * t.ok) / t.n).toFixed(2)}%), reports fully right ${t.full}/${t.reports}, errors missed ${t.missed}, reports with a false error ${t.falseErr}`,
  );
