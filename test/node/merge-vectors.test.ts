// Table rules drawn as runs: consecutive plain lines of one style become one stroked path, everything else in order.
import { describe, expect, it } from "vitest";
import { mergeLines } from "../../src/core/render/pdfmake/merge-vectors.ts";

const line = (x: number, extra: Record<string, unknown> = {}) => ({
  type: "vector",
  item: { type: "line", x1: x, y1: 0, x2: x, y2: 10, lineWidth: 0.5, lineColor: "#000000", ...extra },
});
const text = { type: "line", item: { inlines: [] } };

describe("mergeLines", () => {
  it("merges runs of same-style lines and keeps every other item where it was", () => {
    const out = mergeLines([
      line(1),
      line(2),
      line(3),
      text,
      line(4),
      line(5, { lineWidth: 1 }),
      line(6, { lineWidth: 1 }),
    ]);
    const kinds = out.map((i) => (i.type === "vector" ? (i.item as { type: string }).type : i.type));
    expect(kinds).toEqual(["lines", "line", "line", "lines"]);
    const first = out[0]?.item as { segments: { x1: number }[]; lineWidth: number };
    expect(first.segments.map((s) => s.x1)).toEqual([1, 2, 3]);
    expect(first.lineWidth).toBe(0.5);
    expect(out[1]).toBe(text);
    expect((out[3]?.item as { lineWidth: number } | undefined)?.lineWidth).toBe(1);
  });

  it("leaves dashed, filled and other vectors alone", () => {
    const items = [
      line(1, { dash: { length: 2 } }),
      line(2, { color: "red" }),
      { type: "vector", item: { type: "rect" } },
    ];
    expect(mergeLines(items)).toEqual(items);
  });
});
