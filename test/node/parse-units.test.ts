// Parser pieces: run-together digit splits, decoding, input kinds, page marks, signatures, organs, blanks and errors.
import { describe, expect, it } from "vitest";
import { detectKind } from "../../src/core/analyze.ts";
import { NianbaoError } from "../../src/core/errors.ts";
import { withoutCrawlerChrome, withoutTitleRepeat } from "../../src/core/parse/crawler-chrome.ts";
import { decodeInput } from "../../src/core/parse/decode.ts";
import { splitDigits } from "../../src/core/parse/digits-split.ts";
import { parseReport } from "../../src/core/parse/index.ts";
import { cleanLines } from "../../src/core/parse/lines.ts";
import { findTitle, organFromBody, organFromTitle } from "../../src/core/parse/metadata.ts";
import { findSignature } from "../../src/core/parse/signature.ts";
import { stripWordStyles } from "../../src/core/parse/word-styles.ts";

const r2 = (vals: readonly number[]) =>
  vals.length < 7 || vals.slice(0, 6).reduce((a, b) => a + b, 0) === vals[6];

describe("splitDigits", () => {
  it("splits 640020470 into seven cells that satisfy R2", () => {
    expect(splitDigits(["640020470"], { cells: 7, accept: r2 })).toEqual([[64, 0, 0, 2, 0, 4, 70]]);
  });

  it("splits a table-四 row of fifteen cells with R4 per group", () => {
    const r4 = (v: readonly number[]) =>
      v.length % 5 !== 0 || v.slice(-5, -1).reduce((a, b) => a + b, 0) === v[v.length - 1];
    const out = splitDigits(["10203120001200000"], { cells: 15, accept: r4 });
    expect(out).toContainEqual([1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
    for (const s of out) expect(s).toHaveLength(15);
  });

  it("never makes a number with a leading zero, and keeps decimals only where allowed", () => {
    expect(splitDigits(["0010"], { cells: 3 })).toEqual([[0, 0, 10]]);
    const money = splitDigits(["4213.84"], { cells: 2, decimal: (i) => i === 1 });
    expect(money).toEqual([
      [4, 213.84],
      [42, 13.84],
      [421, 3.84],
    ]);
  });
});

describe("decodeInput and detectKind", () => {
  it("decodes UTF-8 with and without BOM, GB18030, and rejects garbage", () => {
    const utf8 = new TextEncoder().encode("政府信息公开");
    expect(decodeInput(utf8)).toBe("政府信息公开");
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe("政府信息公开");
    const gb = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]);
    expect(decodeInput(gb)).toBe("政府信息公开");
    try {
      decodeInput(new Uint8Array([0x41, 0x80, 0xff, 0x81, 0x42]));
      expect.unreachable();
    } catch (e) {
      expect((e as NianbaoError).code).toBe("unreadable_encoding");
    }
  });

  it("tells JSON, HTML and text apart by content", () => {
    expect(detectKind(' {"edition":"2019"}')).toBe("json");
    expect(detectKind("<!DOCTYPE html><html><body></body></html>")).toBe("html");
    expect(detectKind("标题\n<table><tr><td>规章</td></tr></table>")).toBe("html");
    expect(detectKind("一、总体情况\n规章\t0\t0\t0")).toBe("text");
  });
});

