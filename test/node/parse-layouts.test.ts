// Layout classes seen on government portal pages (test/fixtures/layouts): every cell read right, no error finding.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  proactiveBlocks,
  requestRows,
} from "../../src/core/labels.ts";
import type { Edition } from "../../src/core/model.ts";
import { parseReport } from "../../src/core/parse/index.ts";

type Cells = (number | null)[];
const _ = null;
const Z7: Cells = [0, 0, 0, 0, 0, 0, 0];
const Z5: Cells = [0, 0, 0, 0, 0];

const read = (name: string) => readFileSync(new URL(`../fixtures/layouts/${name}`, import.meta.url), "utf8");

/** Every cell of tables 二, 三 and 四 of an edition: the rows given, every other cell blank. */
function expected(
  edition: Edition,
  proactive: Record<string, Cells>,
  requests: Record<string, Cells> = {},
  appeals: Record<string, Cells> = {},
) {
  const p: Record<string, Record<string, number | null>> = {};
  for (const block of proactiveBlocks(edition))
    for (const r of block.rows)
      p[r.key] = Object.fromEntries(block.columns.map((c, i) => [c.key, proactive[r.key]?.[i] ?? null]));
  const q: Record<string, unknown> = {};
  for (const def of requestRows(edition)) {
    const key = def.path.join("/");
    const row = Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c.key, requests[key]?.[i] ?? null]));
    if (def.path.length === 1) q[def.path[0] as string] = row;
    else {
      const head = def.path[0] as string;
      const group = (q[head] ?? {}) as Record<string, unknown>;
      group[def.path[1] as string] = row;
      q[head] = group;
    }
  }
  const a = Object.fromEntries(
    APPEAL_GROUPS.map((g) => [
      g.key,
      Object.fromEntries(APPEAL_COLUMNS.map((c, i) => [c.key, appeals[g.key]?.[i] ?? null])),
    ]),
  );
  return { proactive: p, requests: q, appeals: a };
}

function check(name: string, edition: Edition, want: ReturnType<typeof expected>) {
  const { report, findings } = parseReport(read(name), "text");
  expect(report.edition).toBe(edition);
  expect({ proactive: report.proactive, requests: report.requests, appeals: report.appeals }).toEqual(want);
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  return { report, findings };
}

const zeroRows2021 = (except: Record<string, Cells>) =>
  Object.fromEntries(requestRows("2021").map((d) => [d.path.join("/"), except[d.path.join("/")] ?? Z7]));

