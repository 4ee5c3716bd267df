// Worker font assets inside workerd: the bundled body face alone, or every face (and a fallback) from an R2-like bucket.
import { describe, expect, it } from "vitest";
import fang from "../../fonts/FandolFang-Regular.ttf";
import kai from "../../fonts/NianbaoKai-Regular.ttf";
import sans from "../../fonts/NotoSansSC-Regular.ttf";
import serifBlack from "../../fonts/NotoSerifSC-Black.ttf";
import type { Report } from "../../src/core/model.ts";
import { subsetTtf } from "../../src/core/render/fonts/ttf-subset.ts";
import { checkGlyphs, renderPdf } from "../../src/core/render/index.ts";
import { workerAssets } from "../../src/runtime/assets-worker.ts";
import report2021 from "../fixtures/render/report-2021.json";

const objects: Record<string, ArrayBuffer> = {
  "fonts/NotoSerifSC-Black.ttf": serifBlack,
  "fonts/NotoSansSC-Regular.ttf": sans,
  "fonts/NianbaoKai-Regular.ttf": kai,
};
let gets = 0;
const bucket = {
  async get(key: string) {
    gets++;
    const data = objects[key];
    return data ? { arrayBuffer: async () => data } : null;
  },
};

const fontNames = (pdf: Uint8Array) =>
  [...new TextDecoder("latin1").decode(pdf).matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z-]+)/g)].map(
    (m) => m[1],
  );

describe("worker font assets", () => {
  it("without a bucket draws every face with the bundled body font", async () => {
    const assets = await workerAssets();
    expect(assets.fonts.title).toBeUndefined();
    const pdf = await renderPdf(report2021 as Report, assets);
    expect(new Set(fontNames(pdf))).toEqual(new Set(["FandolFang-Regular"]));
  });

  it("loads the other faces from the bucket once per isolate", async () => {
    const first = await workerAssets({ bucket });
    const again = await workerAssets({ bucket });
    expect(again).toBe(first);
    expect(gets).toBe(5); // three faces, the (absent) fallback and the (absent) fonts.json, fetched once
    const pdf = await renderPdf(report2021 as Report, first);
    expect(new Set(fontNames(pdf))).toEqual(
      new Set(["FandolFang-Regular", "NotoSerifSC-Black", "NotoSansSC-Regular", "NianbaoKai-Regular"]),
    );
  });

  it("reports a character outside the subsets when no fallback font is in the bucket", async () => {
    const report = structuredClone(report2021) as Report;
    report.sections[0]?.blocks.push({ type: "paragraph", text: "堃" });
    const findings = checkGlyphs(report, await workerAssets({ bucket }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "font.missing-glyph", codePoint: "U+5803" });
    expect(findings[0]?.message).toContain("方框");
  });

  it("takes the office's fonts from the bucket's fonts.json, and names a bad file", async () => {
    const office: Record<string, ArrayBuffer | string> = {
      "office/fonts.json": JSON.stringify({ title: "仿宋.ttf", heading1: "仿宋.ttf" }),
      "office/仿宋.ttf": fang,
      "bad/fonts.json": JSON.stringify({ heading2: "楷.ttf" }),
      // Every default face covers GB2312 now: a font lacking it is cut here (the first 3,000 hanzi of the 黑体 face).
      "bad/楷.ttf": subsetTtf(
        new Uint8Array(sans),
        String.fromCodePoint(...Array.from({ length: 3000 }, (_, i) => 0x4e00 + i)),
      ).slice().buffer as ArrayBuffer,
      "gone/fonts.json": JSON.stringify({ body: "无.ttf" }),
    };
    const officeBucket = {
      async get(key: string) {
        const data = office[key];
        if (data === undefined) return null;
        return {
          arrayBuffer: async () => (typeof data === "string" ? new TextEncoder().encode(data).buffer : data),
        };
      },
    };
    const assets = await workerAssets({ bucket: officeBucket, prefix: "office/" });
    expect(assets.fonts.title?.name).toBe("office-仿宋.ttf");
    const pdf = await renderPdf(report2021 as Report, assets);
    expect(new Set(fontNames(pdf))).toEqual(new Set(["FandolFang-Regular"]));
    await expect(workerAssets({ bucket: officeBucket, prefix: "bad/" })).rejects.toMatchObject({
      code: "invalid_fonts",
      message: expect.stringMatching(/bad\/楷\.ttf: 未覆盖 GB2312/),
    });
    await expect(workerAssets({ bucket: officeBucket, prefix: "gone/" })).rejects.toMatchObject({
      code: "invalid_fonts",
      message: expect.stringMatching(/gone\/无\.ttf: 文件不存在/),
    });
  });
});
