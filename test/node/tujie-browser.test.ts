// The 图解 page in headless Chromium at phone and desktop widths: no overflow, the embedded font used, charts drawn.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.ts";
import { renderTujieHtml } from "../../src/core/tujie/index.ts";
import { useBrowser } from "../support/browser.ts";

const ctx = useBrowser();
const load = (name: string): Report =>
  JSON.parse(readFileSync(new URL(`../fixtures/validate/${name}`, import.meta.url), "utf8")) as Report;

describe("图解 page in Chromium", () => {
  it.each([360, 1024])(
    "fits %i px without horizontal scrolling, fonts and charts load, nothing fetched",
    async (width) => {
      const html = await renderTujieHtml(
        load("report-2021.json"),
        ctx.assets,
        load("report-2021-previous.json"),
      );
      const page = await ctx.browser.newPage({ viewport: { width, height: 800 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(String(e)));
      await page.route("**/*", (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent(html, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      const facts = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        fonts: [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family),
        charts: [...document.querySelectorAll("svg[role=img]")].map((s) => {
          const r = s.getBoundingClientRect();
          return { width: r.width, height: r.height, bars: s.querySelectorAll("rect.bar").length };
        }),
        keyColumns: getComputedStyle(document.querySelector(".keys") as Element).gridTemplateColumns.split(
          " ",
        ).length,
      }));
      await page.close();
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(facts.scroll).toBeLessThanOrEqual(facts.client);
      expect(facts.fonts).toContain("NB Body");
      expect(facts.charts).toHaveLength(5);
      for (const c of facts.charts) {
        expect(c.width).toBeGreaterThan(width < 600 ? 300 : 500);
        expect(c.height).toBeGreaterThan(100);
      }
      expect(facts.charts[0]?.bars).toBe(5); // 自然人 10, 商业企业 3, 社会公益组织 1, 法律服务机构 2, 其他 1 (科研机构 0: no bar)
      expect(facts.keyColumns).toBe(width < 600 ? 2 : 3);
    },
  );
});
