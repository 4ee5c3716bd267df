// Line breaking for the PDF: body lines (justified, first-line indent) and table cells (within the cell's width).
import { beforeAll, describe, expect, it } from "vitest";
import type { RenderAssets } from "../../src/core/render/index.ts";
import { breakLines, cellLines } from "../../src/core/render/text/lines.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";

let assets: RenderAssets;
beforeAll(async () => {
  assets = await nodeAssets();
});

const text = (line: string | { text: string }[]) =>
  typeof line === "string" ? line : line.map((r) => r.text).join("");

describe("cellLines", () => {
  it("keeps text that fits on one line", () => {
    expect(cellLines("行政许可", assets, 10.5, 100)).toEqual(["行政许可"]);
    expect(cellLines("", assets, 10.5, 100)).toEqual([""]);
  });

  it("breaks CJK text at the cell width, every line within it, nothing lost", () => {
    const label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    const lines = cellLines(label, assets, 10.5, 10.5 * 10).map(text);
    expect(lines.length).toBe(3);
    expect(lines.join("")).toBe(label);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(10);
  });

  it("never starts a line with closing punctuation nor ends one with opening punctuation", () => {
    // Ten characters fit: the eleventh, 「，」, would start line two, so 「情」 goes with it.
    const lines = cellLines("一二三四五六七八九情，十一（十二）", assets, 10.5, 10.5 * 10).map(text);
    expect(lines[0]).toBe("一二三四五六七八九");
    expect(lines[1]?.startsWith("情，")).toBe(true);
    for (const l of lines) {
      expect(l).not.toMatch(/^[，。、；：）》」]/);
      expect(l).not.toMatch(/[（《「]$/);
    }
  });

  it("keeps a number whole when it fits a line, breaks one wider than the cell", () => {
    expect(cellLines("共 123456 件", assets, 10.5, 45).map(text)).toContain("123456");
    const wide = cellLines("123456789012345", assets, 10.5, 28).map(text);
    expect(wide.length).toBeGreaterThan(1);
    expect(wide.join("")).toBe("123456789012345");
  });
});

describe("breakLines", () => {
  const opts = { width: 442.2, fontSize: 16, perLine: 28, indent: 2, lineHeight: 1.2 };

  it("gives 26 characters to the indented first line and 28 to the next", () => {
    const lines = breakLines("字".repeat(60), "body", assets, opts);
    const counts = lines.map((l) => l.text.map((r) => (r as { text: string }).text).join("").length);
    expect(counts).toEqual([26, 28, 6]);
    expect(lines[0]?.margin?.[0]).toBeCloseTo(32, 0);
    expect(lines[1]?.margin).toBeUndefined();
  });
});

describe("breakLines keeps numbers whole", () => {
  it("moves a whole number, not its last digit, with closing punctuation to the next line", () => {
    const opts = { width: 442.2, fontSize: 16, perLine: 28, indent: 0, lineHeight: 1.2 };
    // For some n, 「（2019」 ends the line exactly and 「）」 may not start the next one.
    for (let n = 16; n <= 27; n++) {
      const lines = breakLines(`${"字".repeat(n)}（2019）${"字".repeat(10)}`, "body", assets, opts).map((l) =>
        l.text.map((r) => (r as { text: string }).text).join(""),
      );
      expect(
        lines.some((l) => l.includes("2019")),
        `n = ${n}: ${lines.join(" | ")}`,
      ).toBe(true);
      for (const l of lines) expect(l, `n = ${n}`).not.toMatch(/^[）]/);
    }
  });
});
