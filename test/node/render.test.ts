// PDF rendering in Node: every fixture and seed of both editions renders; pages, subset fonts, text, metadata, outline, bytes.
import { inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import {
  APPLICANT_COLUMNS,
  proactiveBlocks,
  REQUESTS_BALANCE_NOTE,
  requestRows,
} from "../../src/core/labels.ts";
import type { Report } from "../../src/core/model.ts";
import { checkGlyphs, RENDERER_VERSION, type RenderAssets, renderPdf } from "../../src/core/render/index.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { pdfFacts, pdfOutline, pdfText } from "../support/pdf.ts";
import { fixtures, tallRequests } from "../support/render-fixtures.ts";

let assets: RenderAssets;
beforeAll(async () => {
  assets = await nodeAssets();
});

/** Extracted text keeps reading order but breaks lines and pages: compare without whitespace and page numbers. */
const flat = (s: string) => s.replace(/\s+/g, "").replace(/—\d+—/g, "");

const EXPECTED_PAGES: Record<string, number> = {
  "report-2019": 6,
  "report-2021": 6,
};

describe.each(fixtures())("$name", ({ name, report }) => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderPdf(report, assets);
  });

  it("renders the same bytes a second time", async () => {
    const again = await renderPdf(report, assets);
    expect(again.length).toBe(pdf.length);
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });

  it("is A4 with the expected pages, metadata and embedded subset fonts only", async () => {
    const facts = await pdfFacts(pdf);
    for (const page of facts.pageList) {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
    }
    if (EXPECTED_PAGES[name]) expect(facts.pages).toBe(EXPECTED_PAGES[name]);
    else expect(facts.pages).toBeGreaterThanOrEqual(3);
    expect(facts.info.Title).toBe(
      report.title || `${report.organ}${report.year}年度政府信息公开工作年度报告`,
    );
    expect(facts.info.Author).toBe(report.organ);
    expect(facts.info.Keywords).toContain("政府信息公开");
    expect(facts.info.Subject).toContain(report.organ);
    expect(facts.info.Producer).toContain(RENDERER_VERSION);
    expect(facts.fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of facts.fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(font.name).toMatch(
        /^[A-Z]{6}\+(FandolFang-Regular|NotoSerifSC-Black|NotoSansSC-Regular|NianbaoKai-Regular)$/,
      );
    }
    const faces = facts.fonts.map((f) => f.name.split("+")[1]);
    // 仿宋 for body and tables, the heaviest serif for the title (pdffonts).
    expect(faces).toContain("FandolFang-Regular");
    if (report.title || report.organ) expect(faces).toContain("NotoSerifSC-Black");
    expect(new TextDecoder("latin1").decode(pdf)).toContain("/Lang (zh-CN)");
  });

  it("gives back the Chinese text: title, headings, prose, every table label, page numbers", async () => {
    const facts = await pdfText(pdf);
    let text = flat(facts.text);
    expect(text).toContain(flat(report.title || report.organ));
    for (const s of report.sections) {
      if (s.heading) expect(text).toContain(flat(s.heading));
      for (const b of s.blocks) expect(text).toContain(flat(b.text));
    }
    text = flat(facts.raw);
    for (const block of proactiveBlocks(report.edition)) {
      expect(text).toContain(block.article);
      for (const c of block.columns) expect(text).toContain(flat(c.label));
      for (const r of block.rows) expect(text).toContain(r.label);
    }
    for (const row of requestRows(report.edition)) expect(text).toContain(flat(row.label));
    for (const c of APPLICANT_COLUMNS) expect(text).toContain(c.label);
    expect(text).toContain(flat(REQUESTS_BALANCE_NOTE));
    expect(text).toContain("三、本年度办理结果");
    expect(text).toContain("法人或其他组织");
    expect(text).toContain("未经复议直接起诉");
    expect(facts.text.replace(/\s+/g, "")).toContain("—1—");
  });

  it("has one bookmark per section heading", async () => {
    const headings = report.sections.map((s) => s.heading).filter(Boolean);
    const titles = await pdfOutline(pdf);
    for (const h of headings) expect(titles).toContain(h);
    expect(titles.length).toBeGreaterThanOrEqual(headings.length);
  });

  it("finds no missing glyph", () => {
    expect(checkGlyphs(report, assets)).toEqual([]);
  });
});

/** The content streams of a PDF (those drawing text), inflated. */
function contentStreams(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString("latin1");
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    try {
      const s = inflateSync(bytes.subarray(start, text.indexOf("endstream", start))).toString("latin1");
      if (s.includes(" Tf")) out.push(s);
    } catch {
      // not a deflated stream
    }
  }
  return out;
}

