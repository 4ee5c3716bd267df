// A parse doubt is never silent and never an error: a row damaged the ways real copies damage rows raises no error the undamaged report lacks, and each of its cells is read right or named in a warning.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { cellPointer, cellRefs, getCell } from "../../src/core/cells.ts";
import { requestRows } from "../../src/core/labels.ts";
import type { Finding, Report } from "../../src/core/model.ts";
import { reportArb } from "../support/parse-arbitraries.ts";
import {
  blankZeros,
  DAMAGES,
  type Damage,
  damageableRows,
  damagedText,
  TABLE_DAMAGES,
} from "../support/parse-damage-ways.ts";
import { writeReport } from "../support/parse-layouts.ts";

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures/seeds");
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => ({ name: f, report: analyzeInput(new Uint8Array(readFileSync(join(SEEDS, f)))).report }));

const DOUBT = /^(parse\.|rule\.uncertain$)/;
const key = (f: Finding) => `${f.code} ${f.path}`;
const covers = (f: Finding, path: string) => path === f.path || path.startsWith(`${f.path}/`);

/**
 * What the damage broke: errors the undamaged text does not raise, and cells read wrong with no warning about them
 * (a blank read as 0 counts as right where a parse finding notes the cell was inferred or placed).
 */
function broken(model0: Report, damage: Damage, rowIndex: number, mask: number): string[] | undefined {
  const model = structuredClone(model0);
  const rows = damageableRows(model.edition);
  const row = rows[rowIndex % rows.length] as (typeof rows)[number];
  const markdown = damage === "padded" || damage === "bars";
  if (markdown || damage === "short") blankZeros(model, row, mask);
  const text = damagedText(model, damage, row);
  if (text === undefined) return undefined;
  const clean = analyzeInput(writeReport(model, markdown ? "markdown" : "tabs"));
  const hurt = analyzeInput(text);
  const before = new Set(clean.findings.filter((f) => f.severity === "error").map(key));
  const out = hurt.findings
    .filter((f) => f.severity === "error" && !before.has(key(f)))
    .map((f) => `new error ${key(f)}: ${f.message}`);
  for (const ref of cellRefs(model.edition)) {
    const truth = getCell(model, ref);
    const read = getCell(hurt.report, ref);
    if (read === truth) continue;
    const path = cellPointer(ref);
    // A doubt the parser states (cell.blank only says a cell is blank, not that its place was guessed).
    if (hurt.findings.some((f) => f.severity !== "info" && DOUBT.test(f.code) && covers(f, path))) continue;
    const noted = hurt.findings.some((f) => f.code.startsWith("parse.") && covers(f, path));
    if ((truth ?? 0) === (read ?? 0) && noted) continue;
    out.push(`${path}: ${String(truth)} read as ${String(read)} with no warning`);
  }
  return out.length > 0 ? [`${damage} ${row.table}/${row.path.join("/")}`, ...out] : [];
}

describe("a damaged row is read right or flagged, never a new error", () => {
  describe.each(seeds)("seed $name", ({ report }) => {
    it.each(DAMAGES)("damaged by %s, row by row", (damage) => {
      const rows = TABLE_DAMAGES.includes(damage) ? 1 : damageableRows(report.edition).length;
      let tried = 0;
      const bad: string[][] = [];
      for (let i = 0; i < rows; i++) {
        const r = broken(report, damage, i, 0b1011010);
        if (r === undefined) continue;
        tried++;
        if (r.length > 0) bad.push(r);
      }
      expect(bad).toEqual([]);
      // 「year-glued」 applies to table 二's last row written in single digits only (not every seed has one).
      if (!TABLE_DAMAGES.includes(damage) && damage !== "year-glued") expect(tried).toBeGreaterThan(0);
    });
  });

  /** Any consistent report, any damage, any row, any blank cells: read right or flagged. */
  const anyDamage = () =>
    fc.property(
      reportArb({ blanks: true }),
      fc.constantFrom(...DAMAGES),
      fc.nat(60),
      fc.nat(127),
      (report, damage, row, mask) => {
        expect(broken(report, damage, row, mask) ?? []).toEqual([]);
      },
    );

  it("holds for any consistent report, any damage, any row and any blank cells", () => {
    fc.assert(anyDamage(), { numRuns: 150 });
  });

  it("keeps a case it once found: a 2019 report with 2021 headers copied over table 二 is not read as 2021", () => {
    // Found by the property above (seed -1368458748, run 109): the 2021 reading, whose single （六） row no longer
    // counted as two missing rows, beat the 2019 one; replayed exactly, without shrinking.
    fc.assert(anyDamage(), { seed: -1368458748, path: "109", endOnFailure: true });
  });
});

