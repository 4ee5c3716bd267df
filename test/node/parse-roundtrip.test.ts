// Property tests: any consistent model report, written in each supported layout and parsed back, gives the same report (run-together text: the truth is the choice or among the alternatives).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { cellPointer, cellRefs, getCell } from "../../src/core/cells.ts";
import type { Report } from "../../src/core/model.ts";
import { parseReport } from "../../src/core/parse/index.ts";
import { reportArb } from "../support/parse-arbitraries.ts";
import { type Layout, writeReport } from "../support/parse-layouts.ts";

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

describe.each<Layout>(["tabs", "cells", "markdown", "pdf", "lines", "html"])("layout %s", (layout) => {
  it("round-trips every value, blank cells included", () => {
    fc.assert(
      fc.property(reportArb({ blanks: layout !== "pdf" && layout !== "lines", decimals: true }), (report) => {
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

/** Text noise real copies carry: padding spaces in cells, full-width digits, CRLF, BOM, page marks, portal chrome. */
function noisy(text: string, seed: number): string {
  let n = seed;
  const rnd = () => {
    n = (n * 1103515245 + 12345) & 0x7fffffff;
    return n / 0x7fffffff;
  };
  const lines = text.split("\n").flatMap((line) => {
    let l = line.replace(/(^|\t)(\d+)(?=\t|$)/g, (_m, sep: string, d: string) => {
      const r = rnd();
      if (r < 0.15) return `${sep}\u3000\u3000${d}`;
      if (r < 0.3) return `${sep}${d}\u00a0`;
      if (r < 0.4) return `${sep}${d.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}`;
      return `${sep}${d}`;
    });
    if (rnd() < 0.03) l = `${l}\n- ${Math.floor(rnd() * 9) + 2} -`;
    return [l];
  });
  return `\ufeff首页 > 政务公开 > 年报\r\n${lines.join("\r\n")}\r\n【打印本页】【关闭窗口】`;
}

describe("noise", () => {
  it.each<Layout>(["tabs", "cells"])(
    "%s text with padding, full-width digits, CRLF, BOM, page marks and chrome reads the same",
    (layout) => {
      fc.assert(
        fc.property(reportArb({ blanks: true }), fc.integer({ min: 1, max: 1e6 }), (report, seed) => {
          const { report: back } = parseReport(noisy(writeReport(report, layout), seed), "text");
          expect(differences(back, report)).toEqual([]);
        }),
        { numRuns: 30 },
      );
    },
  );
});

describe("a cell missing from a tab row (Word text with a lost cell)", () => {
  it("is inferred exactly or left null with a finding at its row — never a wrong number", () => {
    fc.assert(
      fc.property(reportArb(), fc.nat(), fc.nat(), (report, rowPick, cellPick) => {
        const lines = writeReport(report, "tabs").split("\n");
        const rowIdx = lines
          .map((l, i) => [l, i] as const)
          .filter(([l]) =>
            /^(.*?(申请数量|公开|秘密|稳定|权益|信息|案卷|事项|制作|明确|申请|出版物|处理|总计|办理)[^\t]*)(\t\d+){7}$/.test(
              l,
            ),
          )
          .map(([, i]) => i);
        const at = rowIdx[rowPick % rowIdx.length] as number;
        const cells = (lines[at] as string).split("\t");
        const drop = 1 + (cellPick % 7);
        const label = cells.slice(0, cells.length - 7).join("");
        cells.splice(cells.length - 7 + drop - 1, 1);
        lines[at] = cells.join("\t");
        const { report: back, findings } = parseReport(lines.join("\n"), "text");
        for (const ref of cellRefs(report.edition)) {
          const got = getCell(back, ref);
          const truth = getCell(report, ref);
          if (got === truth) continue;
          const ptr = cellPointer(ref);
          expect(got, `${ptr} (row 「${label}」 lost a cell)`).toBeNull();
          expect(findings.some((f) => f.severity !== "info" && ptr.startsWith(f.path))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("through analyzeInput (parser + rules)", () => {
  it.each<Layout>(["tabs", "cells", "pdf", "html"])(
    "a consistent report written as %s gets no error finding",
    (layout) => {
      fc.assert(
        fc.property(reportArb({ blanks: layout !== "pdf" }), (report) => {
          const { findings } = analyzeInput(writeReport(report, layout));
          expect(findings.filter((f) => f.severity === "error")).toEqual([]);
        }),
        { numRuns: 15 },
      );
    },
  );
});
