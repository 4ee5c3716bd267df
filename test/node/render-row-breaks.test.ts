// Table 三 breaking between rows however its rows' ends are known: from the measures, from a layout, or wrongly measured.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { REQUESTS_BALANCE_NOTE, requestRows } from "../../src/core/labels.ts";
import type { Report } from "../../src/core/model.ts";
import { type RenderAssets, renderPdf } from "../../src/core/render/index.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { pdfText } from "../support/pdf.ts";
import { fixtures } from "../support/render-fixtures.ts";

/** How row-heights.ts answers in this file: as it is, not at all (a layout decides), or 40 pt short per row end. */
const mode = vi.hoisted(() => ({ value: "exact" as "exact" | "none" | "short" }));
vi.mock("../../src/core/render/pdfmake/row-heights.ts", async (original) => {
  const real = await original<typeof import("../../src/core/render/pdfmake/row-heights.ts")>();
  return {
    ...real,
    rowBottoms: (group: Parameters<typeof real.rowBottoms>[0]) => {
      if (mode.value === "none") return undefined;
      const bottoms = real.rowBottoms(group);
      return mode.value === "short" ? bottoms?.map((b) => b - 40) : bottoms;
    },
  };
});

let assets: RenderAssets;
beforeAll(async () => {
  assets = await nodeAssets();
});

const render = async (report: Report, how: typeof mode.value) => {
  mode.value = how;
  try {
    return await renderPdf(report, assets);
  } finally {
    mode.value = "exact";
  }
};

// Seeds whose table 三 breaks between rows (seed-000, seed-003) and ones where it does not.
describe.each(fixtures().filter((f) => f.name.startsWith("seed-")))("$name", ({ report }) => {
  it("draws the same PDF when a layout of the table whole tells where its rows end", async () => {
    expect(Buffer.from(await render(report, "none")).equals(Buffer.from(await render(report, "exact")))).toBe(
      true,
    );
  });

  it("still places every row once, each page of the table under its header, when the measures are wrong", async () => {
    const exact = await pdfText(await render(report, "exact"));
    const short = await pdfText(await render(report, "short"));
    const flat = (s: string) => s.replace(/\s+/g, "");
    const all = flat(short.raw);
    for (const row of requestRows(report.edition))
      expect(all.split(flat(row.label)).length - 1, row.label).toBe(1);
    const pages = short.pageList.map((p) => flat(p.raw));
    const first = pages.findIndex((p) => p.includes(flat(REQUESTS_BALANCE_NOTE)));
    const last = pages.findIndex((p) => p.includes("四、结转下年度继续办理"));
    for (let p = first + 1; p <= last; p++)
      expect(pages[p]?.startsWith(flat(REQUESTS_BALANCE_NOTE))).toBe(true);
    expect(short.pages).toBe(exact.pages);
  });
});
