// The workbench's HTML view of a report (src/web/tables-html.ts): places in words, marks, sources, escaping.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cellRefs } from "../../src/core/cells.ts";
import type { Finding, Report } from "../../src/core/model.ts";
import { articleOf, fragmentHtml } from "../../src/web/fragment.ts";
import { findingsHtml, marksOf, placeOf, sourceHtml, tablesHtml } from "../../src/web/tables-html.ts";

const report = JSON.parse(
  readFileSync(new URL("../fixtures/validate/report-2021.json", import.meta.url), "utf8"),
) as Report;
const finding = (path: string, severity: Finding["severity"] = "error"): Finding => ({
  severity,
  code: "test.code",
  path,
  message: `<b>${path}</b>`,
});

describe("workbench view", () => {
  it("names every cell, row and field in words, never as a bare pointer", () => {
    for (const ref of cellRefs(report.edition)) {
      const place = placeOf(report, `/${ref.table}/${[...ref.row, ref.column].join("/")}`);
      expect(place).toMatch(/^表[二三四]「.+」行「.+」栏$/);
    }
    expect(placeOf(report, "/requests/handledTotal/total")).toBe("表三「（七）总计」行「总计」栏");
    expect(placeOf(report, "/requests/notProcessed/excessive")).toBe(
      "表三「（五）不予处理 4.无正当理由大量反复申请」行",
    );
    expect(placeOf(report, "/organ")).toBe("机关名称");
    expect(placeOf(report, "/sections/1/blocks/0/text")).toMatch(/^「.+」第 1 段$/);
    expect(placeOf(report, "/nothing/here")).toBe("报告");
  });

  it("marks an error cell aria-invalid, a row-level warning lightly on its cells, info not at all", () => {
    const html = tablesHtml(report, [
      finding("/requests/granted/natural"),
      finding("/requests/withheld/stateSecret", "warning"),
      finding("/appeals/review/total", "info"),
    ]);
    expect(html).toMatch(
      /<td class="err"><input data-path="\/requests\/granted\/natural"[^>]*aria-invalid="true" aria-describedby="f0">/,
    );
    expect(html).toMatch(
      /<td class="warn"><input data-path="\/requests\/withheld\/stateSecret\/legal"[^>]*aria-describedby="f1">/,
    );
    expect(html).not.toMatch(/data-path="\/requests\/withheld\/stateSecret\/legal"[^>]*aria-invalid/);
    expect(html).toMatch(/<td><input data-path="\/appeals\/review\/total"/);
    expect(html.match(/aria-invalid/g)).toHaveLength(1);
    expect(
      marksOf(report.edition, [
        finding("/requests/granted/natural", "warning"),
        finding("/requests/granted/natural"),
      ]).get("/requests/granted/natural"),
    ).toEqual({ severity: "error", ids: ["f0", "f1"] });
  });

  it("escapes what the report and the findings say", () => {
    const hostile = { ...report, organ: "<script>x</script>" } as Report;
    const list = findingsHtml(hostile, [finding('/sections/0/heading"><img src=x>')]);
    expect(list).not.toMatch(/<img|<b>/);
    expect(list).toContain("&lt;b&gt;");
    expect(sourceHtml({ line: 3, column: 2, length: 2, text: "a<b>c" })).toBe(
      '第 3 行、第 2 列：<q class="src">a<mark>&lt;b</mark>&gt;c</q>',
    );
    expect(sourceHtml(undefined)).toBeNull();
  });

  it("marks the value read in its source line", () => {
    expect(sourceHtml({ line: 46, column: 8, length: 2, text: "\t（七）总计\t42\t3" })).toContain(
      "<mark>42</mark>",
    );
    expect(sourceHtml({ line: 5, column: 30, length: 2, text: "42", page: 2 })).toBe(
      '第 2 页、第 5 行、第 30 列：<q class="src"><mark>42</mark></q>',
    );
  });

  it("cuts the article out of a rendered page for the fragment", () => {
    const page =
      "<html><head><style>@font-face{}</style></head><body><main><article><h1>报告</h1></article></main></body></html>";
    expect(articleOf(page)).toBe("<article><h1>报告</h1></article>");
    expect(articleOf("<html></html>")).toBeNull();
    expect(fragmentHtml("<article></article>", "https://x.test/ui/report.css?v=1", 'a"b')).toBe(
      '<link rel="stylesheet" href="https://x.test/ui/report.css?v=1">\n<div class="nianbao-report" lang="zh-CN" data-title="a&quot;b">\n<article></article>\n</div>\n',
    );
  });
});
