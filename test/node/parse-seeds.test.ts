// Every corpus seed text parses to exactly the values of its expected.json, cell by cell, with the findings its `expect` key lists.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { cellPointer, cellRefs, getCell } from "../../src/core/cells.ts";
import { parseReport } from "../../src/core/parse/index.ts";

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures/seeds");
const texts = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .sort();

const expected = (txt: string) =>
  JSON.parse(readFileSync(join(SEEDS, txt.replace(/\.txt$/, ".expected.json")), "utf8"));

it("finds the seed texts", () => {
  expect(texts.length).toBeGreaterThanOrEqual(5);
});

describe.each(texts)("seed %s", (txt) => {
  const exp = expected(txt);
  const bytes = readFileSync(join(SEEDS, txt));
  const { report, findings } = analyzeInput(new Uint8Array(bytes));

  it("reads edition, year, issuedOn and organ", () => {
    expect(report.edition).toBe(exp.edition);
    expect(report.year).toBe(exp.year);
    expect(report.issuedOn).toBe(exp.issuedOn);
    expect(report.organ === exp.organ || report.organ.endsWith(exp.organ)).toBe(true);
  });

  it("reads every cell of tables 二, 三 and 四 exactly", () => {
    const wrong = cellRefs(exp.edition)
      .filter((ref) => getCell(report, ref) !== getCell(exp, ref))
      .map((ref) => `${cellPointer(ref)}: ${String(getCell(report, ref))} ≠ ${String(getCell(exp, ref))}`);
    expect(wrong).toEqual([]);
  });

  it("reports an error exactly where the seed expects one", () => {
    const errors = findings.filter((f) => f.severity === "error").map((f) => f.path);
    expect(errors.sort()).toEqual([...(exp.expect?.errors ?? [])].sort());
  });

  it("keeps the six standard sections in order, with their headings", () => {
    const roles = report.sections.map((s) => s.role).filter((r) => r !== "extra" && r !== "preamble");
    expect(roles).toEqual(["overview", "proactive", "requests", "appeals", "problems", "other"]);
  });
});

describe("seed-specific findings", () => {
  const run = (prefix: string) => {
    const txt = texts.find((t) => t.startsWith(prefix)) as string;
    return analyzeInput(new Uint8Array(readFileSync(join(SEEDS, txt))));
  };

  it("001: the missing cells forced by R1/R3 are filled and reported as info", () => {
    const { findings } = run("001");
    const inferred = findings.filter((f) => f.code === "parse.cell-inferred");
    expect(inferred.length).toBeGreaterThanOrEqual(8);
    expect(inferred.every((f) => f.severity === "info")).toBe(true);
    expect(inferred.map((f) => f.path)).toContain("/requests/withheld/stateSecret");
    expect(findings.filter((f) => f.code === "parse.cell-missing")).toEqual([]);
  });

  it("002: signature date and the money plausibility warning", () => {
    const { report, findings } = run("002");
    expect(report.title).toBe("永康市商务局2020年度政府信息公开工作年度报告");
    expect(
      findings.some((f) => f.path === "/proactive/procurement/amountWan" && f.severity === "warning"),
    ).toBe(true);
    const last = report.sections[report.sections.length - 1];
    expect(JSON.stringify(last?.blocks)).not.toContain("2021年1月25日");
  });

  it("003: the Word PAGE field is not prose, the split title is joined", () => {
    const { report } = run("003");
    expect(report.title).toBe("秀洲区经济信息商务局2019年度政府信息公开工作年度报告");
    expect(JSON.stringify(report.sections)).not.toContain("PAGE");
  });

  it("004: no title line; organ from the body, reported", () => {
    const { findings } = run("004");
    expect(findings.some((f) => f.code === "parse.organ-from-body")).toBe(true);
  });

  it("000: blank applicant cells stay null, and the added sections are kept as extra in order", () => {
    const { report } = run("000");
    expect(report.requests.received.natural).toBeNull();
    expect(report.sections.filter((s) => s.role === "extra").map((s) => s.heading)).toEqual([
      "五、平台建设方面",
      "六、监督保障方面",
    ]);
  });

  it("the parser itself is a pure function of the text", () => {
    const txt = texts[0] as string;
    const text = readFileSync(join(SEEDS, txt), "utf8");
    expect(parseReport(text, "text")).toEqual(parseReport(text, "text"));
  });
});
