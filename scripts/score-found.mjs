// Scores the parser on the real reports of test/fixtures/real-found (tune/ and holdout/): cells, meta, 勾稽 errors.
// Run after `npm install`: node scripts/score-found.mjs [-v] [--write-known]
//   -v             list every wrong cell, missed error and unexpected error finding (tune/ only)
//   --holdout-detail  with -v, list them for holdout/ too (only once tuning is over)
//   --write-known  rewrite test/fixtures/real-found/known-failures.json from what the parser reads now (tune/ only)
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { importTs } from "./import-ts.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const FOUND_DIR = join(root, "test/fixtures/real-found");
export const PARTS = ["tune", "holdout"];
export const KNOWN_FILE = join(FOUND_DIR, "known-failures.json");

const INPUT = /\.(txt|html|md)$/;

/** The report files of one part, sorted, each with its expected.json beside it. */
export function foundFiles(part) {
  const dir = join(FOUND_DIR, part);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => INPUT.test(f) && existsSync(join(dir, expectedName(f))))
    .sort();
}

export const expectedName = (file) => file.replace(INPUT, ".expected.json");

export function readExpected(part, file) {
  return JSON.parse(readFileSync(join(FOUND_DIR, part, expectedName(file)), "utf8"));
}

/** Every table cell of a table object: [JSON Pointer, value]. */
function cells(value, path, out) {
  if (value === null || typeof value !== "object") {
    out.push([path, value]);
    return out;
  }
  for (const [k, v] of Object.entries(value)) cells(v, `${path}/${k}`, out);
  return out;
}

const at = (obj, path) =>
  path
    .split("/")
    .slice(1)
    .reduce((a, k) => (a == null ? undefined : a[k]), obj);

const under = (path, prefix) => path === prefix || path.startsWith(`${prefix}/`);
/** An error finding at a cell below an expected path (or above it) counts as that error. */
const covers = (a, b) => under(a, b) || under(b, a);
const sameNumber = (want, got) =>
  (want === null && got == null) ||
  (typeof want === "number" && typeof got === "number" && Math.abs(want - got) < 1e-6);

/**
 * Scores one analysis ({report, findings}) against its expected values.
 * Cells below an `expect.ambiguous` path are not counted (the text alone cannot decide them).
 */
export function scoreOne(expected, analyzed) {
  const { report = {}, findings = [] } = analyzed ?? {};
  const ambiguous = (expected.expect?.ambiguous ?? []).map((a) => a.path);
  const wrongCells = [];
  let total = 0;
  let right = 0;
  for (const table of ["proactive", "requests", "appeals"]) {
    for (const [path, want] of cells(expected[table], `/${table}`, [])) {
      if (ambiguous.some((a) => under(path, a))) continue;
      total++;
      const got = at(report, path);
      if (sameNumber(want, got)) right++;
      else wrongCells.push({ path, expected: want, actual: got ?? null });
    }
  }
  const meta = [];
  const organ = typeof report.organ === "string" ? report.organ : "";
  if (organ !== expected.organ)
    meta.push({ path: "/organ", expected: expected.organ, actual: report.organ ?? null });
  if (report.year !== expected.year)
    meta.push({ path: "/year", expected: expected.year, actual: report.year ?? null });
  if (report.edition !== expected.edition)
    meta.push({ path: "/edition", expected: expected.edition, actual: report.edition ?? null });
  const issued = expected.expect?.ambiguous?.find((a) => a.path === "/issuedOn");
  const issuedOk = issued
    ? issued.alternatives.includes(report.issuedOn ?? null)
    : (report.issuedOn ?? null) === expected.issuedOn;
  if (!issuedOk)
    meta.push({ path: "/issuedOn", expected: expected.issuedOn, actual: report.issuedOn ?? null });
  const errors = findings.filter((f) => f.severity === "error").map((f) => f.path);
  const want = expected.expect?.errors ?? [];
  return {
    cells: total,
    cellsOk: right,
    wrongCells,
    meta,
    issuedOn: issuedOk ? null : { expected: expected.issuedOn, actual: report.issuedOn ?? null },
    missedErrors: want.filter((p) => !errors.some((e) => covers(e, p))),
    falseErrors: [...new Set(errors.filter((e) => !want.some((p) => covers(e, p))))].sort(),
  };
}

