// HTML rendering checked in headless Chromium (the npm-carried Chromium, or a system one; required): every table cell present, fonts load, no error.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.ts";
import { buildView, renderHtml } from "../../src/core/render/index.ts";
import { useBrowser } from "../support/browser.ts";
import { pdfText } from "../support/pdf.ts";
import { fixtures } from "../support/render-fixtures.ts";

const ctx = useBrowser();

/** Opens the page with every network request refused; collects console errors and page errors. */
async function open(html: string, width = 1024): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route("**/*", (route) => route.abort());
  await page.setContent(html, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  return { page, errors };
}

/** Cells per table as the view model has them (covered span positions excluded). */
function expectedCells(report: Report): Record<string, { td: number; th: number; texts: string[] }> {
  const out: Record<string, { td: number; th: number; texts: string[] }> = {};
  for (const s of buildView(report).sections) {
    if (!s.table) continue;
    const cells = [...s.table.head, ...s.table.body].flat().filter((c) => !c.covered);
    out[s.table.id] = {
      td: cells.filter((c) => !c.th).length,
      th: cells.filter((c) => c.th).length,
      texts: cells.map((c) => c.text),
    };
  }
  return out;
}

describe.each(fixtures())("$name", ({ report }) => {
  it("opens in Chromium with every table cell, embedded fonts loaded, no error", async () => {
    const html = await renderHtml(report, ctx.assets);
    const { page, errors } = await open(html);
    try {
      const facts = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        scripts: document.scripts.length,
        h1: document.querySelector("h1")?.textContent,
        h2: [...document.querySelectorAll("h2")].map((h) => h.textContent),
        tables: Object.fromEntries(
          [...document.querySelectorAll("table")].map((t) => [
            t.id.replace(/^table-/, ""),
            {
              td: t.querySelectorAll("td").length,
              th: t.querySelectorAll("th").length,
              texts: [...t.querySelectorAll("td, th")].map((c) => c.textContent ?? ""),
              caption: t.querySelector("caption")?.textContent ?? "",
              scoped: [...t.querySelectorAll("th")].every((c) => c.hasAttribute("scope")),
            },
          ]),
        ),
        fonts: [...document.fonts].map((f) => `${f.family}:${f.status}`),
      }));
      expect(facts.lang).toBe("zh-CN");
      expect(facts.scripts).toBe(0);
      expect(facts.h1).toBe(report.title || `${report.organ}${report.year}年度政府信息公开工作年度报告`);
      for (const s of report.sections) if (s.heading) expect(facts.h2).toContain(s.heading);
      const expected = expectedCells(report);
      expect(Object.keys(facts.tables).sort()).toEqual(["appeals", "proactive", "requests"]);
      for (const [id, want] of Object.entries(expected)) {
        const got = facts.tables[id];
        expect(got?.td, id).toBe(want.td);
        expect(got?.th, id).toBe(want.th);
        expect(got?.texts, id).toEqual(want.texts);
        expect(got?.caption).not.toBe("");
        expect(got?.scoped).toBe(true);
      }
      expect(facts.fonts.length).toBeGreaterThanOrEqual(3);
      for (const f of facts.fonts) expect(f).toMatch(/:loaded$/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("escaping and small screens", () => {
  it("escapes every string from the report and runs no script", async () => {
    const base = structuredClone(fixtures().find((f) => f.name === "report-2021")?.report as Report);
    base.organ = `<script>alert(1)</script>&"'`;
    base.title = `<img src=x onerror=alert(1)>标题`;
    base.sections[0]?.blocks.push({ type: "paragraph", text: "<b>粗</b> & </p><script>x()</script>" });
    const html = await renderHtml(base, ctx.assets);
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain("&lt;script&gt;");
    const { page, errors } = await open(html);
    try {
      expect(await page.evaluate(() => document.querySelector("h1")?.textContent)).toBe(base.title);
      expect(await page.evaluate(() => document.querySelectorAll("script, img, b").length)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("fits a phone: no page-wide horizontal scroll, tables scroll in their own box", async () => {
    const report = fixtures().find((f) => f.name === "report-2019")?.report as Report;
    const { page } = await open(await renderHtml(report, ctx.assets), 375);
    try {
      const m = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: window.innerWidth,
        bodyFont: Number.parseFloat(getComputedStyle(document.querySelector("p") as Element).fontSize),
      }));
      expect(m.page).toBeLessThanOrEqual(m.view);
      expect(m.bodyFont).toBeGreaterThanOrEqual(16);
    } finally {
      await page.close();
    }
  });

  it("at 1024 px and wider: no table scrolls sideways, title lines balanced", async () => {
    for (const { name, report } of fixtures()) {
      const html = await renderHtml(report, ctx.assets);
      for (const width of [1024, 1440]) {
        const { page } = await open(html, width);
        try {
          const m = await page.evaluate(() => {
            const h1 = document.querySelector("h1");
            const range = document.createRange();
            if (h1) range.selectNodeContents(h1);
            const lines = new Map<number, number>();
            for (const r of range.getClientRects())
              lines.set(Math.round(r.top), (lines.get(Math.round(r.top)) ?? 0) + r.width);
            return {
              wraps: [...document.querySelectorAll(".table-wrap")].map((w) => w.scrollWidth - w.clientWidth),
              lines: [...lines.values()],
            };
          });
          for (const over of m.wraps) expect(over, `${name} @${width}`).toBeLessThanOrEqual(0);
          // No orphan: the shortest title line is at least half as wide as the longest.
          if (m.lines.length > 1)
            expect(Math.min(...m.lines) / Math.max(...m.lines), name).toBeGreaterThan(0.5);
        } finally {
          await page.close();
        }
      }
    }
  }, 180_000);
});

describe("print stylesheet", () => {
  it("prints A4 pages numbered 「— n —」, tables breaking between rows with their header repeated", async () => {
    const report = fixtures().find((f) => f.name === "report-2021")?.report as Report;
    const { page, errors } = await open(await renderHtml(report, ctx.assets));
    try {
      // page.pdf prints with the print media: the @page box and the rows' break rules apply.
      const pdf = new Uint8Array(await page.pdf({ preferCSSPageSize: true }));
      const { pageList } = await pdfText(pdf);
      expect(pageList.length).toBeGreaterThan(2);
      for (const p of pageList) {
        expect(p.width).toBeCloseTo(595.28, 0);
        // The @page margin box: 「— n —」 at the foot of every page.
        const foot = p.items.filter((i) => i.y < 99);
        expect(
          foot
            .map((i) => i.str)
            .join("")
            .replace(/\s/g, ""),
          `page ${p.number}`,
        ).toBe(`—${p.number}—`);
      }
      // Table 三 runs over two pages here; the page it continues on starts with its column header again.
      const headerPages = pageList.filter((p) => p.text.includes("申请人情况")).map((p) => p.number);
      const requestsPages = pageList
        .filter((p) => /（七）总计|本年新收政府信息公开申请数量/.test(p.text))
        .map((p) => p.number);
      expect(requestsPages.length).toBeGreaterThan(1);
      for (const n of requestsPages) expect(headerPages, `page ${n}`).toContain(n);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