describe("layouts of portal pages", () => {
  it("one cell per line with bare 「|」 lines for blank cells: the blanks stay in their columns", () => {
    check(
      "pipe-cell-lines.txt",
      "2021",
      expected(
        "2021",
        {
          regulations: [0, 0, 0],
          normativeDocuments: [2, 1, 9],
          licensing: [37],
          penalties: [4],
          coercion: [0],
          fees: [1.5],
        },
        zeroRows2021({
          received: [12, 3, _, _, 1, _, 16],
          carriedOver: [_, _, _, _, _, _, 0],
          granted: [5, 1, _, _, _, _, 6],
          partiallyGranted: [2, _, _, _, _, _, 2],
          "withheld/thirdParty": [1, 0, 0, 0, 0, 0, 1],
          "unavailable/notHeld": [3, 1, 0, 0, 1, 0, 5],
          handledTotal: [11, 2, 0, 0, 1, 0, 14],
          carriedForward: [1, 1, 0, 0, 0, 0, 2],
        }),
        { review: [1, 0, 0, 1, 2], litigationDirect: Z5, litigationAfterReview: Z5 },
      ),
    );
  });

  it("labels with the template's notes are read by the label before the note; the extra row is no row", () => {
    check(
      "annotated-labels.txt",
      "2019",
      expected("2019", {
        regulations: [0, 0, 0],
        normativeDocuments: [3, 3, 14],
        licensing: [12, -2, 230],
        otherServices: [56, 4, 310],
        penalties: [88, 0, 61],
        coercion: [5, 1, _],
        fees: [2, 0],
        procurement: [6, 85.2],
      }),
    );
  });

  it("a sentence naming rows before the table's header gives no cell", () => {
    check(
      "prose-before-table.txt",
      "2021",
      expected("2021", {
        regulations: [0, 0, 0],
        normativeDocuments: [1, 0, 6],
        licensing: [21],
        penalties: [3],
        coercion: [0],
        fees: [0],
      }),
    );
  });

  it("no table 四 in the text: none of its cells is taken from table 二 (a decimal fee is no 表四 error)", () => {
    const { findings } = check(
      "table-four-absent.txt",
      "2021",
      expected("2021", {
        regulations: [0, 0, 0],
        normativeDocuments: [0, 0, 2],
        licensing: [14],
        penalties: [2],
        coercion: [0],
        fees: [12.5],
      }),
    );
    expect(findings.some((f) => f.code === "parse.table-missing" && f.path === "/appeals")).toBe(true);
  });

  it("flip-book pages: page titles and 「P. N」 lines are no text, the tables read across pages", () => {
    const { report } = check(
      "flipbook-pages.txt",
      "2021",
      expected(
        "2021",
        {
          regulations: [0, 0, 0],
          normativeDocuments: [0, 0, 1],
          licensing: [0],
          penalties: [0],
          coercion: [0],
          fees: [0],
        },
        zeroRows2021({
          received: [4, 0, 0, 0, 0, 0, 4],
          granted: [2, 0, 0, 0, 0, 0, 2],
          "unavailable/notHeld": [1, 0, 0, 0, 0, 0, 1],
          "notProcessed/duplicate": [1, 0, 0, 0, 0, 0, 1],
          handledTotal: [4, 0, 0, 0, 0, 0, 4],
        }),
        { review: [0, 0, 0, 1, 1], litigationDirect: Z5, litigationAfterReview: Z5 },
      ),
    );
    expect(report.organ).toBe("某区信访局");
  });

  it("one flip-book page with table 四 only: its title is the title, no 表三 row is read from it", () => {
    const { report } = check(
      "flipbook-one-page.txt",
      "2021",
      expected(
        "2021",
        {},
        {},
        { review: [2, 0, 0, 0, 2], litigationDirect: [0, 0, 0, 1, 1], litigationAfterReview: Z5 },
      ),
    );
    expect(report).toMatchObject({ organ: "某区信访局", year: 2022 });
  });

  it("a copy in traditional characters (Taiwan wording: 「規範性檔案」「資訊」) reads like the simplified text", () => {
    const { report, findings } = check(
      "traditional-script.txt",
      "2021",
      expected(
        "2021",
        {
          regulations: [0, 0, 0],
          normativeDocuments: [3, 1, 17],
          licensing: [1208],
          penalties: [45],
          coercion: [2],
          fees: [6.8],
        },
        zeroRows2021({
          received: [7, 1, 0, 0, 1, 0, 9],
          carriedOver: [1, 0, 0, 0, 0, 0, 1],
          granted: [3, 1, 0, 0, 0, 0, 4],
          partiallyGranted: [1, 0, 0, 0, 0, 0, 1],
          "withheld/processInfo": [1, 0, 0, 0, 0, 0, 1],
          "unavailable/notHeld": [2, 0, 0, 0, 1, 0, 3],
          handledTotal: [7, 1, 0, 0, 1, 0, 9],
          carriedForward: [1, 0, 0, 0, 0, 0, 1],
        }),
        { review: [1, 0, 0, 0, 1], litigationDirect: [0, 0, 0, 1, 1], litigationAfterReview: Z5 },
      ),
    );
    expect(report).toMatchObject({ organ: "某市某区卫生健康局", year: 2022, issuedOn: "2023-01-20" });
    expect(findings.map((f) => f.code)).toEqual(["parse.traditional-script"]);
    // Sources quote the input as written, in traditional characters, at the line the cell was read from.
    const { sources } = parseReport(read("traditional-script.txt"), "text");
    expect(sources["/proactive/licensing/decisions"]).toMatchObject({
      line: 12,
      text: "行政許可 | 1,208 | ||",
    });
  });

  it("a simplified report with a few traditional characters (a place name) is not folded", () => {
    const text = read("pipe-cell-lines.txt").replace(
      "一、总体情况",
      "一、总体情况\n乾安县、乾安县、乾安县的經驗：學習、開會、報告、檔案、資訊。",
    );
    const { report, findings } = parseReport(text, "text");
    expect(findings.map((f) => f.code)).not.toContain("parse.traditional-script");
    expect(JSON.stringify(report.sections)).toContain("乾安县");
  });

  it("a page with no title: phrases of its prose that end like an organ (「…区关于…的决策部署」「通过镇」「政府信息公开」) are no organ", () => {
    const text = read("organ-in-body.txt");
    const { report, findings } = check(
      "organ-in-body.txt",
      "2021",
      expected("2021", {
        regulations: [0, 0, 0],
        normativeDocuments: [2, 0, 5],
        licensing: [14],
        penalties: [6],
        coercion: [0],
        fees: [0],
      }),
    );
    expect(report).toMatchObject({ organ: "未知机关", year: 2023 });
    expect(findings.map((f) => f.code)).toContain("parse.organ-missing");
    // The subject of a sentence after its year, with or without a comma, is the organ.
    const named = parseReport(text.replace("2023年，我局深入", "2023年某县农业农村局深入"), "text");
    expect(named.report.organ).toBe("某县农业农村局");
    // 「县乡村振兴局」 is not read up to its 乡.
    const rural = parseReport(
      text.replace("2023年县乡村振兴工作", "2023年县乡村振兴局严格按照要求，工作"),
      "text",
    );
    expect(rural.report.organ).not.toBe("县乡");
  });

  it("a converted mirror's place names (「撫遠」「福祿」) and pinyin after characters (「鎮(zhèn)」) leave a simplified organ", () => {
    const text = read("traditional-script.txt").replace("某市某區衛生健康局", "撫遠市福祿鎮(zhèn)人民政府");
    expect(parseReport(text, "text").report.organ).toBe("抚远市福禄镇人民政府");
  });

  it("a title inside a sentence of the preamble (「…条例》，现向社会公布某镇2022年度…」): the organ is the name after the verb", () => {
    const text = read("pipe-cell-lines.txt").replace(
      "某县自然资源局2022年政府信息公开工作年度报告\n",
      "根据《中华人民共和国政府信息公开条例》，现向社会公布某县某镇2022年度政府信息公开工作年度报告。本报告由六部分组成。\n",
    );
    expect(parseReport(text, "text").report).toMatchObject({ organ: "某县某镇", year: 2022 });
  });

  it("a mirror's pinyin inside labels (「規(guī)章」「行政強(qiáng)制」) and 「?」 left for a lost space before a cell (「? 0」) read as written", () => {
    const text = read("traditional-script.txt")
      .replace("規章 | 0 | 0 | 0 |", "規(guī)章 | 0 | ? 0 | 0 |")
      .replace("行政強制 | 2 |", "行政強(qiáng)制 | ?2 |");
    const { report, findings } = parseReport(text, "text");
    expect(report.proactive).toMatchObject({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 3, repealed: 1, inForce: 17 },
      coercion: { decisions: 2 },
    });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a title that names the organ only as 「我单位」 or 「本局」 gives no organ", () => {
    const text = read("pipe-cell-lines.txt").replace(
      "某县自然资源局2022年政府信息公开工作年度报告\n",
      "根据《中华人民共和国政府信息公开条例》规定，编制我单位2022年政府信息公开工作年度报告。\n",
    );
    expect(parseReport(text, "text").report).toMatchObject({ organ: "未知机关", year: 2022 });
  });

  it("a portal's menu category above the title (「部门街镇」) is no place name of the organ", () => {
    const text = `部门街镇\n\n${read("pipe-cell-lines.txt")}`;
    expect(parseReport(text, "text").report.organ).toBe("某县自然资源局");
  });

  it("digits in a label's bracketed note (a document number 「〔2021〕30号」, an article) are no cells", () => {
    check(
      "label-notes-with-numbers.txt",
      "2021",
      expected(
        "2021",
        {
          regulations: [0, 0, 0],
          normativeDocuments: [1, 2, 4],
          licensing: [0],
          penalties: [3],
          coercion: [0],
          fees: [0],
        },
        zeroRows2021({
          received: [2, 0, 0, 0, 0, 0, 2],
          granted: [1, 0, 0, 0, 0, 0, 1],
          "unavailable/notHeld": [1, 0, 0, 0, 0, 0, 1],
          handledTotal: [2, 0, 0, 0, 0, 0, 2],
        }),
        { review: Z5, litigationDirect: Z5, litigationAfterReview: Z5 },
      ),
    );
  });

  it("run-on crawler text: table 四's fifteen run-together digits, not the fee table's 「000」 run on after it", () => {
    const { report } = check(
      "table-four-then-fee-table.txt",
      "2021",
      expected(
        "2021",
        {
          regulations: [0, 0, 0],
          normativeDocuments: [1, 0, 3],
          licensing: [27],
          penalties: [5],
          coercion: [0],
          fees: [0],
        },
        zeroRows2021({
          received: [3, 1, 0, 0, 0, 0, 4],
          granted: [2, 1, 0, 0, 0, 0, 3],
          "unavailable/notHeld": [1, 0, 0, 0, 0, 0, 1],
          handledTotal: [3, 1, 0, 0, 0, 0, 4],
        }),
        { review: [1, 0, 0, 0, 1], litigationDirect: Z5, litigationAfterReview: Z5 },
      ),
    );
    expect(report).toMatchObject({ organ: "某县林业局", year: 2024 });
  });

  it("crawler text: a procurement count written with its unit, run into the 元 amount (「3个158200元」)", () => {
    const { report } = check(
      "procurement-count-unit.txt",
      "2019",
      expected("2019", {
        regulations: [0, 0, 0],
        normativeDocuments: [2, 2, 4],
        licensing: [0, 0, 0],
        otherServices: [0, 0, 0],
        penalties: [3, 0, 3],
        coercion: [0, 0, 0],
        fees: [0, 0],
        procurement: [3, 15.82],
      }),
    );
    expect(report).toMatchObject({ organ: "某县文化和旅游局", year: 2019 });
  });

  // pdftotext's default order: row 一's values before its label, labels in runs of their own, and several rows
  // written column by column (seven blocks of k lines: (三)1–(四)2 as k = 10, (四)3–(五)3 as 4, (六)1–(七) as 4).
  const BANDS: Record<string, Cells> = {
    received: [40, 3, 0, 1, 0, 2, 46],
    carriedOver: [2, 0, 0, 1, 0, 0, 3],
    granted: [15, 1, 0, 0, 0, 1, 17],
    partiallyGranted: [3, 0, 0, 0, 0, 0, 3],
    "withheld/stateSecret": [1, 0, 0, 0, 0, 0, 1],
    "withheld/thirdParty": [2, 0, 0, 0, 0, 0, 2],
    "withheld/processInfo": [1, 1, 0, 0, 0, 0, 2],
    "withheld/queryMatters": [1, 0, 0, 0, 0, 0, 1],
    "unavailable/notHeld": [9, 1, 0, 1, 0, 0, 11],
    "unavailable/needsCreation": [2, 0, 0, 0, 0, 0, 2],
    "unavailable/unclear": [1, 0, 0, 0, 0, 0, 1],
    "notProcessed/petition": [2, 0, 0, 0, 0, 1, 3],
    "notProcessed/duplicate": [1, 0, 0, 0, 0, 0, 1],
    "otherHandling/noCorrection": [1, 0, 0, 0, 0, 0, 1],
    "otherHandling/other": [1, 0, 0, 0, 0, 0, 1],
    handledTotal: [40, 3, 0, 1, 0, 2, 46],
    carriedForward: [2, 0, 0, 1, 0, 0, 3],
  };
  const BANDS_PROACTIVE: Record<string, Cells> = {
    regulations: [0, 0, 0],
    normativeDocuments: [2, 1, 6],
    licensing: [318],
    penalties: [57],
    coercion: [4],
    fees: [12.5],
  };
  const BANDS_APPEALS = {
    review: [2, 1, 0, 0, 3],
    litigationDirect: [1, 0, 0, 0, 1],
    litigationAfterReview: [0, 1, 0, 0, 1],
  };

  it("text in pdftotext's default order: labels apart from values, rows in column-major bands, read in row order by the sums", () => {
    const { report, findings } = check(
      "pdftotext-column-bands.txt",
      "2021",
      expected("2021", BANDS_PROACTIVE, zeroRows2021(BANDS), BANDS_APPEALS),
    );
    expect(report).toMatchObject({ organ: "交通运输局", year: 2024 });
    // The reading is named (values apart from labels), and it leaves no other doubt about table 三.
    expect(findings.filter((f) => f.path.startsWith("/requests")).map((f) => [f.code, f.path])).toEqual([
      ["parse.row-assembled", "/requests"],
    ]);
  });

  it("the same order with a slip of the agency's in a band (a row total the row does not add up to): no reading by order, doubts, no error", () => {
    const { report, findings } = parseReport(read("pdftotext-column-bands-slip.txt"), "text");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.some((f) => f.code === "parse.row-assembled" && f.path === "/requests")).toBe(false);
    expect(findings.some((f) => f.code === "parse.extra-cells" || f.code === "parse.cell-missing")).toBe(
      true,
    );
    // No cell of the slipped row is silently taken from the band.
    const row = report.requests.withheld.thirdParty;
    const flagged = (col: string) =>
      findings.some(
        (f) =>
          f.path === `/requests/withheld/thirdParty/${col}` || f.path === "/requests/withheld/thirdParty",
      );
    for (const [col, v] of Object.entries(row)) expect(v === null || flagged(col)).toBe(true);
  });

  it("text in pdftotext's default order of table 四: fourteen cells, a header word (「总计」), the last cell — read in the one order R4 allows", () => {
    const { findings } = check(
      "pdftotext-table-four-runs.txt",
      "2021",
      expected("2021", BANDS_PROACTIVE, zeroRows2021(BANDS), {
        review: [2, 1, 0, 0, 3],
        litigationDirect: [1, 0, 0, 0, 1],
        litigationAfterReview: [2, 0, 1, 0, 3],
      }),
    );
    expect(findings.filter((f) => f.path.startsWith("/appeals")).map((f) => [f.code, f.path])).toEqual([
      ["parse.row-assembled", "/appeals"],
    ]);
  });

  it("table 四 in runs that several orders fit (a whole group in one run): not read by order, no error", () => {
    // Runs 「2 1 0 0」「0 1 0 0」「3」「1 0 0 0 1」「1」: the group written whole may stand in any group's place.
    const text = read("pdftotext-table-four-runs.txt").replace(
      /(审结\n总 计\n维持 纠正 结果 审结\n维持 纠正 结果 审结\n\n)[\s\S]*?(五、存在)/,
      "$12\n1\n0\n0\n\n结果\n0\n1\n0\n0\n\n总计\n3\n\n维持\n1\n0\n0\n0\n1\n\n总计\n1\n\n$2",
    );
    expect(text).toContain("总计\n3\n\n维持");
    const { findings } = parseReport(text, "text");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.some((f) => f.code === "parse.row-assembled" && f.path === "/appeals")).toBe(false);
  });

  it("the same order with （六）2 and （六）3 left blank (their cells dropped): the single 2019 （六） row does not take （六）1's values", () => {
    const { report, findings } = parseReport(read("pdftotext-column-bands-blank-rows.txt"), "text");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.some((f) => f.code === "parse.row-assembled" && f.path === "/requests")).toBe(false);
    expect(findings.some((f) => f.code === "edition.mix")).toBe(false);
    // 「3.其他」 is blank in the text: never (六)1's 「1 … 1」 read into it.
    const other =
      (report.requests.otherHandling as Record<string, Record<string, number | null>>).other ?? {};
    expect(Object.values(other).some((v) => v !== null)).toBe(false);
  });

  it("table 二 in pdftotext's default order: a one-row block's value between its header and its label keeps its row, in doubt", () => {
    const text = read("pdftotext-column-bands.txt").replace(
      "本年处理决定数量\n\n行政许可\n\n318\n",
      "本年处理决定数量\n318\n\n行政许可\n",
    );
    expect(text).toContain("本年处理决定数量\n318\n\n行政许可\n\n第二十条");
    const { report, findings } = parseReport(text, "text");
    expect(report.proactive.licensing).toEqual({ decisions: 318 });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    // Read by position: a warning names the header taken as the row's label.
    expect(findings.some((f) => f.code === "parse.label-by-order" && f.path === "/proactive/licensing")).toBe(
      true,
    );
  });

  it("table 二: values before both labels of a two-row block (one row's cells dropped) are not given to the first row by position", () => {
    const text = read("pdftotext-column-bands.txt").replace(
      "现行有效件数\n\n规章\n\n0\n\n0\n\n0\n\n行政规范性文件\n\n2\n\n1\n\n6\n",
      "现行有效件数\n\n2\n\n1\n\n6\n\n规章\n行政规范性文件\n",
    );
    expect(text).toContain("6\n\n规章\n行政规范性文件\n");
    const { report, findings } = parseReport(text, "text");
    expect(report.proactive.regulations).not.toEqual({ issued: 2, repealed: 1, inForce: 6 });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a 2021 table 二 under the 2019 headers: cells read by meaning, 本年废止 by position as a doubt", () => {
    const { findings } = check(
      "columns-2019-in-2021.txt",
      "2021",
      expected(
        "2021",
        {
          regulations: [0, 0, 0],
          normativeDocuments: [2, 1, 7],
          licensing: [45],
          penalties: [2],
          coercion: [0],
          fees: [_],
        },
        zeroRows2021({
          received: [4, 1, 0, 0, 0, 0, 5],
          granted: [3, 1, 0, 0, 0, 0, 4],
          "unavailable/notHeld": [1, 0, 0, 0, 0, 0, 1],
          handledTotal: [4, 1, 0, 0, 0, 0, 5],
        }),
        { review: Z5, litigationDirect: Z5, litigationAfterReview: Z5 },
      ),
    );
    const byPosition = findings.filter((f) => f.code === "parse.column-by-position");
    expect(byPosition.map((f) => [f.severity, f.path])).toEqual([
      ["warning", "/proactive/regulations/repealed"],
      ["warning", "/proactive/normativeDocuments/repealed"],
    ]);
    expect(byPosition[1]?.message).toContain("本年新公开数量");
    expect(findings.filter((f) => f.code === "edition.mix").map((f) => f.path)).toEqual(["/proactive"]);
  });
});
