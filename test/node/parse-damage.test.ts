// Damage classes seen in real reports (test/fixtures/real-found/tune): each read right by a rule, or left a flagged doubt.
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
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

/** Table 三 of the 2021 form run together on one line (crawler text): every row 「0000000」 unless given (by row index). */
const TABLE3_LABELS_2021 = [
  "一、本年新收政府信息公开申请数量",
  "二、上年结转政府信息公开申请数量",
  "三、本年度办理结果（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  "（三）不予公开1.属于国家秘密",
  "2.其他法律行政法规禁止公开",
  "3.危及“三安全一稳定”",
  "4.保护第三方合法权益",
  "5.属于三类内部事务信息",
  "6.属于四类过程性信息",
  "7.属于行政执法案卷",
  "8.属于行政查询事项",
  "（四）无法提供1.本机关不掌握相关政府信息",
  "2.没有现成信息需要另行制作",
  "3.补正后申请内容仍不明确",
  "（五）不予处理1.信访举报投诉类申请",
  "2.重复申请",
  "3.要求提供公开出版物",
  "4.无正当理由大量反复申请",
  "5.要求行政机关确认或重新出具已获取信息",
  "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  "3.其他",
  "（七）总计",
  "四、结转下年度继续办理",
];
/** The same with the 2019 form's single （六）其他处理 row in place of the three 2021 rows. */
const SINGLE_OTHER_LABELS = [
  ...TABLE3_LABELS_2021.slice(0, 20),
  "（六）其他处理",
  ...TABLE3_LABELS_2021.slice(23),
];
const table3Run = (rows: Record<number, string> = {}, labels: readonly string[] = TABLE3_LABELS_2021) =>
  labels.map((label, i) => `${label}${rows[i] ?? "0000000"}`).join("");

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

describe("crawler text with its section headings in the body", () => {
  const body = (appealsHeading: string) =>
    [
      "某区社会事业局2023年政府信息公开工作年度报告",
      `一、总体情况2023年，我局依法公开政府信息，行政复议和行政诉讼工作稳步推进，全年办理35件事项，其中4件涉及复议。我局坚持以公开为常态、不公开为例外，围绕中心工作，及时准确公开政府信息，认真回应社会关切，持续加强政务公开平台建设，规范政府信息公开申请办理流程，按时答复申请人，进一步提升政务公开的质量和效果，切实保障人民群众的知情权、参与权、表达权和监督权。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计一、本年新收政府信息公开申请数量1000001${appealsHeading}行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000003001410001五、存在的主要问题及改进情况工作仍有不足，我局将持续改进，进一步完善政府信息公开制度，提升公开质量和实效，加强业务培训。`,
    ].join("\n");

  it("finds 「四、政府信息公开行政法复议、行政诉讼情况」 (a stray character) as the heading of table 四", () => {
    for (const heading of [
      "四、政府信息公开行政复议、行政诉讼情况",
      "四、政府信息公开行政法复议、行政诉讼情况",
    ]) {
      const { report, findings } = parseReport(body(heading), "text");
      expect(report.appeals.litigationDirect).toEqual({
        upheld: 3,
        corrected: 0,
        other: 0,
        pending: 1,
        total: 4,
      });
      expect(report.appeals.litigationAfterReview.total).toBe(1);
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    }
  });
});

describe("a 2021 report whose table 二 keeps the 2019 columns", () => {
  it("reads table 二 in the columns it is written in and maps them, never a 2019 run as a 2021 cell", () => {
    const { report, findings } = parseReport(
      [
        "某区社会事业局2021年政府信息公开工作年度报告",
        "一、总体情况",
        "2021年，我局依法公开政府信息。",
        "二、主动公开政府信息情况",
        "第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000行政规范性文件5512",
        "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可30+1",
        "第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚7400行政强制000",
        "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1",
        "（一）予以公开 1 0 0 0 0 0 1",
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0",
        "3.其他 0 0 0 0 0 0 0",
        "（七）总计 1 0 0 0 0 0 1",
      ].join("\n"),
      "text",
    );
    expect(report.edition).toBe("2021");
    expect(report.proactive).toMatchObject({
      // 本年废止件数 is the 本年新公开数量 printed in its place: read, as a doubt.
      normativeDocuments: { issued: 5, repealed: 5, inForce: 12 },
      licensing: { decisions: 1 },
      penalties: { decisions: 0 },
      fees: { amountWan: null },
    });
    expect(codesAt(findings, "/proactive")).toContain("edition.mix");
    expect(codesAt(findings, "/proactive/fees/amountWan")).toContain("parse.cell-missing");
    expect(codesAt(findings, "/proactive/normativeDocuments/repealed")).toContain("parse.column-by-position");
  });
});

describe("crawler text: cells and labels run together", () => {
  it("reads a sign word glued between two cells (「16减12」) as a negative change, never as digits to split", () => {
    const { report } = parseReport(
      report2019("2019年，我局依法公开政府信息。", [
        "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费16减12第二十条第（九）项",
      ]),
      "text",
    );
    expect(report.proactive).toMatchObject({ fees: { lastYear: 16, change: -12 } });
  });

  it("cuts labels of rows written with no cells from the next row's label (「…申请3.其他（七）总计3000003」)", () => {
    const { report } = parseReport(
      [
        "某区司法局2022年政府信息公开工作年度报告",
        "一、总体情况",
        "2022年，我局收到申请3件。",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量3000003二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开3000003（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请3.其他（七）总计3000003四、结转下年度继续办理0000000",
      ].join("\n"),
      "text",
    );
    expect(report.requests.handledTotal.total).toBe(3);
    expect(report.requests.otherHandling).toMatchObject({
      unpaidFee: { total: null },
      other: { natural: null },
    });
  });
});