describe("text clean-up and metadata", () => {
  it("drops page marks, Word PAGE fields and portal chrome", () => {
    const lines = cleanLines(
      [
        "首页 > 政务公开 > 年报",
        "正文",
        "- 2 -",
        "— 3 —",
        "PAGE 7",
        "PAGE",
        "8",
        "第2页 共8页",
        "【打印】【关闭】",
        "\t0",
      ].join("\n"),
    );
    expect(lines).toEqual(["正文", "\t0"]);
  });

  it("takes issuedOn only from a signature at the end", () => {
    expect(findSignature(["正文", "", "永康市商务局", "2021年1月25日"])).toMatchObject({
      issuedOn: "2021-01-25",
      organ: "永康市商务局",
    });
    expect(findSignature(["某局 二〇二二年一月五日"])).toMatchObject({
      issuedOn: "2022-01-05",
      organ: "某局",
    });
    expect(findSignature(["2021年1月25日，我局召开会议。", "无。"])).toBeUndefined();
  });

  it("cuts Word's style sheet copied into crawler text, with the settings before it", () => {
    const sheet =
      'Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE /* Style Definitions */ table.MsoNormalTable {mso-style-name:普通表格; font-family:"Times New Roman","serif";}';
    expect(stripWordStyles(`某区君山片区管理局 2022年1月7日 ${sheet} 附件下载`)).toBe(
      "某区君山片区管理局 2022年1月7日  附件下载",
    );
    expect(stripWordStyles(`甲 ${sheet} 乙 ${sheet} 丙`)).toBe("甲  乙  丙");
    // A marker with no rule after it within reach: only the marker goes.
    expect(stripWordStyles(`甲 /* Style Definitions */ 乙${"丁".repeat(5000)}}`)).toBe(
      `甲  乙${"丁".repeat(5000)}}`,
    );
    const sig = parseReport(
      `某区君山片区管理局2021年政府信息公开工作年度报告 一、总体情况 2021年，我局依法公开政府信息。${"本局持续推进政务公开。".repeat(40)} 六、其他需要报告的事项 本年度没有产生信息公开处理费。 某区君山片区管理局 2022年1月7日 ${sheet} 附件下载`,
      "text",
    );
    expect(sig.report.issuedOn).toBe("2022-01-07");
  });

  it("never takes a cited notice's title in 《》 for the report's title", () => {
    const { report } = parseReport(
      [
        "根据《某省人民政府办公厅关于做好2022年政府信息公开工作年度报告编制发布工作的通知》要求，现公布本年度报告。",
        "一、总体情况",
        "2022年，某县统计局依法公开政府信息。",
        "二、主动公开政府信息情况",
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件000",
      ].join("\n"),
      "text",
    );
    expect(report.organ).toBe("某县统计局");
    expect(report.title).toBe("某县统计局2022年度政府信息公开工作年度报告");
    // Outside the brackets the same words are the title.
    const own = parseReport(
      [
        "根据《条例》，现公布某县统计局2022年度政府信息公开工作年度报告。",
        "一、总体情况",
        "2022年，本局依法公开政府信息。",
      ].join("\n"),
      "text",
    );
    expect(own.report.organ).toBe("某县统计局");
  });

  it("takes crawler and portal chrome out of the preamble, and the title repeated at its head", () => {
    const title = "某区交通与建设局2021年度政府信息公开工作年度报告";
    const body = "根据《中华人民共和国政府信息公开条例》，我局编制了本报告。";
    const chrome = withoutCrawlerChrome([
      "原文链接: https://example.org/t20220110_80603.htm",
      "本地目录: zwgk/zfxxgknb/202201/80603_某区交通与建设局",
      "页面链接与图片详见 links.tsv(同目录)",
      "==================== 正文 ====================",
      `当前位置： 首页政务公开政府信息公开 ${title} 来源： 时间：2022-01-10 08:51 --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： ${body}`,
      "索引号\t014314799/2024-00002\t分类\t信息公开年报",
      "发布机构\t某区交通与建设局\t公开日期\t2024-01-17",
      "文号\t\t关键词\t",
      "",
      "来源：本局。",
    ]);
    expect(chrome).toEqual([body, "", "来源：本局。"]);
    expect(
      withoutTitleRepeat(
        [
          `${title} 来源： 时间：2021-01-28 09:43 --> 微信 文件下载 相关链接： 某区交通与建设局2021年度 政府信息公开工作年度报告 ${body}`,
        ],
        title,
      ),
    ).toEqual([body]);
    expect(withoutTitleRepeat([`某交发〔2022〕2号 ${title} ${body}`], title)).toEqual([
      "某交发〔2022〕2号",
      body,
    ]);
    // A body line that merely mentions the title later on is kept whole.
    const mention = `我局按要求编制了${title}，${body}`;
    expect(withoutTitleRepeat([mention], title)).toEqual([mention]);
  });

  it("takes a signature run on at the end of a one-line body, after page furniture is taken off", () => {
    const body = "六、其他需要报告的事项本年度没有产生信息公开处理费。";
    const cases: [string, string, string | undefined][] = [
      [
        `${body} 某区交通局 2022年1月7日 （联系人：王某，联系方式：0591-1234567） 附件下载`,
        "2022-01-07",
        "某区交通局",
      ],
      [`${body} 某区交通局2025年1月26日（此件主动公开）`, "2025-01-26", "某区交通局"],
      [
        `${body} 此函 某区片区管理局 2022年1月7日 某片区管理局党政办公室 2022年1月7日印发`,
        "2022-01-07",
        "某区片区管理局",
      ],
      [
        `${body} 某区市场监督管理局 2022年1月7日抄送：驻区纪检监察组。某区市场监督管理局办公室 2022年1月7日印发 附件下载`,
        "2022-01-07",
        "某区市场监督管理局",
      ],
      [
        `${body} 某区经济发展局 2022年1月13 日 某区经济发展局办公室 2022年1月13日印发 附件下载`,
        "2022-01-13",
        "某区经济发展局",
      ],
      ["六、其他需要报告的事项无某区行政审批局 2021年1月19日 附件下载", "2021-01-19", undefined],
    ];
    for (const [line, issuedOn, organ] of cases) {
      const sig = findSignature(["一、总体情况", line]);
      expect(sig?.issuedOn).toBe(issuedOn);
      expect(sig?.organ).toBe(organ);
      expect(line.slice(0, sig?.cut?.at)).toMatch(/事项/);
      expect(line.slice(0, sig?.cut?.at)).not.toMatch(/\d{4}年\d+月/);
    }
    // A sentence that ends in a date is no signature.
    expect(findSignature(["一、总体情况", `${body}本报告经审定于2022年1月7日`])).toBeUndefined();
    expect(findSignature(["一、总体情况", `${body}统计期限为2021年1月1日至2021年12月31日`])).toBeUndefined();
  });

  it("reads the organ from titles of several shapes", () => {
    expect(organFromTitle("永康市商务局2020年度政府信息公开工作年度报告")).toBe("永康市商务局");
    expect(organFromTitle("2021年度杭州市财政局政府信息公开工作年度报告")).toBe("杭州市财政局");
    expect(organFromTitle("北京市海淀区人民政府关于2021年政府信息公开工作年度报告")).toBe(
      "北京市海淀区人民政府",
    );
    expect(organFromTitle("某市统计局政府信息公开工作年度报告（2021年）")).toBe("某市统计局");
    // A page's field label before the title is no part of the organ.
    expect(organFromTitle("标题: 某区交通与建设局2021年度政府信息公开工作年度报告")).toBe("某区交通与建设局");
    expect(organFromTitle("名称某县发展和改革局2023年政府信息公开工作年度报告")).toBe("某县发展和改革局");
    expect(
      findTitle(["标题: 某区交通与建设局2021年度政府信息公开工作年度报告", "发布时间: 2022-01-10"])?.title,
    ).toBe("某区交通与建设局2021年度政府信息公开工作年度报告");
    // A place line above a labelled title line is page chrome, not part of the title.
    expect(findTitle(["某区某镇", "标题: 某镇人民政府2020年政府信息公开工作年度报告"])?.title).toBe(
      "某镇人民政府2020年政府信息公开工作年度报告",
    );
    // The report speaking of itself inside a phrase is no organ.
    expect(organFromBody(["2020年，未有针对我局的政府信息公开申请。"])).toBeUndefined();
    expect(
      organFromBody(["2020我局认真贯彻落实《条例》，现将我局一年来落实工作情况总结如下。"]),
    ).toBeUndefined();
    expect(findTitle(["名称\t某县发展和改革局2023年政府信息公开年度报告"])?.title).toBe(
      "某县发展和改革局2023年政府信息公开年度报告",
    );
  });

  it("a covering letter's title names the organ before 「关于报送」", () => {
    expect(organFromTitle("某区某片区管理局关于报送2020年度政府信息公开工作年度报告的函")).toBe(
      "某区某片区管理局",
    );
    expect(organFromTitle("某县人民政府办公室关于印发2022年政府信息公开工作年度报告的通知")).toBe(
      "某县人民政府办公室",
    );
  });

  it("a portal's 「栏目：」 line is chrome, never the title or the organ", () => {
    expect(cleanLines("栏目：政府信息公开年报\n所属栏目: 年度报告\n一、总体情况")).toEqual(["一、总体情况"]);
  });

  it("never starts an organ with punctuation left before the title (「》」, 「、」, markdown marks)", () => {
    expect(organFromTitle("》永康市商务局2020年度政府信息公开工作年度报告")).toBe("永康市商务局");
    expect(organFromTitle("》》」、永康市商务局2020年度政府信息公开工作年度报告")).toBe("永康市商务局");
    expect(organFromTitle("## **杭州市财政局2021年政府信息公开工作年度报告")).toBe("杭州市财政局");
  });
});

