// Data across reports: GET /v1/reports.csv parsed back (right cells under the right headers), the /r/ overview, nianbao export.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { auth, json, makeApp } from "../support/service/app.ts";
import { tempDir } from "../support/temp-dir.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const FIX = join(ROOT, "test/fixtures/validate");
const load = (name: string) => JSON.parse(readFileSync(join(FIX, name), "utf8")) as Record<string, unknown>;
/** Three reports: two organs, both editions, three years. */
const REPORTS = [load("report-2019.json"), load("report-2021-previous.json"), load("report-2021.json")];

/** RFC 4180 CSV → rows of fields (quoted fields with commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A response's CSV text with its BOM kept (Response.text() would strip it). */
const csvText = async (res: Response | Promise<Response>) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(await (await res).arrayBuffer());

/** The CSV as records keyed by header. */
function records(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [head, ...rows] = parseCsv(text.slice(1));
  expect(head).toBeDefined();
  return rows.map((r) => {
    expect(r).toHaveLength(head?.length ?? 0);
    return Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ""]));
  });
}

const H = {
  natural: "表三 一、本年新收政府信息公开申请数量 自然人",
  received: "表三 一、本年新收政府信息公开申请数量 总计",
  secret: "表三 三、本年度办理结果 （三）不予公开 1.属于国家秘密 总计",
  noCorrection:
    "表三 三、本年度办理结果 （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 总计",
  otherHandling2019: "表三 三、本年度办理结果 （六）其他处理 总计",
  otherServices: "表二 第二十条第（五）项 其他对外管理服务事项 处理决定数量",
  licensing2021: "表二 第二十条第（五）项 行政许可 本年处理决定数量",
  review: "表四 行政复议 结果维持",
  afterReview: "表四 行政诉讼 复议后起诉 总计",
};

