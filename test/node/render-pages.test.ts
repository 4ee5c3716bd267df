// Page breaks of the PDF: pages that fill (by text positions and by pixels) (table 一 breaks between its blocks, table 三 between its rows), table 四 whole,
// a heading never last on its page, the signature never alone; tall tables.
import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { getCell } from "../../src/core/cells.ts";
import {
  APPLICANT_COLUMNS,
  proactiveBlocks,
  REQUESTS_BALANCE_NOTE,
  RESULTS_GROUP,
  requestRows,
} from "../../src/core/labels.ts";
import type { Report } from "../../src/core/model.ts";
import { type RenderAssets, renderPdf } from "../../src/core/render/index.ts";
import { PAGE } from "../../src/core/render/page.ts";
import { type ContentNode, keepTogether } from "../../src/core/render/pdfmake/keep-together.ts";
import { formatCell } from "../../src/core/render/view/format.ts";
import { buildTable, CELL_PAD, RULE } from "../../src/core/render/view/tables.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { type PdfText, pdfText, type Raster, rasterPage } from "../support/pdf.ts";
import { fixtures, tallRequests } from "../support/render-fixtures.ts";

let assets: RenderAssets;
beforeAll(async () => {
  assets = await nodeAssets();
});

const flat = (s: string) => s.replace(/\s+/g, "");
const PAGE_NUMBER = /—\d+—$/;

const texts = (t: PdfText) => t.pageList.map((p) => flat(p.raw).replace(PAGE_NUMBER, ""));

/** The text block of GB/T 9704 on A4 in PDF points from the page's bottom: 37 mm top margin, 35 mm bottom. */
const BLOCK_TOP = 841.89 - 104.88;
const BLOCK_BOTTOM = 99.21;
/** How far down the text block a page's lowest text reaches (0 top, 1 bottom), page number excluded. */
function reach(page: PdfText["pageList"][number]): number {
  const ys = page.items.filter((i) => i.str.trim() && i.y > BLOCK_BOTTOM - 6).map((i) => i.y);
  return (BLOCK_TOP - Math.min(...ys)) / (BLOCK_TOP - BLOCK_BOTTOM);
}

/** Pixels per PDF point of the rasters the fill rule is read from (36 dpi: one pixel is two points). */
const SCALE = 0.5;
/**
 * How far down the text block a page's ink reaches (0 top, 1 bottom), read from its pixels: the lowest row darker
 * than near-white between the block's top and 6 pt below its bottom (the page number lies further down).
 */
function inkReach(r: Raster): number {
  const top = (841.89 - BLOCK_TOP) * SCALE;
  const bottom = Math.min(r.height, Math.ceil((841.89 - BLOCK_BOTTOM + 6) * SCALE));
  let lowest = -1;
  for (let y = Math.floor(top); y < bottom; y++)
    for (let x = 0; x < r.width; x++) {
      const i = (y * r.width + x) * 4;
      if (Math.min(r.data[i] ?? 255, r.data[i + 1] ?? 255, r.data[i + 2] ?? 255) < 160) {
        lowest = y;
        break;
      }
    }
  return (lowest + 1 - top) / ((BLOCK_TOP - BLOCK_BOTTOM) * SCALE);
}

/** The page (0-based) holding a text; -1 when none does. */
const pageOf = (pages: string[], text: string) => pages.findIndex((p) => p.includes(flat(text)));

const BLIND = new URL("../fixtures/blind/", import.meta.url);
function blindReports(): { name: string; report: Report }[] {
  return readdirSync(BLIND)
    .filter((f) => !f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f, report: analyzeInput(readFileSync(new URL(f, BLIND))).report }));
}

/**
 * What has to stay on one page, by its first and last label: each block of table 一 (its article row, column header
 * and rows) and table 四 (its header and its one row). Table 三 breaks between its rows (checkRequests).
 */
function tableEnds(report: Report): [string, string][] {
  const blocks = proactiveBlocks(report.edition);
  return [
    ...blocks.map((b): [string, string] => [b.article, b.rows.at(-1)?.label ?? ""]),
    ["行政复议行政诉讼", "复议后起诉"],
  ];
}