describe("parseReport", () => {
  const minimal = (body: string[]) =>
    ["2021年度政府信息公开工作年度报告", "一、总体情况", "2021年，我局依法公开政府信息。", ...body].join(
      "\n",
    );

  it("throws not_a_report for text with no report in it, and empty_input for blank text", () => {
    expect(() => parseReport("今天天气很好。\n明天也不错。", "text")).toThrow(NianbaoError);
    try {
      parseReport("今天天气很好。", "text");
    } catch (e) {
      expect((e as NianbaoError).code).toBe("not_a_report");
    }
    try {
      parseReport(" \n\t\n", "text");
    } catch (e) {
      expect((e as NianbaoError).code).toBe("empty_input");
    }
  });

  it("takes the organ from the signature when the title has none", () => {
    const { report, findings } = parseReport(
      minimal(["六、其他需要报告的事项", "无。", "", "某市审计局", "2022年1月10日"]),
      "text",
    );
    expect(report.organ).toBe("某市审计局");
    expect(report.issuedOn).toBe("2022-01-10");
    expect(findings.map((f) => f.code)).toContain("parse.organ-from-signature");
  });

  it("keeps blank cells null and reports an ambiguous split with its alternatives", () => {
    const { report, findings } = parseReport(
      minimal([
        "二、主动公开政府信息情况",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章\t\t\t",
        "行政规范性文件3125",
        "行政许可\t12",
      ]),
      "text",
    );
    expect(report.proactive).toMatchObject({ regulations: { issued: null, repealed: null, inForce: null } });
    expect(report.proactive).toMatchObject({ normativeDocuments: { issued: 3, repealed: 1, inForce: 25 } });
    const amb = findings.find((f) => f.code === "parse.ambiguous");
    expect(amb?.path).toBe("/proactive/normativeDocuments");
    expect(amb?.severity).toBe("warning");
    expect(amb?.alternatives).toContainEqual({ issued: 3, repealed: 12, inForce: 5 });
  });

  it("joins lines a PDF wrapped mid-sentence and tells sub-headings from paragraphs", () => {
    const { report } = parseReport(
      minimal([
        "（一）加强组织领导",
        "我局成立了政务公开工作领导小组，由主要负责人任组长，分管负责人任副组",
        "长，各科室负责人为成员。",
      ]),
      "text",
    );
    const overview = report.sections.find((s) => s.role === "overview");
    expect(overview?.blocks).toEqual([
      { type: "paragraph", text: "2021年，我局依法公开政府信息。" },
      { type: "heading", text: "（一）加强组织领导" },
      {
        type: "paragraph",
        text: "我局成立了政务公开工作领导小组，由主要负责人任组长，分管负责人任副组长，各科室负责人为成员。",
      },
    ]);
  });
});

