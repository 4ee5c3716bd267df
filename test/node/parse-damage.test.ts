// Damage classes seen in real reports (test/fixtures/real-found/tune): each read right by a rule, or left a flagged doubt.
import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/core/parse/index.ts";

const report2019 = (overview: string, table2: string[], table3: string[] = []) =>
  [
    "某区财政局2019年政府信息公开工作年度报告",
    "一、总体情况",
    overview,
    "二、主动公开政府信息情况",
    ...table2,
    "三、收到和处理政府信息公开申请情况",
    ...table3,
  ].join("\n");

const codesAt = (findings: { code: string; path: string }[], path: string) =>
  findings.filter((f) => f.path === path).map((f) => f.code);

describe("table 二 of crawler text", () => {
  it("reads a count written with its measure word 笔 apart from its 元 amount", () => {
    const { report } = parseReport(
      report2019("2019年，我局依法公开政府信息。", [
        "第二十条第（九）项 信息内容 采购项目数量 采购总金额 政府集中采购 2笔 984361元",
      ]),
      "text",
    );
    expect(report.proactive).toMatchObject({ procurement: { projects: 2, amountWan: 98.4361 } });
  });

  it("reads a plus sign glued into a run as the start of the 本年增/减 cell (「行政许可0+11」)", () => {
    const { report, sources } = parseReport(
      report2019("2019年，我局依法公开政府信息。", [
        "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可0+11其他对外管理服务事项000",
      ]),
      "text",
    );
    expect(report.proactive).toMatchObject({ licensing: { lastYear: 0, change: 1, decisions: 1 } });
    expect(sources["/proactive/licensing/change"]?.text).toContain("1");
  });

  it("takes the split of a count run into its amount that the prose writes out, and flags it when none does", () => {
    const table = ["第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购215419886元"];
    const backed = parseReport(report2019("今年共发布采购信息21条共5419886元。", table), "text");
    expect(backed.report.proactive).toMatchObject({ procurement: { projects: 21, amountWan: 541.9886 } });
    expect(codesAt(backed.findings, "/proactive/procurement")).toContain("parse.digits-split");
    const alone = parseReport(report2019("今年依法公开采购信息。", table), "text");
    const amb = alone.findings.find((f) => f.path === "/proactive/procurement");
    expect(amb?.code).toBe("parse.ambiguous");
    expect(amb?.severity).toBe("warning");
    expect(amb?.alternatives).toContainEqual({ projects: 21, amountWan: 541.9886 });
  });

  it("never places a markdown row short of a cell from the left: the cell the soft rule cannot place stays a doubt", () => {
    const { report, findings } = parseReport(
      [
        "上海市某局2025年政府信息公开工作年度报告",
        "一、总体情况",
        "2025年，我局依法公开政府信息。",
        "二、主动公开政府信息情况",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "|---|---|---|---|",
        "| 规章 | 22 | 235 |",
        "| 行政规范性文件 | 34 | 55 | 189 |",
      ].join("\n"),
      "text",
    );
    expect(report.proactive).toMatchObject({
      regulations: { issued: null, repealed: null, inForce: 235 },
      normativeDocuments: { issued: 34, repealed: 55, inForce: 189 },
    });
    expect(codesAt(findings, "/proactive/regulations/issued")).toContain("parse.cell-missing");
    expect(codesAt(findings, "/proactive/regulations/repealed")).toContain("parse.cell-missing");
  });
});

describe("table 三 of crawler text spaced irregularly", () => {
  it("splits pieces with a leading zero (「10 0 00 0 1」) as run-together digits", () => {
    const { report, findings } = parseReport(
      report2019(
        "2019年，我局收到申请1件。",
        ["规章 0 0 0"],
        [
          "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他",
          "一、本年新收政府信息公开申请数量 10 0 00 0 1二、上年结转政府信息公开申请数量0 00 00 0 0 ",
        ],
      ),
      "text",
    );
    expect(report.requests.received).toEqual({
      natural: 1,
      commercial: 0,
      research: 0,
      nonprofit: 0,
      legal: 0,
      otherOrg: 0,
      total: 1,
    });
    expect(Object.values(report.requests.carriedOver)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(codesAt(findings, "/requests/received")).toContain("parse.digits-split");
  });
});

describe("table 三 in pdftotext's default reading order", () => {
  // One cell a paragraph; a block's labels in one run and its value rows in another (our own PDF through pdftotext).
  const cells = (...xs: (string | number)[]) => xs.flatMap((x) => [String(x), ""]);
  const zeros = cells(0, 0, 0, 0, 0, 0, 0);
  const text = [
    "某区司法局2021年政府信息公开工作年度报告",
    "一、总体情况",
    "2021年，我局收到申请3件。",
    "三、收到和处理政府信息公开申请情况",
    "一、本年新收政府信息公开申请数量",
    "",
    ...cells(3, 0, 0, 0, 0, 0, 3),
    "二、上年结转政府信息公开申请数量",
    "",
    ...zeros,
    "（一）予以公开",
    "",
    ...cells(1, 0, 0, 0, 0, 0, 1),
    "（三）不 4.保护第三方合法权益",
    "予公开 5.属于三类内部事务信息",
    "",
    ...zeros,
    ...cells(1, 0, 0, 0, 0, 0, 1),
    "6.属于四类过程性信息",
    "",
    ...zeros,
    "8.属于行政查询事项",
    "",
    ...zeros,
    ...cells(1, 0, 0, 0, 0, 0, 1),
    ...zeros,
    "（七）总计",
    "",
    ...cells(3, 0, 0, 0, 0, 0, 3),
    "四、结转下年度继续办理",
    "",
    ...zeros,
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
  ].join("\n");

  it("gives each value row to the value-less rows beside it in the official order, marked assembled", () => {
    const { report, findings } = parseReport(text, "text");
    expect(report.requests.withheld.thirdParty.total).toBe(0);
    expect(report.requests.withheld.internalAffairs.total).toBe(1);
    expect(report.requests.withheld.queryMatters.total).toBe(0);
    expect(report.requests.unavailable.notHeld.total).toBe(1);
    expect(report.requests.unavailable.needsCreation.total).toBe(0);
    expect(codesAt(findings, "/requests/unavailable/notHeld")).toContain("parse.row-assembled");
  });
});
