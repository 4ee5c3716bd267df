// Real reports found in public repositories (test/fixtures/real-found): the parser is held to its known failures on tune/, holdout/ is only measured.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  FOUND_DIR,
  type FoundScore,
  failuresOf,
  formatScore,
  foundFiles,
  readExpected,
  readKnown,
  scoreOne,
  summary,
} from "../../scripts/score-found.mjs";
import { analyzeInput } from "../../src/core/analyze.ts";

/** Lowest share of tune/ cells read right, whatever known-failures.json lists (raise it as the parser improves). */
const TUNE_CELLS_FLOOR = 0.95;

const known = readKnown();

function score(part: string, file: string): FoundScore {
  const bytes = new Uint8Array(readFileSync(join(FOUND_DIR, part, file)));
  let analyzed: ReturnType<typeof analyzeInput> | { report: unknown; findings: [] };
  try {
    analyzed = analyzeInput(bytes, { filename: file });
  } catch {
    analyzed = { report: {}, findings: [] };
  }
  return scoreOne(readExpected(part, file), analyzed);
}

const tune = foundFiles("tune").map((file) => ({ file, score: score("tune", file) }));
const holdout = foundFiles("holdout").map((file) => ({ file, score: score("holdout", file) }));

describe("real reports found in public repositories", () => {
  afterAll(() => {
    const lines = ["── real-found: tune ──"];
    for (const { file, score: s } of tune) lines.push(formatScore(`tune/${file}`, s, true));
    lines.push(
      summary(
        "tune",
        tune.map((t) => t.score),
      ),
      "── real-found: holdout (measured, not tuned on) ──",
    );
    for (const { file, score: s } of holdout) lines.push(formatScore(`holdout/${file}`, s, false));
    lines.push(
      summary(
        "holdout",
        holdout.map((t) => t.score),
      ),
    );
    const fixed = tune.flatMap(({ file, score: s }) => {
      const now = new Set(failuresOf(s));
      return (known.files[file] ?? []).filter((f) => !now.has(f)).map((f) => `${file}: ${f}`);
    });
    if (fixed.length)
      lines.push(
        `now right but still listed in known-failures.json (run node scripts/score-found.mjs --write-known): ${fixed.length}`,
        ...fixed.map((f) => `    ${f}`),
      );
    console.log(lines.join("\n"));
  });

  it("has both parts, each report with its expected values", () => {
    expect(tune.length).toBeGreaterThanOrEqual(3);
    expect(holdout.length).toBeGreaterThanOrEqual(1);
    const stale = Object.keys(known.files).filter((f) => !tune.some((t) => t.file === f));
    expect(stale, "known-failures.json names files that are not in tune/").toEqual([]);
  });

  it("tune/: no failure beyond the known ones (known-failures.json)", () => {
    const fresh = tune.flatMap(({ file, score: s }) => {
      const allowed = new Set(known.files[file] ?? []);
      return failuresOf(s)
        .filter((f) => !allowed.has(f))
        .map((f) => `${file}: ${f}`);
    });
    expect(fresh).toEqual([]);
  });

  it(`tune/: at least ${TUNE_CELLS_FLOOR * 100}% of the cells read right`, () => {
    const ok = tune.reduce((n, t) => n + t.score.cellsOk, 0);
    const all = tune.reduce((n, t) => n + t.score.cells, 0);
    expect(ok / all).toBeGreaterThanOrEqual(TUNE_CELLS_FLOOR);
  });
});
