// Property tests: any consistent model report, written in each supported layout and parsed back, gives the same report (run-together text: the truth is the choice or among the alternatives).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellPointer, cellRefs, getCell } from "../../src/core/cells.ts";
import type { Report } from "../../src/core/model.ts";
import { parseReport } from "../../src/core/parse/index.ts";
import { reportArb } from "./parse-arbitraries.ts";
import { type Layout, writeReport } from "./parse-layouts.ts";

const META = ["edition", "organ", "year", "issuedOn", "title"] as const;

function parseBack(report: Report, layout: Layout) {
  return parseReport(writeReport(report, layout), layout === "html" ? "html" : "text");
}

function differences(a: Report, b: Report): string[] {
  const out: string[] = [];
  for (const k of META) if (a[k] !== b[k]) out.push(`${k}: ${String(a[k])} ≠ ${String(b[k])}`);
  for (const ref of cellRefs(b.edition)) {
    const x = getCell(a, ref);
    const y = getCell(b, ref);
    if (x !== y) out.push(`${cellPointer(ref)}: ${String(x)} ≠ ${String(y)}`);
  }
  return out;
}

describe.each<Layout>(["tabs", "cells", "markdown", "pdf", "html"])("layout %s", (layout) => {
  it("round-trips every value, blank cells included", () => {
    fc.assert(
      fc.property(reportArb({ blanks: layout !== "pdf", decimals: true }), (report) => {
        const { report: back, findings } = parseBack(report, layout);
        expect(differences(back, report)).toEqual([]);
        expect(findings.filter((f) => f.severity === "error")).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("keeps the section roles and headings", () => {
    fc.assert(
      fc.property(reportArb(), (report) => {
        const back = parseBack(report, layout).report;
        const strip = (r: Report) =>
          r.sections.filter((s) => s.role !== "preamble").map((s) => [s.role, s.heading]);
        expect(strip(back)).toEqual(strip(report));
      }),
      { numRuns: 10 },
    );
  });
});

/** Cells that differ from the truth and are not explained by a parse.ambiguous finding listing the truth. */
function unexplained(report: Report, layout: Layout): string[] {
  const { report: back, findings } = parseBack(report, layout);
  const out: string[] = [];
  for (const k of META) if (k !== "title" && back[k] !== report[k]) out.push(k);
  for (const ref of cellRefs(report.edition)) {
    const truth = getCell(report, ref);
    if (getCell(back, ref) === truth) continue;
    const ptr = cellPointer(ref);
    const amb = findings.find((f) => f.code === "parse.ambiguous" && ptr.startsWith(`${f.path}/`));
    const column = ptr.slice((amb?.path.length ?? 0) + 1);
    const alternatives = (amb?.alternatives ?? []) as Record<string, unknown>[];
    if (!alternatives.some((a) => a[column] === truth))
      out.push(`${ptr}: ${String(getCell(back, ref))} ≠ ${String(truth)}`);
  }
  return out;
}

describe("layout crawler (cells run together)", () => {
  it("tables 三 and 四: every value is the chosen split or among the reported alternatives", () => {
    fc.assert(
      fc.property(reportArb({ maxCount: 200 }), (report) => {
        expect(unexplained(report, "crawler")).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("table 二 with money decimals: the same, and no error finding", () => {
    fc.assert(
      fc.property(reportArb({ decimals: true }), (report) => {
        expect(unexplained(report, "crawler")).toEqual([]);
        const { findings } = parseBack(report, "crawler");
        expect(findings.filter((f) => f.severity === "error")).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
