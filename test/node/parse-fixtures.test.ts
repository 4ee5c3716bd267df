// Parser fixtures written for this suite (both editions, PDF text, Word HTML, crawler text, markdown/OCR, GB18030 bytes): values cell by cell through analyzeInput.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { cellPointer, cellRefs, getCell } from "../../src/core/cells.ts";
import type { Finding } from "../../src/core/model.ts";

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures/parse");
const inputs = readdirSync(DIR)
  .filter((f) => /\.(txt|html)$/.test(f))
  .sort();
const expectedOf = (f: string) =>
  JSON.parse(readFileSync(join(DIR, f.replace(/\.(txt|html)$/, ".expected.json")), "utf8"));

/** A wrong cell is acceptable only when a parse.ambiguous finding on its row lists the true value. */
function explained(findings: readonly Finding[], ptr: string, column: string, truth: unknown): boolean {
  const amb = findings.find((f) => f.code === "parse.ambiguous" && ptr.startsWith(`${f.path}/`));
  const alternatives = (amb?.alternatives ?? []) as Record<string, unknown>[];
  const key = amb ? ptr.slice(amb.path.length + 1) : column;
  return alternatives.some((a) => a[key] === truth);
}

it("has fixtures of both editions", () => {
  const editions = new Set(inputs.map((f) => expectedOf(f).edition));
  expect(editions).toEqual(new Set(["2019", "2021"]));
});

describe.each(inputs)("fixture %s", (file) => {
  const exp = expectedOf(file);
  const { report, findings } = analyzeInput(new Uint8Array(readFileSync(join(DIR, file))), {
    filename: file,
  });

  it("reads edition, year, issuedOn and organ", () => {
    expect(report.edition).toBe(exp.edition);
    expect(report.year).toBe(exp.year);
    expect(report.issuedOn).toBe(exp.issuedOn);
    expect(report.organ === exp.organ || report.organ.endsWith(exp.organ)).toBe(true);
  });

  it("reads every cell exactly, or lists the truth among the alternatives of an ambiguous split", () => {
    const wrong = cellRefs(exp.edition)
      .filter((ref) => {
        const truth = getCell(exp, ref);
        return getCell(report, ref) !== truth && !explained(findings, cellPointer(ref), ref.column, truth);
      })
      .map((ref) => `${cellPointer(ref)}: ${String(getCell(report, ref))} ≠ ${String(getCell(exp, ref))}`);
    expect(wrong).toEqual([]);
  });

  it("reports exactly the expected errors, and the expected finding codes", () => {
    const errors = findings.filter((f) => f.severity === "error").map((f) => f.path);
    expect(errors.sort()).toEqual([...(exp.expect?.errors ?? [])].sort());
    for (const code of exp.expect?.codes ?? []) expect(findings.map((f) => f.code)).toContain(code);
  });
});