describe("content streams", () => {
  const report2021 = fixtures().find((f) => f.name === "report-2021")?.report as Report;
  // report-2021 as it is (table 三 breaks once), and with table 三 over four pages: pages that start with its repeated
  // header, the note cell shifted to its middle in a q/Q before any colour is set on the page.
  it.each([
    { name: "report-2021", report: report2021, pages: 6 },
    { name: "report-2021, table 三 over four pages", report: tallRequests(report2021), pages: 9 },
  ])(
    "$name: hold no operator that changes nothing: opacity 1, a colour already set, fills of no path, one rule per stroke",
    async ({ report, pages: pageCount }) => {
      const pages = contentStreams(await renderPdf(report, assets));
      expect(pages.length).toBe(pageCount);
      for (const [p, page] of pages.entries()) {
        const ops = page.split("\n").map((l) => l.trim().split(" ").pop());
        const count = (op: string) => ops.filter((o) => o === op).length;
        expect(count("gs")).toBe(0);
        expect(count("f")).toBe(0);
        // No save and restore around cells that need no vertical shift: one pair per text fragment at most.
        expect(count("q")).toBeLessThanOrEqual(count("BT") + 40);
        // Black is set once per page, however many text fragments follow.
        expect(count("scn"), `page ${p + 1}`).toBeLessThanOrEqual(1);
        expect(count("BT")).toBeGreaterThan(10);
        // Table rules: several segments per stroke.
        if (count("S") > 0) expect(count("l")).toBeGreaterThan(3 * count("S"));
      }
    },
  );
});

describe("cells", () => {
  it("prints a blank cell blank and a 0 as 0", async () => {
    const base = fixtures().find((f) => f.name === "report-2021")?.report as Report;
    const report = structuredClone(base);
    if (report.edition !== "2021") throw new Error("fixture edition");
    report.appeals.review = { upheld: 0, corrected: null, other: 7, pending: null, total: 9876 };
    report.proactive.fees.amountWan = 12.5;
    const text = (await pdfText(await renderPdf(report, assets))).text;
    // 行政复议 row: 0, blank, 7, blank, 9876 → the extracted line holds 0 7 9876 with nothing for the blanks.
    expect(text).toMatch(/(^|\s)0\s+7\s+9876(\s|$)/m);
    expect(text).toContain("12.5");
  });
});

describe("characters outside the subsets", () => {
  const report = (): Report => {
    const base = structuredClone(fixtures().find((f) => f.name === "report-2021")?.report as Report);
    base.sections[1]?.blocks.unshift({ type: "paragraph", text: "本局办理堃字号文件，附表情😀。" });
    return base;
  };

  it("reports each with its code point and path", () => {
    const findings = checkGlyphs(report(), assets);
    expect(findings.map((f) => [f.code, f.codePoint, f.path, f.severity])).toEqual([
      ["font.missing-glyph", "U+5803", "/sections/1/blocks/0/text", "warning"],
      ["font.missing-glyph", "U+1F600", "/sections/1/blocks/0/text", "warning"],
    ]);
    expect(findings[0]?.message).toContain("后备字体");
    expect(findings[1]?.message).toContain("方框");
  });

  it("draws one from the full fallback font in Node", async () => {
    expect(assets.fallback, "Node assets carry a full fallback font").toBeDefined();
    const facts = await pdfFacts(await renderPdf(report(), assets));
    expect(flat(facts.text)).toContain("本局办理堃字号文件");
    expect(facts.fonts.length).toBeGreaterThan(4);
  });

  it("takes the fallback font from FALLBACK_FONT's path when one is given", async () => {
    const { createRequire } = await import("node:module");
    const { statSync } = await import("node:fs");
    const pkg = createRequire(import.meta.url).resolve("@expo-google-fonts/noto-serif-sc/package.json");
    const path = pkg.replace(/package\.json$/, "700Bold/NotoSerifSC_700Bold.ttf");
    const own = await nodeAssets({ fallbackFont: path });
    expect(own.fallback?.name).toBe("fallback-NotoSerifSC_700Bold.ttf");
    expect(own.fallback?.data.length).toBe(statSync(path).size);
    await expect(nodeAssets({ fallbackFont: `${path}.missing.ttf` })).rejects.toThrow(/FALLBACK_FONT/);
  });
});

describe("edge cases", () => {
  it("renders an empty report of each edition: blank tables, no sections, no title, no date", async () => {
    const { emptyTables } = await import("../../src/core/cells.ts");
    for (const edition of ["2019", "2021"] as const) {
      const report = {
        edition,
        organ: "某县某局",
        year: edition === "2019" ? 2020 : 2022,
        title: "",
        issuedOn: null,
        sections: [],
        ...emptyTables(edition),
      } as Report;
      const facts = await pdfText(await renderPdf(report, assets));
      expect(facts.pages).toBeGreaterThanOrEqual(2);
      const text = flat(facts.raw);
      expect(text).toContain(`某县某局${report.year}年度政府信息公开工作年度报告`);
      expect(text).toContain("二、主动公开政府信息情况");
      expect(text).toContain("四、政府信息公开行政复议、行政诉讼情况");
    }
  });

  it("keeps long numbers, URLs and unbroken Latin text whole in the extracted text", async () => {
    const report = structuredClone(fixtures().find((f) => f.name === "report-2019")?.report as Report);
    const url = `https://www.example.gov.cn/${"col/col1229/art/2021/".repeat(4)}index.html`;
    report.sections.push({
      role: "extra",
      heading: "七、附件",
      blocks: [
        { type: "paragraph", text: `详见${url}。电话：0579-87101565。` },
        { type: "heading", text: "（一）最后的标题" },
      ],
    });
    report.appeals.review.total = 123456789;
    const facts = await pdfText(await renderPdf(report, assets));
    expect(flat(facts.text)).toContain(`详见${url}。电话：0579-87101565。`);
    expect(flat(facts.text)).toContain("（一）最后的标题");
    expect(flat(facts.raw)).toContain("123456789");
  });
});
