// The 报告图解: figures from the tables, SVG charts whose text carries the numbers, the A4 PDF's text and vectors.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.ts";
import type { RenderAssets } from "../../src/core/render/index.ts";
import { buildTujie, renderTujieHtml, renderTujiePdf } from "../../src/core/tujie/index.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { pdfFacts, pdfText } from "../support/pdf.ts";

const load = (name: string): Report =>
  JSON.parse(readFileSync(new URL(`../fixtures/validate/${name}`, import.meta.url), "utf8")) as Report;

const R2019 = load("report-2019.json");
const R2021 = load("report-2021.json");
const R2021_PREVIOUS = load("report-2021-previous.json");

let assets: RenderAssets;
beforeAll(async () => {
  assets = await nodeAssets();
});

/** The value texts of each chart's SVG, by the chart's id. */
function svgValues(html: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of html.matchAll(/<svg[^>]*>[\s\S]*?<\/svg>/g)) {
    const svg = m[0];
    const id = /<title id="c-([a-z]+)-t">/.exec(svg)?.[1] ?? "?";
    out[id] = [...svg.matchAll(/<text class="value[^"]*"[^>]*>([^<]*)<\/text>/g)].map((v) => v[1] ?? "");
  }
  return out;
}

const s = (v: number | null) => (v === null ? "未填报" : String(v));

describe.each([
  { name: "2019 edition", report: R2019 },
  { name: "2021 edition", report: R2021 },
])("图解 of the $name", ({ report }) => {
  it("draws every chart as an accessible SVG with the table's numbers as text", async () => {
    const html = await renderTujieHtml(report, assets);
    const r = report.requests;
    const values = svgValues(html);
    expect(Object.keys(values)).toEqual(["applicants", "outcomes", "proactive", "review", "litigation"]);
    expect(values.applicants).toEqual(
      [
        r.received.natural,
        r.received.commercial,
        r.received.research,
        r.received.nonprofit,
        r.received.legal,
        r.received.otherOrg,
      ].map(s),
    );
    expect(values.outcomes?.slice(0, 2)).toEqual([s(r.granted.total), s(r.partiallyGranted.total)]);
    const withheld = Object.values(r.withheld).reduce((a, row) => a + (row.total ?? 0), 0);
    expect(values.outcomes?.[2]).toBe(String(withheld));
    const a = report.appeals.review;
    expect(values.review).toEqual([a.upheld, a.corrected, a.other, a.pending].map(s));
    const lit =
      (report.appeals.litigationDirect.upheld ?? 0) + (report.appeals.litigationAfterReview.upheld ?? 0);
    expect(values.litigation?.[0]).toBe(String(lit));
    expect(values.proactive).toContain(String(report.proactive.licensing.decisions));
    // Every chart: role="img", a <title> and a <desc> naming each number, labelled by both.
    const svgs = [...html.matchAll(/<svg[^>]*>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(5);
    for (const tag of svgs) {
      expect(tag).toContain('role="img"');
      expect(tag).toMatch(/aria-labelledby="c-[a-z]+-t c-[a-z]+-d"/);
    }
    expect(html).toContain(`<desc id="c-applicants-d">自然人 ${r.received.natural} 件`);
    // Key figures as text, the body font embedded, no script, no outside request.
    expect(html).toContain(`<span class="value">${r.received.total}</span>`);
    expect(html).toMatch(/@font-face \{ font-family: "NB Body";[^}]*data:font\/ttf;base64,/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it("renders an A4 PDF whose text carries the same numbers, bars drawn as vectors", async () => {
    const pdf = await renderTujiePdf(report, assets);
    const facts = await pdfFacts(pdf);
    expect(facts.pages).toBe(2);
    for (const page of facts.pageList) {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
    }
    expect(facts.fonts.length).toBeGreaterThan(0);
    expect(facts.fonts.every((f) => f.embedded && f.unicode)).toBe(true);
    const text = facts.raw.replace(/\s+/g, " ");
    expect(text).toContain(`${report.organ}${report.year}年度政府信息公开工作报告图解`);
    for (const [label, v] of [
      ["自然人", report.requests.received.natural],
      ["予以公开", report.requests.granted.total],
      ["结果维持", report.appeals.review.upheld],
    ] as const) {
      expect(text).toContain(`${label} ${s(v)}`);
    }
    // Vector: no raster image anywhere (the object dictionaries are not compressed).
    expect(Buffer.from(pdf).toString("latin1")).not.toMatch(/\/Subtype\s*\/Image/);
  });
});

describe("图解 year over year", () => {
  it("shows the change from last year's report and leaves out a report that is not of the year before", async () => {
    const view = buildTujie(R2021, R2021_PREVIOUS);
    expect(view.previousYear).toBe(2021);
    const received = view.keyFigures[0];
    expect(received).toMatchObject({ value: 17, previous: 6, change: 11 });
    const html = await renderTujieHtml(R2021, assets, R2021_PREVIOUS);
    expect(html).toContain("与2021年度对比");
    expect(html).toContain('<desc id="c-applicants-d">自然人 10 件，较上年 +5');
    expect(html).toContain('class="prev"');
    const text = (await pdfText(await renderTujiePdf(R2021, assets, R2021_PREVIOUS))).raw;
    expect(text).toContain("较上年 +11");
    // Two years back is no previous year.
    expect(buildTujie(R2021, { ...R2021_PREVIOUS, year: 2020 }).previousYear).toBeNull();
  });

  it("keeps a blank cell blank (未填报), never 0", async () => {
    const blank = structuredClone(R2021);
    blank.requests.received.research = null;
    const html = await renderTujieHtml(blank, assets);
    expect(svgValues(html).applicants?.[2]).toBe("未填报");
    expect(html).toContain("科研机构未填报");
  });
});