const count = (text: string, part: string) => text.split(part).length - 1;
const NUMBER = /^\d+(\.\d+)?$/;

/** The centre (x, PDF points) of each applicant column of table 三: its values are centred there. */
function valueColumns(report: Report): number[] {
  const { widths } = buildTable(report, "requests");
  const centres: number[] = [];
  let x = PAGE.margins[0] + RULE;
  for (const [i, w] of widths.entries()) {
    if (i >= 3) centres.push(x + CELL_PAD + w / 2);
    x += w + 2 * CELL_PAD + RULE;
  }
  return centres;
}

/**
 * Table 三 as printed, checked: a page it goes on to starts with its header rows; every row label is printed once;
 * on every page, each row's group labels (「三、本年度办理结果」, 「（三）不予公开」…) are printed with it, so a label cut by
 * a page break is printed again; each page holds exactly the values of the rows whose labels it holds (no row split
 * over two pages), each in an applicant column (unless `withValues` is false: numbers wrapped
 * over lines). Returns the pages the table is printed on.
 */
function checkRequests(t: PdfText, report: Report, name: string, withValues = true): number[] {
  const pages = texts(t);
  const rows = requestRows(report.edition);
  const note = flat(REQUESTS_BALANCE_NOTE);
  const lastLabel = flat(rows.at(-1)?.label ?? "");
  const first = pageOf(pages, REQUESTS_BALANCE_NOTE);
  const last = pages.findIndex((p, i) => i >= first && p.includes(lastLabel));
  expect(first, name).toBeGreaterThanOrEqual(0);
  expect(last, name).toBeGreaterThanOrEqual(first);
  const span = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  // The table's text on each page: from its header to its last row label.
  const region = span.map((p) => {
    const text = pages[p] ?? "";
    const from = text.slice(text.indexOf(note));
    return p === last ? from.slice(0, from.indexOf(lastLabel) + lastLabel.length) : from;
  });
  for (const p of span.slice(1))
    expect(
      pages[p]?.startsWith(note + flat("申请人情况")),
      `${name}: page ${p + 1} starts with the header`,
    ).toBe(true);
  for (const row of rows)
    expect(count(region.join("\n"), flat(row.label)), `${name}: ${row.label} printed once`).toBe(1);
  const columns = valueColumns(report);
  for (const [k, p] of span.entries()) {
    const text = region[k] ?? "";
    const here = rows.filter((r) => text.includes(flat(r.label)));
    expect(here.length, `${name}: rows on page ${p + 1}`).toBeGreaterThan(0);
    for (const row of here)
      for (const label of row.group ? [RESULTS_GROUP, row.group] : [])
        expect(text.includes(flat(label)), `${name} page ${p + 1}: ${label} with ${row.label}`).toBe(true);
    if (!withValues) continue;
    // The values between the header and the last row label on the page.
    const page = t.pageList[p] as PdfText["pageList"][number];
    const top = page.items.find((i) => i.str.includes("申请人情况"))?.y ?? 0;
    const lastItem = page.items.find((i) => flat(i.str).startsWith(lastLabel.slice(0, 4)));
    const bottom = p === last ? (lastItem?.y ?? 0) - 6 : Number.NEGATIVE_INFINITY;
    const values = page.items.filter((i) => NUMBER.test(i.str.trim()) && i.y < top && i.y > bottom);
    const expected = here.flatMap((row) =>
      APPLICANT_COLUMNS.map((c) => getCell(report, { table: "requests", row: row.path, column: c.key })),
    );
    expect(values.length, `${name}: values on page ${p + 1}`).toBe(
      expected.filter((v) => formatCell(typeof v === "number" ? v : null) !== "").length,
    );
    for (const v of values) {
      const centre = v.x + v.width / 2;
      expect(
        Math.min(...columns.map((c) => Math.abs(c - centre))),
        `${name}: ${v.str} in a column`,
      ).toBeLessThan(3);
    }
  }
  return span;
}