describe("a markdown row whose blank cells vanished, its bars padded at the end", () => {
  const ZEROS = "0 | 0 | 0 | 0 | 0 | 0 | 0 |";
  /** Table 三 of 2021 in markdown, every row zeros but 一 (3 商业企业) and the rows given. */
  const table3 = (rows: Record<string, string>) =>
    [
      "某区司法局2021年政府信息公开工作年度报告",
      "一、总体情况",
      "2021年，我局收到申请3件。",
      "三、收到和处理政府信息公开申请情况",
      "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
      "|---|---|---|---|---|---|---|---|",
      ...requestRows("2021").map((d) => {
        const k = d.path.join(".");
        const cells = rows[k] ?? (k === "received" ? "0 | 3 | 0 | 0 | 0 | 0 | 3 |" : ZEROS);
        return `| ${d.label} | ${cells}`;
      }),
    ].join("\n");
  const errors = (fs: readonly Finding[]) => fs.filter((f) => f.severity === "error");

  it("places 「3 | 3 | |||||||」 where the table's column sums put it, noted as inferred", () => {
    const { report, findings } = analyzeInput(
      table3({ granted: "3 | 3 | |||||||", handledTotal: "0 | 3 | 0 | 0 | 0 | 0 | 3 |" }),
    );
    expect(report.requests.granted).toEqual({
      natural: null,
      commercial: 3,
      research: null,
      nonprofit: null,
      legal: null,
      otherOrg: null,
      total: 3,
    });
    expect(findings.filter((f) => f.path === "/requests/granted").map((f) => f.code)).toContain(
      "parse.cell-inferred",
    );
    expect(errors(findings)).toEqual([]);
  });

  it("solves two padded rows together by R1 and R3", () => {
    const { report, findings } = analyzeInput(
      table3({ granted: "3 | 3 | |||||||", handledTotal: "3 | 3 | ||||||||" }),
    );
    expect(report.requests.granted.commercial).toBe(3);
    expect(report.requests.handledTotal.commercial).toBe(3);
    expect(report.requests.handledTotal.natural).toBe(null);
    expect(errors(findings)).toEqual([]);
  });

  it("keeps the doubt where the sums leave several places: no cell is guessed", () => {
    const { report, findings } = analyzeInput(
      table3({ received: "3 | 3 | |||||||", granted: "3 | 3 | |||||||", handledTotal: "3 | 3 | |||||||" }),
    );
    expect(report.requests.granted.total).toBe(3);
    expect(report.requests.granted.commercial).toBe(null);
    const granted = findings.filter((f) => f.path.startsWith("/requests/granted/"));
    expect(granted.map((f) => [f.severity, f.code])).toContainEqual(["warning", "parse.cell-missing"]);
    expect(errors(findings)).toEqual([]);
  });

  it("reads a row no placement makes consistent from the left, as a doubt: the 勾稽 failures are rule.uncertain", () => {
    const { report, findings } = analyzeInput(
      table3({ granted: "3 | 2 | |||||||", handledTotal: "0 | 3 | 0 | 0 | 0 | 0 | 3 |" }),
    );
    expect(report.requests.granted).toMatchObject({ natural: 3, commercial: 2, total: null });
    const placed = findings.find((f) => f.path === "/requests/granted" && f.code === "parse.cells-placed");
    expect(placed?.severity).toBe("warning");
    expect(placed?.message).toContain("3/2/空");
    const r3 = findings.filter((f) => f.path.startsWith("/requests/handledTotal/"));
    expect(r3.map((f) => f.code)).toContain("rule.uncertain");
    expect(errors(findings)).toEqual([]);
  });

  it("never puts a negative number outside 本年增/减 (R5 places it), nor calls it an error", () => {
    const { report, findings } = analyzeInput(
      [
        "某区司法局2019年政府信息公开工作年度报告",
        "一、总体情况",
        "2019年，我局依法公开政府信息。",
        "二、主动公开政府信息情况",
        "| 第二十条第（五）项 | | | |",
        "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
        "| 行政许可 | 3 | 增8 | 8 |",
        "| 其他对外管理服务事项 | -9 | 27 | ||||",
      ].join("\n"),
    );
    expect(report.proactive).toMatchObject({ otherServices: { lastYear: null, change: -9, decisions: 27 } });
    expect(errors(findings)).toEqual([]);
  });
});

