// Splitting a table between rows (header rows repeated, cut row spans given again) and choosing where to split.
import { describe, expect, it } from "vitest";
import { decide } from "../../src/core/render/pdfmake/row-breaks.ts";
import {
  bodySpans,
  type Cell,
  chooseCut,
  splitRows,
  type Table,
} from "../../src/core/render/pdfmake/table-split.ts";

/**
 * A table like 三: one header row, then rows 1–6 under a label spanning them all (column 0), rows 2–4 under a second
 * label (column 1); placeholders where a span covers a cell, as pdfmake's measuring leaves them.
 */
function table(): Table {
  const span = (): Cell => ({ _span: true });
  return {
    headerRows: 1,
    body: [
      [{ text: "H0", nbTag: 1 }, { text: "H1" }, { text: "H2" }],
      [{ text: "A", rowSpan: 6 }, { text: "a1", colSpan: 2 }, span()],
      [span(), { text: "B", rowSpan: 3, _endingCell: {} }, { text: "b1" }],
      [span(), span(), { text: "b2", _bottomY: 9 }],
      [span(), span(), { text: "b3" }],
      [span(), { text: "a5", colSpan: 2 }, span()],
      [span(), { text: "a6", colSpan: 2 }, span()],
      [{ text: "T", colSpan: 3 }, span(), span()],
    ],
  };
}
const texts = (t: Table) =>
  t.body.map((row) => row.map((c) => (c._span ? "·" : `${c.text}${c.rowSpan ? `/${c.rowSpan}` : ""}`)));

describe("splitRows", () => {
  it("shortens the spans the cut goes through above it and gives them again below, the header first", () => {
    const [above, below] = splitRows(table(), 3);
    expect(texts(above)).toEqual([
      ["H0", "H1", "H2"],
      ["A/2", "a1", "·"],
      ["·", "B/1", "b1"],
    ]);
    expect(texts(below)).toEqual([
      ["H0", "H1", "H2"],
      ["A/4", "B/2", "b2"],
      ["·", "·", "b3"],
      ["·", "a5", "·"],
      ["·", "a6", "·"],
      ["T", "·", "·"],
    ]);
    expect(above.headerRows).toBe(1);
    expect(below.headerRows).toBe(1);
  });

  it("copies cells without pdfmake's layout state; the repeated header and labels are untagged", () => {
    const source = table();
    const [above, below] = splitRows(source, 3);
    expect(above.body[2]?.[1]).not.toHaveProperty("_endingCell");
    expect(below.body[1]?.[2]).not.toHaveProperty("_bottomY");
    expect(above.body[0]?.[0]).toMatchObject({ nbTag: 1 });
    expect(below.body[0]?.[0]).not.toHaveProperty("nbTag");
    expect(below.body[0]?.[0]).not.toBe(source.body[0]?.[0]);
    // The source is left as it was.
    expect(source.body[1]?.[0]?.rowSpan).toBe(6);
  });

  it("fresh (never laid out): copies only the cells it repeats or shortens", () => {
    const source = table();
    const [above, below] = splitRows(source, 3, true);
    expect(above.body[0]?.[0]).toBe(source.body[0]?.[0]);
    expect(above.body[2]?.[2]).toBe(source.body[2]?.[2]);
    expect(above.body[1]?.[0]).not.toBe(source.body[1]?.[0]);
    expect(below.body[0]?.[0]).not.toBe(source.body[0]?.[0]);
    expect(below.body[2]?.[2]).toBe(source.body[4]?.[2]);
    expect(texts(above)).toEqual(texts(splitRows(table(), 3)[0]));
  });

  it("cuts no span between two of its groups", () => {
    const [, below] = splitRows(table(), 5);
    expect(texts(below)[1]).toEqual(["A/2", "a5", "·"]);
  });
});

describe("chooseCut", () => {
  // Header 20 pt, body rows 10 pt each: row r ends at 20 + 10 r.
  const g = (need = 0) => ({
    headerRows: 1,
    rows: 8,
    bottom: [20, 30, 40, 50, 60, 70, 80, 90],
    spans: bodySpans(table()),
    need: () => need,
  });

  it("takes the lowest split that fits when none reaches the fill", () => {
    expect(chooseCut(g(), 55, 100)).toBe(4);
  });

  it("among the splits that fit and fill, cuts the fewest labels", () => {
    // A spans rows 1–6, B rows 2–4, C rows 5–6: cut 4 goes through A and B, cut 5 through A, cut 6 through A and C.
    const spans = [
      { row: 1, col: 0, end: 6, cell: {} },
      { row: 2, col: 1, end: 4, cell: {} },
      { row: 5, col: 1, end: 6, cell: {} },
    ];
    expect(chooseCut({ ...g(), spans }, 75, 50)).toBe(5);
    // Without a fill to reach, the same; with a fill only cut 6 reaches, cut 6.
    expect(chooseCut({ ...g(), spans }, 75, 0)).toBe(5);
    expect(chooseCut({ ...g(), spans }, 75, 65)).toBe(6);
  });

  it("counts the height a shortened label needs, and none fits below two body rows", () => {
    // A label 25 pt tall over rows 1–2 (20 pt) makes the part above 5 pt taller.
    expect(chooseCut({ ...g(), need: (s) => (s.row === 1 ? 25 : 0) }, 40, 0)).toBeUndefined();
    expect(chooseCut(g(), 39, 0)).toBeUndefined();
    expect(chooseCut(g(), 40, 0)).toBe(3);
  });
});

describe("decide (row-breaks.ts): whether a table block that does not fit is split, and where", () => {
  // The same rows on a text block of 100 pt: moving a block whole may leave 30 pt of it empty.
  const g = () => ({
    headerRows: 1,
    rows: 8,
    bottom: [20, 30, 40, 50, 60, 70, 80, 90],
    spans: bodySpans(table()),
    need: () => 0,
  });

  it("splits where it is when the part above fills the page, and moves a block that fits a page whole", () => {
    expect(decide(g(), 55, 100, false)).toEqual({ cut: 4, nextPage: false });
    expect(decide(g(), 55, 100, true)).toEqual({ cut: 4, nextPage: false });
    expect(decide(g(), 25, 100, false)).toBeUndefined();
    expect(decide(g(), 35, 100, false)).toBeUndefined();
  });

  it("splits a block taller than a page on the next page when no first part fits what is left, however much that is", () => {
    // 25 pt left (under 30): moves on. 35 pt left: over 30, but a first part needs 40 pt (header and two rows); it
    // moved on whole before and pdfmake broke it, its cut labels not given again.
    expect(decide(g(), 25, 100, true)).toEqual({ cut: 7, nextPage: true });
    expect(decide(g(), 35, 100, true)).toEqual({ cut: 7, nextPage: true });
  });
});
