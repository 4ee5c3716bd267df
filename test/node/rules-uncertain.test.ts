// A parse doubt is never an error: R1–R4 failures on cells the parser read by choice are rule.uncertain warnings; failures that hold as written stay errors.
import { describe, expect, it } from "vitest";
import { type CellRef, setCell } from "../../src/core/cells.ts";
import { finding } from "../../src/core/finding.ts";
import type { Finding, Report } from "../../src/core/model.ts";
import { normalizeReport } from "../../src/core/normalize.ts";
import { checkAndSort } from "../../src/core/validate.ts";
import r2021 from "../fixtures/validate/report-2021.json" with { type: "json" };

const base = (): Report => normalizeReport(structuredClone(r2021)).report;
const req = (row: string[], column: string): CellRef => ({ table: "requests", row, column });
const set = (r: Report, ref: CellRef, v: number | null) =>
  setCell(r as unknown as Record<string, unknown>, ref, v);
const at = (fs: readonly Finding[], path: string) =>
  fs.filter((f) => f.path === path && f.code !== "prose.mismatch");

/** A report whose （一）予以公开 自然人 is one more than R3 allows. */
function broken(): Report {
  const r = base();
  set(r, req(["granted"], "natural"), (r.requests.granted.natural ?? 0) + 1);
  set(r, req(["granted"], "total"), (r.requests.granted.total ?? 0) + 1);
  return r;
}

describe("rule.uncertain", () => {
  const R3 = "/requests/handledTotal/natural";

  it("a failure under the text as written stays an error", () => {
    const { findings } = checkAndSort(broken(), []);
    expect(at(findings, R3).map((f) => [f.severity, f.code])).toEqual([["error", "requests.handled-total"]]);
  });

  for (const [code, path] of [
    ["parse.cell-inferred", "/requests/granted/natural"],
    ["parse.label-by-order", "/requests/granted"],
    ["parse.row-assembled", "/requests/granted"],
    ["parse.blanks-assumed", "/requests/granted"],
    ["parse.cell-missing", "/requests/granted/natural"],
    ["parse.row-missing", "/requests/granted"],
    ["parse.extra-cells", "/requests/granted"],
    ["parse.digits-too-long", "/requests/granted"],
    ["parse.table-missing", "/requests"],
    ["parse.cells-placed", "/requests/granted"],
    ["parse.digits-guessed", "/requests/granted"],
  ] as const) {
    it(`a failure involving a cell marked ${code} is a warning that shows the reading`, () => {
      const doubt = finding(code, path, "…");
      const { findings } = checkAndSort(broken(), [doubt]);
      const f = at(findings, R3);
      expect(f.map((x) => [x.severity, x.code])).toEqual([["warning", "rule.uncertain"]]);
      expect(f[0]?.message).toContain("/requests/granted/natural = ");
      expect(findings.some((x) => x.severity === "error" && x.path === R3)).toBe(false);
    });
  }

  it("a doubt on a cell the failing rule does not involve changes nothing", () => {
    const doubt = finding("parse.label-by-order", "/requests/carriedForward", "…");
    const { findings } = checkAndSort(broken(), [doubt]);
    expect(at(findings, R3).map((f) => f.severity)).toEqual(["error"]);
  });

  it("an ambiguous split stays an error when no other reading makes the rule hold, a warning when one does", () => {
    const r = broken();
    const g = r.requests.granted;
    const row = { ...g };
    const fixes = { ...g, natural: (g.natural ?? 0) - 1, total: (g.total ?? 0) - 1 };
    const keep = { ...g, total: g.total };
    const none = finding("parse.ambiguous", "/requests/granted", "…", {
      alternatives: [row, keep],
    });
    expect(at(checkAndSort(r, [none]).findings, R3).map((f) => f.severity)).toEqual(["error"]);
    const some = finding("parse.ambiguous", "/requests/granted", "…", {
      alternatives: [row, fixes],
    });
    expect(at(checkAndSort(r, [some]).findings, R3).map((f) => f.code)).toEqual(["rule.uncertain"]);
  });

  it("R5 (a negative count) on a cell placed by position is a warning; as written it stays an error", () => {
    const r = base();
    r.requests.carriedOver.natural = -1;
    const path = "/requests/carriedOver/natural";
    const r5 = (fs: readonly Finding[]) => fs.filter((f) => f.path === path);
    expect(r5(checkAndSort(r, []).findings).map((f) => [f.severity, f.code])).toEqual([
      ["error", "cell.negative"],
    ]);
    const doubt = finding("parse.cells-placed", "/requests/carriedOver", "…");
    const settled = r5(checkAndSort(r, [doubt]).findings);
    expect(settled.map((f) => [f.severity, f.code])).toEqual([["warning", "rule.uncertain"]]);
    expect(settled[0]?.message).toContain(`${path} = -1`);
    const none = finding("parse.digits-guessed", "/requests/carriedOver", "…", {
      alternatives: [{ natural: -1 }, { natural: -2 }],
    });
    expect(r5(checkAndSort(r, [none]).findings).map((f) => f.code)).toEqual(["cell.negative"]);
  });

  it("R4 in table 四 read as one run of fifteen cells", () => {
    const r = base();
    r.appeals.review.upheld = (r.appeals.review.upheld ?? 0) + 1;
    const path = "/appeals/review/total";
    expect(at(checkAndSort(r, []).findings, path).map((f) => f.severity)).toEqual(["error"]);
    const doubt = finding("parse.cell-inferred", "/appeals/review/upheld", "…");
    expect(at(checkAndSort(r, [doubt]).findings, path).map((f) => f.code)).toEqual(["rule.uncertain"]);
  });
});