describe("crawler text: a run no split of which keeps its total", () => {
  it("splits （七）总计 by the table's column sums when the other rows are read as written, and keeps the agency's errors", () => {
    // 部分公开 「7100007」 carries a stray 1 under 商业企业 (R2 fails as written); 「171000017」 has no split keeping its
    // own total, and only 17/1/0/0/0/0/17 equals the results column by column (R3), so R1 fails in 商业企业.
    const { report, findings } = analyzeInput(
      [
        "某区住房和城乡建设局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "2023年，我局收到政府信息公开申请17件。",
        "三、收到和处理政府信息公开申请情况",
        table3Run({
          0: "170000017",
          2: "5000005",
          3: "7100007",
          12: "4000004",
          22: "1000001",
          23: "171000017",
        }),
      ].join("\n"),
    );
    expect(report.requests.handledTotal).toEqual({
      natural: 17,
      commercial: 1,
      research: 0,
      nonprofit: 0,
      legal: 0,
      otherOrg: 0,
      total: 17,
    });
    expect(codesAt(findings, "/requests/handledTotal")).toEqual(["parse.digits-split"]);
    expect(
      findings
        .filter((f) => f.severity === "error")
        .map((f) => f.path)
        .sort(),
    ).toEqual([
      "/requests/handledTotal/total",
      "/requests/partiallyGranted/total",
      "/requests/received/commercial",
    ]);
  });

  it("leaves the split a doubt when another row's reading was chosen too", () => {
    // 予以公开 written with two of its seven cells (「5 5」) is placed by choice: the column sums are then no written
    // fact to split （七）总计 by.
    const { findings } = analyzeInput(
      [
        "某区住房和城乡建设局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "2023年，我局依法办理政府信息公开申请。",
        "三、收到和处理政府信息公开申请情况",
        table3Run({ 0: "170000017", 2: "5 5", 3: "7100007", 12: "4000004", 22: "1000001", 23: "171000017" }),
      ].join("\n"),
    );
    expect(findings.filter((f) => f.severity === "error" && f.path.endsWith("/commercial"))).toEqual([]);
    expect(codesAt(findings, "/requests/handledTotal")).toContain("parse.digits-guessed");
  });
});

describe("a 2021 table with the 2019 form's single （六） row", () => {
  it("has no 1./2. rows to miss: an R3 failure through （六） stays the agency's error", () => {
    const { report, findings } = analyzeInput(
      [
        "某区片区管理局2021年度政府信息公开工作年度报告",
        "一、总体情况",
        "2021年，我局未收到政府信息公开申请。",
        "二、主动公开政府信息情况",
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件000第二十条第（五）项信息内容本年处理决定数量行政许可0第二十条第（六）项信息内容本年处理决定数量行政处罚0行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0",
        `三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他${table3Run({ 21: "1000001" }, SINGLE_OTHER_LABELS)}`,
      ].join("\n"),
    );
    expect(report.edition).toBe("2021");
    expect(report.requests.otherHandling).toMatchObject({
      other: { total: 0 },
      noCorrection: { total: null },
    });
    expect(codesAt(findings, "/requests/otherHandling/noCorrection")).not.toContain("parse.row-missing");
    expect(
      findings
        .filter((f) => f.severity === "error")
        .map((f) => f.path)
        .sort(),
    ).toEqual([
      "/requests/handledTotal/natural",
      "/requests/handledTotal/total",
      "/requests/received/natural",
      "/requests/received/total",
    ]);
  });
});

describe("crawler text: a sentence run on before a table's header", () => {
  it("reads the sentence as the section's prose (its figure checked against table 三), never as cells", () => {
    const { report, findings } = analyzeInput(
      [
        "某区经济发展局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "2023年，我局依法公开政府信息。",
        `三、收到和处理政府信息公开申请情况2023年，共收到政府信息公开申请0条。（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他${table3Run({ 0: "3000003", 2: "3000003", 23: "3000003" })}`,
      ].join("\n"),
    );
    expect(report.requests.received.total).toBe(3);
    expect(report.sections.find((s) => s.role === "requests")?.blocks[0]?.text).toBe(
      "2023年，共收到政府信息公开申请0条。",
    );
    expect(findings.filter((f) => f.code === "prose.mismatch").map((f) => f.actual)).toEqual([0]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("crawler text: prose glued right after a table's last cells", () => {
  it("reads the cells after a row label or header, and leaves the year that opens the prose as text", () => {
    const { report } = parseReport(
      [
        "某区市场监督管理局2025年政府信息公开工作年度报告",
        "一、总体情况",
        "2025年，我局依法公开政府信息。",
        "二、主动公开政府信息情况",
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000第二十条第（六）项信息内容本年处理决定数量行政处罚187行政强制42第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费02025年，我局严格按照《条例》规定的主动公开范围公开信息。",
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计10000100000000000我局严格规范政府信息公开流程。",
      ].join("\n"),
      "text",
    );
    expect(report.proactive).toMatchObject({ penalties: { decisions: 187 }, fees: { amountWan: 0 } });
    expect(report.appeals.review).toEqual({ upheld: 10, corrected: 0, other: 0, pending: 0, total: 10 });
    expect(report.appeals.litigationAfterReview.total).toBe(0);
  });
});
