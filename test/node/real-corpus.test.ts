// Real reports of other agencies, read in place from ../shared/corpus/real/: every cell, the meta, exactly the errors their README names, and a source for every cell.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { cellPointer, cellRefs, getCell } from "../../src/core/cells.ts";
import type { ValidationResult } from "../../src/core/model.ts";

/** The shared corpus of the project's developers and CI, beside the checkout (never copied into the project). */
const REAL = resolve(process.cwd(), "../shared/corpus/real");
const present = existsSync(REAL);
if (!present) console.log(`real-corpus.test: ${REAL} is absent — the real-report tests are skipped`);
const texts = present
  ? readdirSync(REAL)
      .filter((f) => f.endsWith(".txt") && existsSync(join(REAL, f.replace(/\.txt$/, ".expected.json"))))
      .sort()
  : [];

interface Expected {
  edition: "2019" | "2021";
  organ: string;
  year: number;
  issuedOn: string | null;
  expect?: { errors?: string[]; ambiguous?: { path: string }[] };
}

/** Every non-null table cell of a result has a source whose text contains the value as written there. */
export function sourceProblems(input: string, result: ValidationResult): string[] {
  const lines = input.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  const inferred = result.findings.filter((f) => f.code === "parse.cell-inferred").map((f) => f.path);
  const problems: string[] = [];
  for (const ref of cellRefs(result.report.edition)) {
    const value = getCell(result.report, ref);
    if (value === null || value === undefined) continue;
    const path = cellPointer(ref);
    const src = result.sources[path];
    if (!src) {
      // A cell the parser inferred from the rules was not written anywhere: it has no source (and says so).
      if (!inferred.some((p) => path === p || path.startsWith(`${p}/`))) problems.push(`${path}: no source`);
      continue;
    }
    const written = (lines[src.line - 1] ?? "").slice(src.column - 1, src.column - 1 + src.length);
    if (written === "" || !src.text.includes(written))
      problems.push(`${path}: source text lacks 「${written}」`);
    const norm = written
      .replace(/\s/g, "")
      .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    if (typeof value === "number" && /^[-+]?[0-9]+(\.[0-9]+)?$/.test(norm) && Number(norm) !== value)
      problems.push(`${path}: ${value} read from 「${written}」 at ${src.line}:${src.column}`);
  }
  return problems;
}

describe.skipIf(!present)("real reports in ../shared/corpus/real", () => {
  it("finds the real report texts", () => {
    expect(texts.length).toBeGreaterThanOrEqual(6);
  });

  describe.each(texts)("%s", (txt) => {
    const input = readFileSync(join(REAL, txt), "utf8");
    const exp = JSON.parse(
      readFileSync(join(REAL, txt.replace(/\.txt$/, ".expected.json")), "utf8"),
    ) as Expected;
    const result = analyzeInput(input);
    const { report, findings } = result;
    const ambiguous = (exp.expect?.ambiguous ?? []).map((a) => a.path);
    const isAmbiguous = (p: string) => ambiguous.some((a) => p === a || p.startsWith(`${a}/`));

    it("reads edition, year and organ", () => {
      expect(report.edition).toBe(exp.edition);
      expect(report.year).toBe(exp.year);
      expect(report.organ.includes(exp.organ) || exp.organ.includes(report.organ)).toBe(true);
    });

    it("reads every cell of tables 二, 三 and 四 (ambiguous cells: a warning names them)", () => {
      const wrong = cellRefs(exp.edition)
        .filter((ref) => !isAmbiguous(cellPointer(ref)))
        .filter((ref) => {
          const got = getCell(report, ref);
          const want = getCell(exp, ref);
          return !(
            got === want ||
            (typeof got === "number" && typeof want === "number" && Math.abs(got - want) < 1e-6)
          );
        })
        .map((ref) => `${cellPointer(ref)}: ${String(getCell(report, ref))} ≠ ${String(getCell(exp, ref))}`);
      expect(wrong).toEqual([]);
      for (const path of ambiguous.filter(
        (p) => p.startsWith("/proactive") || p.startsWith("/requests") || p.startsWith("/appeals"),
      ))
        expect(findings.some((f) => f.path === path && f.severity === "warning")).toBe(true);
    });

    it("raises exactly the errors the README names (at the cell or its row)", () => {
      const near = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
      const errors = [...new Set(findings.filter((f) => f.severity === "error").map((f) => f.path))];
      const want = exp.expect?.errors ?? [];
      expect(errors.filter((e) => !want.some((w) => near(e, w)))).toEqual([]);
      expect(want.filter((w) => !errors.some((e) => near(e, w)))).toEqual([]);
    });

    it("has a source for every non-null cell, containing the value as written", () => {
      expect(sourceProblems(input, result)).toEqual([]);
    });
  });
});