describe("notes around a table", () => {
  it("keeps prose and remarks written around table 二 as its section's blocks, not the table", () => {
    const { report } = parseReport(
      [
        "某区司法局2020年度政府信息公开工作年度报告",
        "一、总体情况",
        "2020年，某区司法局认真落实《条例》。",
        "二、主动公开政府信息情况",
        "单位：件",
        "第二十条第（一）项",
        "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
        "规章\t0\t0\t0",
        "规范性文件\t16\t16\t40",
        "其中修订16件",
        "三、收到和处理政府信息公开申请情况",
      ].join("\n"),
      "text",
    );
    const proactive = report.sections.find((s) => s.role === "proactive");
    expect(proactive?.blocks.map((b) => b.text)).toEqual(["单位：件", "其中修订16件"]);
    expect(report.proactive).toMatchObject({ normativeDocuments: { made: 16, published: 16, inForce: 40 } });
  });
});

describe("titles over several lines", () => {
  it("joins a place line above the organ line, and an organ line above the year line", () => {
    const body = ["一、总体情况", "2021年，我局依法公开政府信息。"];
    const a = parseReport(
      ["杭州市", "西湖区市场监督管理局", "2021年度政府信息公开工作年度报告", ...body].join("\n"),
      "text",
    );
    expect(a.report.organ).toBe("杭州市西湖区市场监督管理局");
    expect(a.report.title).toBe("杭州市西湖区市场监督管理局2021年度政府信息公开工作年度报告");
    const b = parseReport(["杭州市", "财政局2021年度政府信息公开工作年度报告", ...body].join("\n"), "text");
    expect(b.report.organ).toBe("杭州市财政局");
    const c = parseReport(
      ["网站首页", "政策文件", "杭州市财政局2021年度政府信息公开工作年度报告", ...body].join("\n"),
      "text",
    );
    expect(c.report.organ).toBe("杭州市财政局");
  });
});

