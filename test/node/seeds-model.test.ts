// The corpus seeds' expected models validate with no error, and raising any filled cell of tables 三/四 by 1 is an error there.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cellRefs, getCell, setCell } from "../../src/core/cells.ts";
import { pointer } from "../../src/core/pointer.ts";
import { validateModel } from "../../src/core/validate.ts";

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures/seeds");
const files = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".expected.json"))
  .sort();

/** A seed's expected model without its `expect` key. */
function seed(file: string): Record<string, unknown> {
  const { expect: _expect, ...model } = JSON.parse(readFileSync(join(SEEDS, file), "utf8"));
  return model;
}

it("finds the seeds", () => {
  expect(files.length).toBeGreaterThanOrEqual(5);
});

describe.each(files)("seed %s", (file) => {
  it("validates with no error finding", () => {
    const { findings } = validateModel(seed(file));
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("raising any filled cell of tables 三 and 四 by 1 gives an error naming its row or column", () => {
    const model = seed(file);
    const { report } = validateModel(model);
    const refs = cellRefs(report.edition).filter(
      (r) => r.table !== "proactive" && typeof getCell(report, r) === "number",
    );
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const mutated = structuredClone(model);
      setCell(mutated, ref, (getCell(report, ref) as number) + 1);
      const errors = validateModel(mutated).findings.filter((f) => f.severity === "error");
      const row = pointer(ref.table, ...ref.row);
      const named = errors.filter(
        (f) =>
          f.path === row ||
          f.path.startsWith(`${row}/`) ||
          (f.path.startsWith(`/${ref.table}/`) && f.path.endsWith(`/${ref.column}`)),
      );
      expect(named.length, `${file} ${pointer(ref.table, ...ref.row, ref.column)} +1`).toBeGreaterThan(0);
    }
  });
});

describe("seed notes", () => {
  const byPrefix = (p: string) => files.find((f) => f.startsWith(p)) as string;

  it("000: blank applicant cells stay null (not 0) and are only warnings", () => {
    const { report, findings } = validateModel(seed(byPrefix("000_")));
    expect(report.requests.received.natural).toBeNull();
    expect(report.requests.received.total).toBe(0);
    expect(findings.some((f) => f.code === "cell.blank" && f.path === "/requests/received")).toBe(true);
  });

  it("001: a 2020 report in the 2019 edition is fine", () => {
    const { report, findings } = validateModel(seed(byPrefix("001_")));
    expect([report.year, report.edition]).toEqual([2020, "2019"]);
    expect(findings.filter((f) => f.code === "edition.mix")).toEqual([]);
  });

  it("002: a bare procurement amount of 500000 is kept as written, with a money warning", () => {
    const { report, findings } = validateModel(seed(byPrefix("002_")));
    expect(report.edition === "2019" && report.proactive.procurement.amountWan).toBe(500000);
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: "money.plausibility",
        severity: "warning",
        path: "/proactive/procurement/amountWan",
      }),
    );
  });

  it("003: 规章 above 0 for a 区 body is a warning", () => {
    const { findings } = validateModel(seed(byPrefix("003_")));
    expect(findings.filter((f) => f.code === "regulations.local-body").map((f) => f.path)).toEqual([
      "/proactive/regulations/published",
      "/proactive/regulations/inForce",
    ]);
  });
});