/** What is wrong in a score, as the strings known-failures.json lists. */
export function failuresOf(score) {
  return [
    ...score.meta.map((m) => `meta ${m.path}`),
    ...score.wrongCells.map((c) => `cell ${c.path}`),
    ...score.missedErrors.map((p) => `missed-error ${p}`),
    ...score.falseErrors.map((p) => `false-error ${p}`),
  ];
}

export function readKnown() {
  return existsSync(KNOWN_FILE) ? JSON.parse(readFileSync(KNOWN_FILE, "utf8")) : { files: {} };
}

const show = (v) => (v === undefined ? "—" : JSON.stringify(v));

/** One line per file, and with verbose the details. */
export function formatScore(name, s, verbose) {
  const bad = failuresOf(s).length;
  const lines = [
    `${name}: cells ${s.cellsOk}/${s.cells}, meta ${s.meta.length ? "WRONG" : "ok"}, errors missed ${s.missedErrors.length}, false errors ${s.falseErrors.length}${bad === 0 ? " ✓" : ""}`,
  ];
  if (verbose) {
    for (const m of [...s.meta, ...s.wrongCells])
      lines.push(`    ${m.path}  expected ${show(m.expected)}  actual ${show(m.actual)}`);
    for (const p of s.missedErrors) lines.push(`    ${p}  expected an error finding  actual none`);
    for (const p of s.falseErrors) lines.push(`    ${p}  expected no error  actual an error finding`);
  }
  return lines.join("\n");
}

export function summary(part, scores) {
  const cellsOk = scores.reduce((n, s) => n + s.cellsOk, 0);
  const total = scores.reduce((n, s) => n + s.cells, 0);
  const metaOk = scores.filter((s) => s.meta.length === 0).length;
  const missed = scores.reduce((n, s) => n + s.missedErrors.length, 0);
  const falseErr = scores.filter((s) => s.falseErrors.length > 0).length;
  const pct = total ? ((100 * cellsOk) / total).toFixed(2) : "—";
  return `${part}: ${scores.length} reports, cells ${cellsOk}/${total} (${pct}%), meta ${metaOk}/${scores.length}, errors missed ${missed}, reports with a false error ${falseErr}`;
}

async function loadAnalyze() {
  return (await importTs("src/core/analyze.ts")).analyzeInput;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const verbose = process.argv.includes("-v");
  const holdoutDetail = process.argv.includes("--holdout-detail");
  const analyzeInput = await loadAnalyze();
  const known = { files: {} };
  for (const part of PARTS) {
    const scores = [];
    console.log(`── ${part} ──`);
    for (const file of foundFiles(part)) {
      const expected = readExpected(part, file);
      let analyzed;
      try {
        analyzed = analyzeInput(new Uint8Array(readFileSync(join(FOUND_DIR, part, file))), {
          filename: file,
        });
      } catch (e) {
        analyzed = { report: {}, findings: [] };
        console.log(`${part}/${file}: parser threw: ${e instanceof Error ? e.message : String(e)}`);
      }
      const s = scoreOne(expected, analyzed);
      scores.push(s);
      if (part === "tune") known.files[file] = failuresOf(s);
      // Holdout is never shown cell by cell unless asked for (it must not be looked at while tuning).
      console.log(formatScore(`${part}/${file}`, s, verbose && (part === "tune" || holdoutDetail)));
    }
    console.log(summary(part, scores));
  }
  if (process.argv.includes("--write-known")) {
    const out = {
      note: "Known failures of the parser on tune/ (written by node scripts/score-found.mjs --write-known). test/node/real-found.test.ts fails on any failure not listed here; remove entries as the parser improves.",
      files: known.files,
    };
    writeFileSync(KNOWN_FILE, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`wrote ${KNOWN_FILE}`);
  }
}
