// Rendering inside workerd: both editions render to PDF and HTML with the bundled font, deterministic bytes.
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.ts";
import { renderHtml, renderPdf } from "../../src/core/render/index.ts";
import { workerAssets } from "../../src/runtime/assets-worker.ts";
import fixture2019 from "../fixtures/render/report-2019.json";
import fixture2021 from "../fixtures/render/report-2021.json";

const reports = { "2019": fixture2019 as Report, "2021": fixture2021 as Report };

describe("render inside workerd", () => {
  for (const [edition, report] of Object.entries(reports)) {
    it(`renders a ${edition} report to the same PDF bytes twice`, async () => {
      const assets = await workerAssets();
      const a = await renderPdf(report, assets);
      const b = await renderPdf(report, assets);
      expect(new TextDecoder("latin1").decode(a.subarray(0, 5))).toBe("%PDF-");
      expect(a.length).toBeGreaterThan(10_000);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      expect(new TextDecoder("latin1").decode(a)).toContain("+NotoSerifSC-Regular");
    });

    it(`renders a ${edition} report to HTML`, async () => {
      const html = await renderHtml(report, await workerAssets());
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain(report.organ);
      expect(html).not.toContain("<script");
    });
  }
});