describe.each([...fixtures(), ...blindReports()])("$name", ({ report }) => {
  let pages: string[];
  let text: PdfText;
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderPdf(report, assets);
    text = await pdfText(pdf);
    pages = texts(text);
  });

  it("fills every page but the last below two thirds of the text block, unless a section heading follows", async () => {
    const sections = report.sections.map((s) => s.heading).filter((h): h is string => Boolean(h));
    for (const [i, page] of text.pageList.slice(0, -1).entries()) {
      const next = pages[i + 1] ?? "";
      if (sections.some((h) => next.startsWith(flat(h)))) continue;
      // By the text's baselines and by the page's pixels (ink of text and table rules).
      expect(reach(page), `page ${i + 1} of ${pages.length}`).toBeGreaterThan(2 / 3);
      expect(inkReach(await rasterPage(pdf, i + 1, SCALE)), `pixels of page ${i + 1}`).toBeGreaterThan(2 / 3);
    }
    // The two measures agree on the last page, however little of it is filled (the pixel measure sees empty space).
    const last = text.pageList.length;
    const lastPage = text.pageList[last - 1] as PdfText["pageList"][number];
    expect(Math.abs(inkReach(await rasterPage(pdf, last, SCALE)) - reach(lastPage))).toBeLessThan(0.08);
  });

  it("breaks table 三 only between rows, its header and cut labels printed again", () => {
    checkRequests(text, report, "");
  });

  it("puts each block of table 一, and table 四, on one page", () => {
    for (const [first, last] of tableEnds(report)) {
      const page = pageOf(pages, first);
      expect(page, first).toBeGreaterThanOrEqual(0);
      expect(pages[page]?.includes(flat(last)), `${first} … ${last}`).toBe(true);
    }
  });

  it("never ends a page with a heading", () => {
    const headings = report.sections.flatMap((s) => [
      s.heading,
      ...s.blocks.filter((b) => b.type === "heading").map((b) => b.text),
    ]);
    for (const [i, page] of pages.slice(0, -1).entries())
      for (const h of headings.filter(Boolean))
        expect(page.endsWith(flat(h)), `page ${i + 1}: ${h}`).toBe(false);
  });

  it("never leaves the signature alone on a page", () => {
    const last = pages[pages.length - 1] ?? "";
    const signature = flat(report.organ);
    expect(last.endsWith(signature) || last.includes(signature)).toBe(true);
    expect(last.length).toBeGreaterThan(signature.length + 12);
    // At least two lines of text above the signature on its page (organ and date are its last two lines).
    const lines = (text.pageList.at(-1)?.text ?? "")
      .split("\n")
      .filter((l) => l.trim() && !PAGE_NUMBER.test(flat(l)));
    expect(lines.length, lines.join(" / ")).toBeGreaterThanOrEqual(4);
  });
});

describe("table 一 breaks between its blocks", () => {
  it("fills the page it starts on and goes on with a block's own article row (render seeds)", async () => {
    let broken = 0;
    for (const { name, report } of fixtures().filter((f) => f.name.startsWith("seed-"))) {
      const t = await pdfText(await renderPdf(report, assets));
      const pages = texts(t);
      const blocks = proactiveBlocks(report.edition);
      const onPages = blocks.map((b) => pageOf(pages, b.article));
      // Every block is printed, in order.
      expect(onPages, name).toEqual([...onPages].sort((a, b) => a - b));
      const first = onPages[0] ?? -1;
      const last = onPages.at(-1) ?? -1;
      expect(first, name).toBeGreaterThanOrEqual(0);
      if (last === first) continue;
      broken++;
      // A page it goes on to starts with a block's own article row and column header (nothing cut from its label),
      // and the page it starts on is filled: the table did not move whole to the next page.
      for (let p = first + 1; p <= last; p++)
        expect(
          blocks.some((b) => pages[p]?.startsWith(flat(b.article))),
          `${name} page ${p + 1}`,
        ).toBe(true);
      expect(reach(t.pageList[first] as PdfText["pageList"][number]), name).toBeGreaterThan(0.85);
    }
    expect(broken).toBeGreaterThan(0);
  });
});

/** A seed with `lines` lines of prose more at the end of one section: the tables after it start lower on the page. */
const SENTENCE = "依法依规做好政府信息公开申请办理工作，规范答复文书，";
const seed = fixtures().find((f) => f.name === "seed-000")?.report as Report;
const withProse = (role: string, lines: number): Report => ({
  ...seed,
  sections: seed.sections.map((s) =>
    s.role === role && lines > 0
      ? {
          ...s,
          blocks: [...s.blocks, { type: "paragraph", text: SENTENCE.repeat(60).slice(0, 28 * lines - 2) }],
        }
      : s,
  ),
});

