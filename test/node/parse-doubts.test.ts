// A parse doubt is never silent and never an error: a row damaged the ways real copies damage rows raises no error the undamaged report lacks, and each of its cells is read right or named in a warning.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { cellPointer, cellRefs, getCell } from "../../src/core/cells.ts";
import type { Finding, Report } from "../../src/core/model.ts";
import { reportArb } from "../support/parse-arbitraries.ts";
import {
  blankZeros,
  DAMAGES,
  type Damage,
  damageableRows,
  damagedText,
} from "../support/parse-damage-ways.ts";
import { writeReport } from "../support/parse-layouts.ts";

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures/seeds");
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => ({ name: f, report: analyzeInput(new Uint8Array(readFileSync(join(SEEDS, f)))).report }));

const DOUBT = /^(parse\.|rule\.uncertain$)/;
const key = (f: Finding) => `${f.code} ${f.path}`;
const covers = (f: Finding, path: string) => path === f.path || path.startsWith(`${f.path}/`);

/**
 * What the damage broke: errors the undamaged text does not raise, and cells read wrong with no warning about them
 * (a blank read as 0 counts as right where a parse finding notes the cell was inferred or placed).
 */
function broken(model0: Report, damage: Damage, rowIndex: number, mask: number): string[] | undefined {
  const model = structuredClone(model0);
  const rows = damageableRows(model.edition);
  const row = rows[rowIndex % rows.length] as (typeof rows)[number];
  if (damage === "padded" || damage === "short") blankZeros(model, row, mask);
  const text = damagedText(model, damage, row);
  if (text === undefined) return undefined;
  const clean = analyzeInput(writeReport(model, damage === "padded" ? "markdown" : "tabs"));
  const hurt = analyzeInput(text);
  const before = new Set(clean.findings.filter((f) => f.severity === "error").map(key));
  const out = hurt.findings
    .filter((f) => f.severity === "error" && !before.has(key(f)))
    .map((f) => `new error ${key(f)}: ${f.message}`);
  for (const ref of cellRefs(model.edition)) {
    const truth = getCell(model, ref);
    const read = getCell(hurt.report, ref);
    if (read === truth) continue;
    const path = cellPointer(ref);
    // A doubt the parser states (cell.blank only says a cell is blank, not that its place was guessed).
    if (hurt.findings.some((f) => f.severity !== "info" && DOUBT.test(f.code) && covers(f, path))) continue;
    const noted = hurt.findings.some((f) => f.code.startsWith("parse.") && covers(f, path));
    if ((truth ?? 0) === (read ?? 0) && noted) continue;
    out.push(`${path}: ${String(truth)} read as ${String(read)} with no warning`);
  }
  return out.length > 0 ? [`${damage} ${row.table}/${row.path.join("/")}`, ...out] : [];
}

describe("a damaged row is read right or flagged, never a new error", () => {
  describe.each(seeds)("seed $name", ({ report }) => {
    it.each(DAMAGES)("damaged by %s, row by row", (damage) => {
      const rows = damage === "appeals-run" ? 1 : damageableRows(report.edition).length;
      let tried = 0;
      const bad: string[][] = [];
      for (let i = 0; i < rows; i++) {
        const r = broken(report, damage, i, 0b1011010);
        if (r === undefined) continue;
        tried++;
        if (r.length > 0) bad.push(r);
      }
      expect(bad).toEqual([]);
      if (damage !== "appeals-run") expect(tried).toBeGreaterThan(0);
    });
  });

  it("holds for any consistent report, any damage, any row and any blank cells", () => {
    fc.assert(
      fc.property(
        reportArb({ blanks: true }),
        fc.constantFrom(...DAMAGES),
        fc.nat(60),
        fc.nat(127),
        (report, damage, row, mask) => {
          expect(broken(report, damage, row, mask) ?? []).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