describe("unrecognized row labels", () => {
  it("reads a row whose label OCR garbled as the next row in order, with a warning", () => {
    const { report, findings } = parseReport(
      [
        "某县统计局2020年度政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3",
        "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
        "三、本年度办理结果\t（一）予l以公幵\t2\t0\t0\t0\t0\t0\t2",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t0\t1",
      ].join("\n"),
      "text",
    );
    expect(report.requests.granted.total).toBe(2);
    expect(report.requests.partiallyGranted.total).toBe(1);
    expect(findings.find((f) => f.code === "parse.label-by-order")?.path).toBe("/requests/granted");
  });
});

describe("HTML", () => {
  it("reads a one-cell box of prose as blocks and a real table as rows", () => {
    const html = `<html><body><table><tr><td>
      <p>某市档案局2021年度政府信息公开工作年度报告</p><p>一、总体情况</p><p>2021年，某市档案局依法公开政府信息。</p>
      <p>二、主动公开政府信息情况</p></td></tr></table>
      <table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>7</td></tr></table>
      <p>六、其他需要报告的事项</p><p>无。</p></body></html>`;
    const { report } = parseReport(html, "html");
    expect(report.organ).toBe("某市档案局");
    expect(report.sections.map((s) => s.role)).toEqual(["overview", "proactive", "other"]);
    expect(report.proactive).toMatchObject({ licensing: { decisions: 7 } });
  });
});

