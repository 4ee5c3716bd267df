// Property tests: random consistent tables of both editions pass R1–R5; changing any one count of 三/四 breaks a sum there.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellRefs, emptyTables, getCell, setCell } from "../../src/core/cells.ts";
import { APPEAL_GROUPS, APPLICANT_COLUMNS, requestRows } from "../../src/core/labels.ts";
import type { Edition } from "../../src/core/model.ts";
import { pointer } from "../../src/core/pointer.ts";
import { validateModel } from "../../src/core/validate.ts";

const PARTS = APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);
const OUTER = new Set(["received", "carriedOver", "handledTotal", "carriedForward"]);

/** A consistent model from random result counts, carried-over counts and appeal counts. */
function consistent(edition: Edition, seed: number[]): Record<string, unknown> {
  const model: Record<string, unknown> = {
    edition,
    organ: "示例市商务局",
    year: edition === "2021" ? 2022 : 2020,
  };
  Object.assign(model, emptyTables(edition));
  let i = 0;
  const next = () => seed[i++ % seed.length] ?? 0;
  for (const ref of cellRefs(edition).filter((r) => r.table === "proactive")) setCell(model, ref, next());
  const results = requestRows(edition).filter((r) => !OUTER.has(r.path[0] ?? ""));
  const col = (row: readonly string[], c: string, v: number) =>
    setCell(model, { table: "requests", row, column: c }, v);
  for (const c of PARTS) {
    let handled = 0;
    for (const r of results) {
      const v = next();
      handled += v;
      col(r.path, c, v);
    }
    const forward = next();
    const over = Math.min(next(), handled + forward);
    col(["handledTotal"], c, handled);
    col(["carriedForward"], c, forward);
    col(["carriedOver"], c, over);
    col(["received"], c, handled + forward - over);
  }
  for (const r of requestRows(edition)) {
    const sum = PARTS.reduce(
      (a, c) => a + (getCell(model, { table: "requests", row: r.path, column: c }) as number),
      0,
    );
    col(r.path, "total", sum);
  }
  for (const g of APPEAL_GROUPS) {
    const cell = (column: string, v: number) => setCell(model, { table: "appeals", row: [g.key], column }, v);
    const parts = [next(), next(), next(), next()];
    for (const [j, k] of ["upheld", "corrected", "other", "pending"].entries()) cell(k, parts[j] as number);
    cell(
      "total",
      parts.reduce((a, b) => a + b, 0),
    );
  }
  return model;
}

const counts = fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 40 });

describe.each(["2019", "2021"] as const)("edition %s", (edition) => {
  it("random consistent tables give no error", () => {
    fc.assert(
      fc.property(counts, (seed) => {
        const errors = validateModel(consistent(edition, seed)).findings.filter(
          (f) => f.severity === "error",
        );
        expect(errors).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("changing any one count of tables 三/四 gives an error naming its row or column", () => {
    const refs = cellRefs(edition).filter((r) => r.table !== "proactive");
    fc.assert(
      fc.property(
        counts,
        fc.nat({ max: refs.length - 1 }),
        fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0),
        (seed, at, delta) => {
          const model = consistent(edition, seed);
          const ref = refs[at];
          if (!ref) throw new Error("ref");
          setCell(model, ref, (getCell(model, ref) as number) + delta);
          const row = pointer(ref.table, ...ref.row);
          const errors = validateModel(model).findings.filter((f) => f.severity === "error");
          expect(
            errors.some(
              (f) =>
                f.path.startsWith(`${row}/`) ||
                (f.path.startsWith(`/${ref.table}/`) && f.path.endsWith(`/${ref.column}`)),
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