describe("GET /v1/reports.csv and /r/", () => {
  let t: Awaited<ReturnType<typeof makeApp>>;
  const ids: string[] = [];
  const findings: { severity: string }[][] = [];
  beforeAll(async () => {
    t = await makeApp();
    for (const r of REPORTS) {
      const res = await t.app.request("/v1/reports?force=true", {
        method: "POST",
        body: JSON.stringify(r),
        headers: { ...auth, "content-type": "application/json" },
      });
      const body = await json(res);
      ids.push(body.id);
      findings.push(body.findings);
    }
  });

  it("has one row per report with every cell under its official labels", async () => {
    const res = await t.app.request("/v1/reports.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; /);
    const rows = records(await csvText(res));
    expect(rows.map((r) => `${r.机关名称} ${r.年度} ${r.报告版本}`)).toEqual([
      "示例县市场监督管理局 2020 2019年版",
      "示例市商务局 2021 2021年版",
      "示例市商务局 2022 2021年版",
    ]);
    REPORTS.forEach((input, i) => {
      const row = rows[i] as Record<string, string>;
      const report = input as {
        issuedOn: string | null;
        edition: string;
        requests: Record<string, Record<string, Record<string, number | null>>>;
        appeals: Record<string, Record<string, number | null>>;
        proactive: Record<string, Record<string, number | null>>;
      };
      const cell = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
      expect(row.成文日期).toBe(report.issuedOn ?? "");
      expect(row.报告编号).toBe(ids[i]);
      expect(row.错误数).toBe(String(findings[i]?.filter((f) => f.severity === "error").length));
      expect(row.警告数).toBe(String(findings[i]?.filter((f) => f.severity === "warning").length));
      expect(row[H.natural]).toBe(cell(report.requests.received?.natural as unknown as number));
      expect(row[H.received]).toBe(cell(report.requests.received?.total as unknown as number));
      expect(row[H.secret]).toBe(cell(report.requests.withheld?.stateSecret?.total));
      expect(row[H.review]).toBe(cell(report.appeals.review?.upheld));
      expect(row[H.afterReview]).toBe(cell(report.appeals.litigationAfterReview?.total));
      if (report.edition === "2021") {
        expect(row[H.noCorrection]).toBe(cell(report.requests.otherHandling?.noCorrection?.total));
        expect(row[H.licensing2021]).toBe(cell(report.proactive.licensing?.decisions));
        // The 2019 form's rows are blank for a 2021 report, never 0.
        expect(row[H.otherServices]).toBe("");
        expect(row[H.otherHandling2019]).toBe("");
      } else {
        expect(row[H.otherServices]).toBe(cell(report.proactive.otherServices?.decisions));
        expect(row[H.otherHandling2019]).toBe(
          cell(report.requests.otherHandling?.total as unknown as number),
        );
        expect(row[H.noCorrection]).toBe("");
      }
    });
  });

  it("gives the same table as .xlsx: one sheet, the CSV's headers and cells, numbers as numbers", async () => {
    const res = await t.app.request("/v1/reports.xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const xml = strFromU8(files["xl/worksheets/sheet1.xml"] as Uint8Array);
    const fromXml = (v: string) =>
      v
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
    const grid: string[][] = [];
    for (const row of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
      const cells: string[] = [];
      for (const c of (row[2] ?? "").matchAll(
        /<c r="([A-Z]+)\d+"([^>]*)>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g,
      )) {
        let col = 0;
        for (const ch of c[1] ?? "") col = col * 26 + (ch.charCodeAt(0) - 64);
        while (cells.length < col - 1) cells.push("");
        // A number is a <v> without t="inlineStr"; text is inline.
        if (c[3] !== undefined) expect(c[2]).not.toContain("inlineStr");
        cells.push(c[3] ?? fromXml(c[4] ?? ""));
      }
      grid.push(cells);
    }
    const csv = parseCsv((await csvText(t.app.request("/v1/reports.csv"))).slice(1));
    expect(grid).toHaveLength(csv.length);
    grid.forEach((row, i) => {
      const want = (csv[i] ?? []).map((v) => v.replace(/^'/, ""));
      while (row.length < want.length) row.push("");
      expect(row, `row ${i}`).toEqual(want);
    });
  });

  it("filters by year and organ; an organ with no report gives the header only", async () => {
    const byYear = records(await csvText(t.app.request("/v1/reports.csv?year=2022")));
    expect(byYear.map((r) => r.年度)).toEqual(["2022"]);
    const byOrgan = records(
      await csvText(t.app.request(`/v1/reports.csv?organ=${encodeURIComponent("示例市商务局")}`)),
    );
    expect(byOrgan.map((r) => r.年度)).toEqual(["2021", "2022"]);
    const none = await csvText(t.app.request("/v1/reports.csv?organ=%E6%97%A0"));
    expect(parseCsv(none.slice(1))).toHaveLength(1);
    const bad = await t.app.request("/v1/reports.csv?year=abc");
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe("invalid_input");
  });

  it("/r/?year= lists every organ of the year with its status, linked, without script", async () => {
    const res = await t.app.request("/r/?year=2022");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("2022年度政府信息公开工作年度报告发布情况");
    expect(html).toContain(`<a href="/r/${encodeURIComponent("示例市商务局")}/">示例市商务局</a>`);
    expect(html).toContain(`http://localhost/v1/reports/${ids[2]}.tujie.html`);
    expect(html).not.toContain("示例县市场监督管理局");
    expect(html).not.toMatch(/<script/i);
    // The year links, and the latest year by default.
    expect(html).toContain('<a href="/r/?year&#x3D;2020">2020年度</a>');
    expect(await (await t.app.request("/r/")).text()).toContain(
      '<strong aria-current="page">2022年度</strong>',
    );
  });
});

describe("nianbao export", () => {
  it("writes the CSV of files and directories; an unusable input is named and exit code 2", () => {
    const tmp = tempDir("export");
    const dir = join(tmp, "in");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.json"), JSON.stringify(REPORTS[0]));
    writeFileSync(
      join(dir, "b.txt"),
      readFileSync(join(ROOT, "test/fixtures/seeds/002_ddbd805a826f66fd.txt")),
    );
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, "bin/nianbao.js"), "export", ...args], {
        cwd: tmp,
        encoding: "utf8",
      });
    const ok = run([dir, join(FIX, "report-2021.json"), "--out", "out/table.csv"]);
    expect(ok.stderr).toContain("已汇总 3 份报告");
    expect(ok.status).toBe(0);
    const rows = records(readFileSync(join(tmp, "out/table.csv"), "utf8"));
    expect(rows.map((r) => r.年度)).toEqual(["2020", "2020", "2022"]);
    expect(rows.find((r) => r.机关名称 === "示例市商务局")?.[H.natural]).toBe("10");
    expect(rows.find((r) => r.来源?.endsWith("b.txt"))?.机关名称).toBe("永康市商务局");

    writeFileSync(join(dir, "junk.txt"), "这不是一份年报。");
    const partly = run([dir, "--out", "t2.csv"]);
    expect(partly.status).toBe(2);
    expect(partly.stderr).toMatch(/junk\.txt: /);
    expect(records(readFileSync(join(tmp, "t2.csv"), "utf8"))).toHaveLength(2);
    const usage = run([dir]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("需要 --out");
  });
});