describe("signature before a portal footer", () => {
  it("finds the date when contact lines and links follow it", () => {
    const { report } = parseReport(
      [
        "某市水利局2021年度政府信息公开工作年度报告",
        "一、总体情况",
        "2021年，某市水利局依法公开政府信息。",
        "六、其他需要报告的事项",
        "无。",
        "某市水利局",
        "2022年1月18日",
        "责任编辑：王某",
        "【我要纠错】",
        "收藏",
        "地址：某市某路1号  电话：0571-00000000",
        "网站标识码：3300000000  浙ICP备00000000号",
      ].join("\n"),
      "text",
    );
    expect(report.issuedOn).toBe("2022-01-18");
  });
});

describe("HTML page title", () => {
  it("uses the page <title> when the body has no title line", () => {
    const html = `<html><head><title>某县林业局2020年度政府信息公开工作年度报告</title></head><body>
      <p>一、总体情况</p><p>本局依法公开政府信息。</p><p>二、主动公开政府信息情况</p></body></html>`;
    const { report } = parseReport(html, "html");
    expect(report.organ).toBe("某县林业局");
    expect(report.year).toBe(2020);
  });
});

describe("HTML inline markup", () => {
  it("keeps a heading split over <font>/<span> runs on one line", () => {
    const html = `<html><body><p><font>某县民政局2021年度政府信息公开工作年度报告</font></p>
      <p><font face="黑体">二、</font><span>主动公开政府信息情况</span></p>
      <table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政<font>许可</font></td><td>3</td></tr></table></body></html>`;
    const { report } = parseReport(html, "html");
    expect(report.sections.map((s) => s.heading)).toEqual(["二、主动公开政府信息情况"]);
    expect(report.proactive).toMatchObject({ licensing: { decisions: 3 } });
  });
});

describe("HTML source line breaks", () => {
  it("drops spaces that source line breaks left between Chinese characters", () => {
    const html =
      "<p>某县民政局2021年度政府信息公开工作年度报告</p><p>一、总体情况</p><p>2021年，本局认真\n贯彻落实《条例》。</p>";
    const { report } = parseReport(html, "html");
    expect(report.sections[0]?.blocks).toEqual([
      { type: "paragraph", text: "2021年，本局认真贯彻落实《条例》。" },
    ]);
  });
});

describe("pdftotext -layout rows", () => {
  it("reads rows padded with long runs of spaces (never taken for prose)", () => {
    const { report } = parseReport(
      [
        "某省教育厅2022年度政府信息公开工作年度报告",
        "    二、主动公开政府信息情况",
        "         信息内容          本年制发件数    本年废止件数    现行有效件数",
        "  规章                                     0             0             0",
        "  行政规范性文件                           8             3            57",
        "    三、收到和处理政府信息公开申请情况",
        "            （二）部分公开（区分处理的，",
        "              只计这一情形，不计其他情形）           17    1    0    0    1    0   19",
        "  （七）总计                                                    207   11    2    3    6    4  233",
      ].join("\n"),
      "text",
    );
    expect(report.proactive).toMatchObject({ regulations: { issued: 0, repealed: 0, inForce: 0 } });
    expect(report.requests.partiallyGranted.total).toBe(19);
    expect(report.requests.handledTotal.total).toBe(233);
  });
});

describe("signature with portal links on the same line", () => {
  it("reads the date and drops the links", () => {
    const { report } = parseReport(
      [
        "某县科学技术局2019年度政府信息公开工作年度报告",
        "一、总体情况",
        "2019年，某县科学技术局依法公开政府信息。",
        "六、其他需要报告的事项",
        "无。",
        "某县科学技术局 2020年1月20日 【打印本页】 【关闭窗口】",
        "主办：某县人民政府办公室 网站标识码：3311220001",
      ].join("\n"),
      "text",
    );
    expect(report.issuedOn).toBe("2020-01-20");
    expect(JSON.stringify(report.sections)).not.toContain("打印");
  });
});
