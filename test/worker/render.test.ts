// Rendering inside workerd: every render fixture and seed of both editions to PDF (same bytes twice) and HTML.
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.ts";
import { renderHtml, renderPdf } from "../../src/core/render/index.ts";
import { workerAssets } from "../../src/runtime/assets-worker.ts";
import fixture2019 from "../fixtures/render/report-2019.json";
import fixture2021 from "../fixtures/render/report-2021.json";
import seed000 from "../fixtures/render/seed-000.json";
import seed001 from "../fixtures/render/seed-001.json";
import seed003 from "../fixtures/render/seed-003.json";
import seed004 from "../fixtures/render/seed-004.json";

const reports: Record<string, Report> = {
  "report-2019": fixture2019 as Report,
  "report-2021": fixture2021 as Report,
  "seed-000": seed000 as Report,
  "seed-001": seed001 as Report,
  "seed-003": seed003 as Report,
  "seed-004": seed004 as Report,
};

describe("render inside workerd", () => {
  for (const [name, report] of Object.entries(reports)) {
    it(`renders ${name} (${report.edition}) to the same PDF bytes twice`, async () => {
      const assets = await workerAssets();
      const a = await renderPdf(report, assets);
      const b = await renderPdf(report, assets);
      expect(new TextDecoder("latin1").decode(a.subarray(0, 5))).toBe("%PDF-");
      expect(a.length).toBeGreaterThan(10_000);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      expect(new TextDecoder("latin1").decode(a)).toContain("+FandolFang-Regular");
    });

    it(`renders ${name} to HTML with its fonts embedded`, async () => {
      const html = await renderHtml(report, await workerAssets());
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain(report.organ);
      expect(html).not.toContain("<script");
      // The body face, subset to the page's characters inside workerd.
      // The body face (FandolFang, TrueType since scripts/fandol-ttf.py): a TrueType subset (base64 AAEAAA).
      expect(html).toMatch(
        /@font-face \{ font-family: "NB Body";[^}]*data:font\/ttf;base64,AAEAAA[^}]*format\("truetype"\)/,
      );
    });
  }
});
