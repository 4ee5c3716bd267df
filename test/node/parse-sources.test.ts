// Provenance: every table cell read from text or HTML has a source {line, column, length, text} that contains the value as written; JSON input has none.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeInput, decodeInput } from "../../src/core/analyze.ts";
import { cellPointer, cellRefs, getCell } from "../../src/core/cells.ts";
import { ValidationResult } from "../../src/core/model.ts";
import { sourceProblems } from "./real-corpus.test.ts";

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures");
const inputs = [
  ...readdirSync(join(FIXTURES, "seeds"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => join("seeds", f)),
  ...readdirSync(join(FIXTURES, "parse"))
    .filter((f) => /\.(txt|html)$/.test(f))
    .map((f) => join("parse", f)),
].sort();

describe.each(inputs)("%s", (name) => {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
  const text = decodeInput(bytes);
  const result = analyzeInput(bytes, { filename: name });

  it("answers a sources map that the schema accepts", () => {
    expect(ValidationResult.parse(result).sources).toEqual(result.sources);
  });

  it("has a source for every non-null cell, pointing at the value as written", () => {
    expect(sourceProblems(text, result)).toEqual([]);
  });
});

describe("sources", () => {
  const seed = readdirSync(join(FIXTURES, "seeds")).find((f) => f.endsWith(".txt")) as string;
  const text = readFileSync(join(FIXTURES, "seeds", seed), "utf8");

  it("is {} for JSON input", () => {
    const { report } = analyzeInput(text);
    expect(analyzeInput(JSON.stringify(report)).sources).toEqual({});
  });

  it("gives the 1-based line and column of the value, and the line's text", () => {
    const input = text.replace(/^\ufeff/, "");
    const { sources, report } = analyzeInput(input);
    const lines = input.split(/\r\n|\r|\n/);
    let checked = 0;
    for (const ref of cellRefs(report.edition)) {
      const v = getCell(report, ref);
      const src = sources[cellPointer(ref)];
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || !src) continue;
      expect(src.text).toBe(lines[src.line - 1]);
      expect(lines[src.line - 1]?.slice(src.column - 1, src.column - 1 + src.length)).toBe(String(v));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("counts lines alike with \\n, \\r\\n and lone \\r endings (and a mix: a lone \\r never right before \\n)", () => {
    const input = text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
    const lf = analyzeInput(input).sources;
    expect(Object.keys(lf).length).toBeGreaterThan(50);
    let k = 0;
    const mixed = input.replace(/\n/g, () => ["\n", "\r", "\r\n"][k++ % 3] as string);
    for (const variant of [input.replace(/\n/g, "\r\n"), input.replace(/\n/g, "\r"), mixed]) {
      const sources = analyzeInput(variant).sources;
      expect(Object.keys(sources)).toEqual(Object.keys(lf));
      for (const [path, src] of Object.entries(sources)) {
        expect({ path, line: src.line, column: src.column }).toEqual({
          path,
          line: lf[path]?.line,
          column: lf[path]?.column,
        });
      }
    }
  });

  it("points into the HTML source, not at digits in markup", () => {
    const html = `<html><body><h1>某市某局2024年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>本年度共收到申请3件。</p>
<p>二、主动公开政府信息情况</p>
<table border="1" width="600"><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td style="width:20px">0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>12</td><td>3</td><td>45</td></tr></table>
</body></html>`;
    const { sources, report } = analyzeInput(html);
    expect(getCell(report, { table: "proactive", row: ["normativeDocuments"], column: "issued" })).toBe(12);
    const src = sources["/proactive/normativeDocuments/inForce"];
    expect(src).toBeDefined();
    const lines = html.split("\n");
    expect(src?.line).toBe(6);
    expect(lines[5]?.slice((src?.column ?? 0) - 1, (src?.column ?? 0) + 1)).toBe("45");
    const zero = sources["/proactive/regulations/issued"];
    expect(lines[(zero?.line ?? 0) - 1]?.slice((zero?.column ?? 0) - 2, zero?.column)).toBe(">0");
  });

  it("attaches the source line to findings about a cell", () => {
    const html = `<html><body><h1>某市某局2024年政府信息公开工作年度报告</h1>
<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td>信息内容</td><td>采购项目数量</td><td>采购总金额</td></tr>
<tr><td>政府集中采购</td><td>1.5</td><td>20</td></tr></table>
</body></html>`;
    const { findings } = analyzeInput(html);
    const fraction = findings.find((f) => f.code === "cell.fraction");
    expect(fraction?.path).toBe("/proactive/procurement/projects");
    expect(fraction?.line).toBe(4);
  });
});