describe("rows read by position", () => {
  it("a row of blank cells keeps them: the values after a garbled next label go to the next row, with a warning", () => {
    const { report, findings } = analyzeInput(
      [
        "某区司法局2021年政府信息公开工作年度报告",
        "一、总体情况",
        "2021年，我局依法公开政府信息。",
        "二、主动公开政府信息情况",
        "第二十条第（五）项",
        "信息内容\t本年处理决定数量",
        "行政许可\t",
        "第二十条第（六）项",
        "信息内容\t本年处理决定数量",
        "行囗处口\t26",
        "行政强制\t24",
      ].join("\n"),
    );
    expect(report.proactive).toMatchObject({
      licensing: { decisions: null },
      penalties: { decisions: 26 },
      coercion: { decisions: 24 },
    });
    expect(findings.find((f) => f.path === "/proactive/penalties")?.code).toBe("parse.label-by-order");
  });
});

describe("a budgeted search is no proof", () => {
  it("the one placement found before the budget ran out is a doubt, not an inference (table 四 short of seven cells)", () => {
    const { findings } = analyzeInput(
      [
        "某区司法局2021年政府信息公开工作年度报告",
        "一、总体情况",
        "2021年，我局依法公开政府信息。",
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议\t\t\t\t\t行政诉讼",
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉",
        // Eight values for fifteen cells: C(15, 8) = 6,435 placements, more than the search visits.
        "0\t0\t0\t1\t0\t0\t0\t1",
      ].join("\n"),
    );
    const at = findings.filter((f) => f.path === "/appeals").map((f) => [f.severity, f.code]);
    expect(at).toContainEqual(["warning", "parse.cells-placed"]);
    expect(at).not.toContainEqual(["info", "parse.cell-inferred"]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("a row with more cells than columns, blank at both ends", () => {
  const tr = (cells: readonly string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
  const html = (granted: readonly string[]) =>
    [
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>',
      "<h1>某区司法局2021年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>2021年，我局收到申请1件。</p>",
      "<p>三、收到和处理政府信息公开申请情况</p><table>",
      tr(["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]),
      ...requestRows("2021").map((d) => {
        const k = d.path.join(".");
        const one = ["0", "1", "0", "0", "0", "0", "1"];
        return tr([
          d.label,
          ...(k === "granted"
            ? granted
            : k === "received" || k === "handledTotal"
              ? one
              : ["0", "0", "0", "0", "0", "0", "0"]),
        ]);
      }),
      "</table></body></html>",
    ].join("");

  it("drops the blank the row's sum says is extra (here the last, not the first)", () => {
    const { report, findings } = analyzeInput(html(["", "1", "0", "0", "0", "0", "1", ""]));
    expect(report.requests.granted).toMatchObject({ natural: null, commercial: 1, otherOrg: 0, total: 1 });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("keeps the doubt when no choice keeps the sum: the failures are rule.uncertain", () => {
    const { findings } = analyzeInput(html(["", "1", "0", "0", "0", "0", "2", ""]));
    expect(
      findings.find((f) => f.path === "/requests/granted" && f.code === "parse.cells-placed")?.severity,
    ).toBe("warning");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("a label wrapped over two markdown rows, the first with blank cells", () => {
  const Z = "0 | 0 | 0 | 0 | 0 | 0 | 0 |";
  const text = (first: string, rest: string) =>
    [
      "某区司法局2021年政府信息公开工作年度报告",
      "一、总体情况",
      "2021年，我局收到申请1件。",
      "三、收到和处理政府信息公开申请情况",
      "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
      "|---|---|---|---|---|---|---|---|",
      "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
      `| 二、上年结转政府信息公开申请数量 | ${Z}`,
      `| （一）予以公开 | ${Z}`,
      `| ${first} | | | | | | | |`,
      `| ${rest} | 1 | 0 | 0 | 0 | 0 | 0 | 1 |`,
      `| 1.属于国家秘密 | ${Z}`,
    ].join("\n");

  it("keeps the values with the label when its first piece is cut (an open bracket, or shorter than the label)", () => {
    for (const [first, rest] of [
      ["（二）部分公开（区分处理的，", "只计这一情形，不计其他情形）"],
      ["（二）部分公开", "（区分处理的，只计这一情形，不计其他情形）"],
    ]) {
      const { report, findings } = analyzeInput(text(first as string, rest as string));
      expect(report.requests.partiallyGranted).toMatchObject({ natural: 1, total: 1 });
      expect(report.requests.withheld.stateSecret.total).toBe(0);
      expect(findings.filter((f) => f.code === "parse.label-by-order")).toEqual([]);
    }
  });
});

describe("table 四 with more than one run that could fill its fifteen cells", () => {
  const HEAD =
    "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";
  /** Crawler text: table 四's header, then the runs given with text between them, run on in one line. */
  const crawled = (runs: string) =>
    [
      "某区司法局2021年政府信息公开工作年度报告",
      "一、总体情况",
      "2021年，我局依法公开政府信息。",
      `四、政府信息公开行政复议、行政诉讼情况${HEAD}${runs}五、存在的主要问题及改进情况无。`,
    ].join("\n");

  it("names the runs it did not read, and a failure under the run it read is rule.uncertain", () => {
    const { report, findings } = analyzeInput(crawled("100010000000000信息处理费收取情况100020000000000"));
    expect(report.appeals.review).toMatchObject({ upheld: 1, total: 2 });
    const chosen = findings.find((f) => f.code === "parse.run-chosen");
    expect([chosen?.severity, chosen?.path]).toEqual(["warning", "/appeals"]);
    expect(chosen?.message).toContain("「100020000000000」");
    expect(chosen?.message).toContain("「100010000000000」");
    expect(findings.filter((f) => f.path === "/appeals/review/total").map((f) => f.code)).toEqual([
      "rule.uncertain",
    ]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("is no doubt when the runs are written alike (the table copied twice)", () => {
    const { report, findings } = analyzeInput(crawled("100010000000000信息处理费收取情况100010000000000"));
    expect(report.appeals.review).toMatchObject({ upheld: 1, total: 1 });
    expect(findings.filter((f) => f.code === "parse.run-chosen")).toEqual([]);
  });
});

describe("the edition chosen by one unreadable row or cell", () => {
  const mixed = readFileSync(join(dirname(SEEDS), "layouts/columns-2019-in-2021.txt"), "utf8");

  it("is said in a warning showing both readings, and table 二 and the （六） rows are doubts", () => {
    // 「3.其他」 without its number is read by order: the 2021 reading now has one problem, the 2019 one two.
    const { report, findings } = analyzeInput(mixed.replace("3.其他", "其他"));
    expect(report.edition).toBe("2021");
    const unclear = findings.filter((f) => f.code === "parse.edition-unclear");
    expect(unclear.map((f) => [f.severity, f.path])).toEqual([
      ["warning", "/edition"],
      ["warning", "/proactive"],
      ["warning", "/requests/otherHandling"],
    ]);
    expect(unclear[0]?.message).toContain("按2021版读有1处");
    expect(unclear[0]?.message).toContain("按2019版读有2处");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("turns a failure on table 二 into rule.uncertain only while the edition is unclear", () => {
    const fraction = mixed.replace("行政许可\t6\t1\t45", "行政许可\t6\t1\t4.5");
    const at = (text: string) =>
      analyzeInput(text)
        .findings.filter((f) => f.path === "/proactive/licensing/decisions")
        .map((f) => [f.severity, f.code]);
    expect(at(fraction.replace("3.其他", "其他"))).toEqual([["warning", "rule.uncertain"]]);
    expect(at(fraction)).toEqual([["error", "cell.fraction"]]);
  });

  it("is no doubt when the other edition reads clearly worse", () => {
    const { findings } = analyzeInput(mixed);
    expect(findings.filter((f) => f.code === "parse.edition-unclear")).toEqual([]);
  });
});

describe("digits run into the prose after the table, its year cut off their end", () => {
  /** Crawler text of a report of `year` whose fee row runs into a sentence opening with 「2025年」. */
  const crawled = (year: number, fee: string) =>
    [
      `某区市场监督管理局${year}年政府信息公开工作年度报告`,
      "一、总体情况",
      `${year}年，我局依法公开政府信息。`,
      "二、主动公开政府信息情况",
      `第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000第二十条第（六）项信息内容本年处理决定数量行政处罚187行政强制42第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费${fee}2025年，我局严格按照《条例》规定的主动公开范围公开信息。`,
    ].join("\n");
  const cutAt = (findings: readonly Finding[]) =>
    findings.filter((f) => f.code === "parse.year-cut").map((f) => [f.severity, f.path]);

  it("is sure when the year is the report's or the next", () => {
    for (const year of [2024, 2025]) {
      const { report, findings } = analyzeInput(crawled(year, "0"));
      expect(report.proactive.fees).toEqual({ amountWan: 0 });
      expect(cutAt(findings)).toEqual([]);
    }
  });

  it("is a doubt when the year is another: the warning shows the cut", () => {
    const { report, findings } = analyzeInput(crawled(2021, "3"));
    expect(report.proactive.fees).toEqual({ amountWan: 3 });
    expect(cutAt(findings)).toEqual([["warning", "/proactive/fees"]]);
    expect(findings.find((f) => f.code === "parse.year-cut")?.message).toContain("「32025年」");
  });
});