describe("table 三 and table 四 wherever they fall on a page", () => {
  const fill = (t: PdfText, p: number) => reach(t.pageList[p] as PdfText["pageList"][number]);

  it("breaks table 三 between rows when moving it whole would leave a third of its page empty", async () => {
    let split = 0;
    let moved = 0;
    for (let lines = 0; lines <= 36; lines += 2) {
      const name = `${lines} lines before table 三`;
      const t = await pdfText(await renderPdf(withProse("proactive", lines), assets));
      const span = checkRequests(t, seed, name);
      const first = span[0] ?? 0;
      if (span.length > 1) {
        split++;
        // The page it starts on is filled; the rows it left for the next page did not fit there.
        expect(fill(t, first), name).toBeGreaterThan(2 / 3);
      } else if (first > 0 && texts(t)[first]?.startsWith(flat("三、收到和处理政府信息公开申请情况"))) {
        // Moved whole with its heading: the page before was not left more than a third empty.
        moved++;
        expect(fill(t, first - 1), name).toBeGreaterThan(2 / 3);
      }
    }
    expect(split).toBeGreaterThan(3);
    expect(moved).toBeGreaterThan(0);
  });

  it("keeps table 四 with its header on one page, wherever it falls", async () => {
    for (let lines = 0; lines <= 36; lines += 2) {
      const name = `${lines} lines before table 四`;
      const t = await pdfText(await renderPdf(withProse("requests", lines), assets));
      const pages = texts(t);
      checkRequests(t, seed, name);
      const page = pageOf(pages, "行政复议行政诉讼");
      expect(pages[page]?.includes(flat("复议后起诉")), name).toBe(true);
      const numbers = t.pageList[page]?.items.filter((i) => /^\d+$/.test(i.str.trim())) ?? [];
      expect(numbers.length, name).toBeGreaterThanOrEqual(15);
      if (page > 0) expect(fill(t, page - 1), name).toBeGreaterThan(2 / 3);
    }
  });
});

describe("a table taller than a page", () => {
  const tall = tallRequests;

  it.each(fixtures().filter((f) => f.name.startsWith("report-")))(
    "$name: breaks between rows over pages, each page with its header and labels",
    async ({ name, report }) => {
      const t = await pdfText(await renderPdf(tall(report), assets));
      const pages = texts(t);
      const span = checkRequests(t, report, name, false);
      expect(span.length).toBeGreaterThan(2);
      // Each page it fills is filled, and the report goes on after it.
      for (const p of span.slice(0, -1))
        expect(reach(t.pageList[p] as PdfText["pageList"][number])).toBeGreaterThan(2 / 3);
      expect(pageOf(pages, "未经复议直接起诉")).toBeGreaterThanOrEqual(span.at(-1) ?? 0);
      expect(pages.join("")).toContain(flat(report.organ));
    },
  );

  it("breaks between rows wherever it starts, its cut labels printed again on every page (a line lower each time)", async () => {
    // One line (29 pt) at a time over a page's 22: the table starts at every place a line can leave it, among them
    // those where more than a third of the page is left but too little for its heading, header and two rows (it
    // moved on whole there and pdfmake broke it, cut labels not given again).
    for (let lines = 0; lines < 22; lines++) {
      const name = `tall, ${lines} lines before table 三`;
      const t = await pdfText(await renderPdf(tall(withProse("proactive", lines)), assets));
      expect(checkRequests(t, seed, name, false).length, name).toBeGreaterThan(2);
    }
  });
});

describe("keepTogether", () => {
  const line = (text: string, headlineLevel?: number): ContentNode => ({ text, headlineLevel });
  const para = (...texts: string[]): ContentNode => ({
    stack: texts.map((t) => line(t)),
    style: "paragraph",
  });
  const heading = (text: string): ContentNode => ({ stack: [line(text, 1)], style: "heading" });
  const table: ContentNode = { table: { dontBreakRows: true, body: [] }, style: "table" };

  it("splits a table of blocks (full-width rows, no header rows) into one table per block, margins kept outside", () => {
    const row = (label: string, full = false) => [{ text: label, ...(full ? { colSpan: 2 } : {}) }, {}];
    const blocks: ContentNode = {
      table: { headerRows: 0, widths: [1, 1], body: [row("A", true), row("a"), row("B", true), row("b")] },
      style: "table",
    };
    const out = keepTogether([heading("二"), blocks], { table: { margin: [0, 6, 0, 12] } });
    expect(out).toHaveLength(2);
    expect(out[0]?.stack?.[1]).toMatchObject({
      margin: [0, 6, 0, 0],
      table: { body: [row("A", true), row("a")] },
    });
    expect(out[1]).toMatchObject({ unbreakable: true, margin: [0, 0, 0, 12] });
    expect(out[1]?.stack?.[0]).toMatchObject({ table: { body: [row("B", true), row("b")] } });
  });

  it("groups headings with the first line after them, and a table with its heading", () => {
    const out = keepTogether([heading("一"), heading("（一）"), para("a", "b", "c"), heading("二"), table], {
      table: { margin: [0, 6, 0, 12] },
    });
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ unbreakable: true, keepTogether: true });
    expect(out[0]?.stack?.map((n) => n.stack?.[0]?.text)).toEqual(["一", "（一）", "a"]);
    expect(out[1]).toEqual({ ...para("b", "c") });
    // The table's bottom margin moves onto the block; its rows need not be kept whole inside it.
    expect(out[2]).toMatchObject({ unbreakable: true, margin: [0, 0, 0, 12] });
    expect(out[2]?.stack?.[1]).toMatchObject({ margin: [0, 6, 0, 0], table: { dontBreakRows: false } });
  });

  it("keeps the signature with the last two lines before it", () => {
    const signature: ContentNode = {
      stack: [line("机关"), line("日期")],
      unbreakable: true,
      keepWithPrevious: true,
    };
    const out = keepTogether([para("a", "b", "c", "d"), signature]);
    expect(out).toHaveLength(2);
    expect(out[0]?.stack?.map((n) => n.text)).toEqual(["a", "b"]);
    expect(out[1]?.stack?.[0]?.stack?.map((n) => n.text)).toEqual(["c", "d"]);
    expect(out[1]?.stack?.[1]).toBe(signature);
    // A paragraph of two lines or fewer goes with the signature whole.
    const short = keepTogether([para("a", "b"), signature]);
    expect(short).toHaveLength(1);
    expect(short[0]?.stack?.[0]?.stack?.map((n) => n.text)).toEqual(["a", "b"]);
  });

  it("keeps with the signature a heading's block when only one line of its paragraph is left", () => {
    const signature: ContentNode = { stack: [line("机关"), line("日期")], keepWithPrevious: true };
    const out = keepTogether([para("x", "y"), heading("八"), para("a", "b"), signature]);
    expect(out).toHaveLength(2);
    const kept = out[1]?.stack ?? [];
    expect(kept[0]?.stack?.map((n) => n.stack?.[0]?.text)).toEqual(["八", "a"]);
    expect(kept[1]?.stack?.map((n) => n.text)).toEqual(["b"]);
    expect(kept[2]).toBe(signature);
  });

  it("marks a table block with header rows and three body rows or more as one that may break between rows", () => {
    const rows = (n: number) => Array.from({ length: n }, () => [{ text: "x" }, { text: "1" }]);
    const withRows = (n: number): ContentNode => ({
      table: { headerRows: 1, widths: [1, 1], body: rows(n) },
    });
    const [three] = keepTogether([heading("三"), withRows(4)]);
    const [four] = keepTogether([heading("四"), withRows(2)]);
    expect(three).toMatchObject({ keepTogether: true, splitRows: true });
    expect(four?.splitRows).toBeUndefined();
  });

  it("leaves the array it is given as it was", () => {
    const content = [heading("一"), para("a", "b")];
    const copy = structuredClone(content);
    keepTogether(content);
    expect(content).toEqual(copy);
  });

  it("leaves other content as it is", () => {
    const title: ContentNode = { stack: [line("标题")], style: "title" };
    expect(keepTogether([title, para("a")])).toEqual([title, para("a")]);
  });
});
