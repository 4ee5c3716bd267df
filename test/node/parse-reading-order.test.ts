// pdftotext's default reading order: table 四's runs put in the one order R4 allows, and table 三's bands read by the sums.
import { describe, expect, it } from "vitest";
import { appealsInOrder } from "../../src/core/parse/appeals-order.ts";
import { readInRowOrder } from "../../src/core/parse/reading-order.ts";
import type { RawRow } from "../../src/core/parse/rows.ts";
import type { Token } from "../../src/core/parse/tokens.ts";

const run = (...xs: (number | string)[]): RawRow => ({
  path: [],
  cells: xs.map((x) => ({ raw: String(x), glued: false })),
  artefact: false,
});

describe("table 四 in runs", () => {
  it("runs out of order: the one order that keeps R4 in every group", () => {
    // review 5 2 0 1 | 8, direct 3 0 1 0 | 4, after review 2 2 0 0 | 4; the totals written apart from the parts.
    const got = appealsInOrder([run(5, 2, 0, 1), run(8, 3, 0, 1), run(0, 4, 2, 2, 0, 0), run(4)]);
    expect(got?.values).toEqual([5, 2, 0, 1, 8, 3, 0, 1, 0, 4, 2, 2, 0, 0, 4]);
    expect(got?.inOrder).toBe(true);
    const moved = appealsInOrder([run(0, 4, 2, 2, 0, 0), run(5, 2, 0, 1), run(4), run(8, 3, 0, 1)]);
    expect(moved?.values).toEqual([5, 2, 0, 1, 8, 3, 0, 1, 0, 4, 2, 2, 0, 0, 4]);
    expect(moved?.inOrder).toBe(false);
  });

  it("no order, several orders with other numbers, other than fifteen counts, or too many runs: undefined", () => {
    expect(appealsInOrder([run(10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0), run(0)])).toBeUndefined(); // R4 fails
    expect(
      appealsInOrder([run(2, 1, 0, 0), run(3), run(1, 0, 0, 0, 1), run(0, 1, 0, 0), run(1)]),
    ).toBeUndefined();
    expect(appealsInOrder([run(0, 0, 0, 0, 0, 0, 0), run(0, 0, 0, 0, 0, 0, 0)])).toBeUndefined(); // 14
    expect(appealsInOrder([run(0, 0, 0, 0, 0, 0, 0), run("0.5", 0, 0, 0, 0, 0, 0, 0)])).toBeUndefined();
    const eight = [run(0, 0), run(0, 0), run(0, 0), run(0, 0), run(0, 0), run(0, 0), run(0, 0), run(0)];
    expect(appealsInOrder(eight)).toBeUndefined();
  });

  it("seven runs (5,040 orders) of zeros: all orders agree, read at once", () => {
    const seven = [run(0, 0, 0), run(0, 0), run(0, 0), run(0, 0), run(0, 0), run(0, 0), run(0, 0)];
    const t0 = performance.now();
    expect(appealsInOrder(seven)?.values).toEqual(new Array(15).fill(0));
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

/** Tokens of lines: a number is a value line, a string a text line, "" a blank line. */
function tokens(lines: (number | string)[]): Token[] {
  const out: Token[] = [];
  for (const l of lines) {
    if (typeof l === "number") out.push({ kind: "value", raw: String(l), glued: false });
    else if (l !== "") out.push({ kind: "text", text: l });
    out.push({ kind: "break" });
  }
  return out;
}

describe("table 三 in row order", () => {
  // Rows of the 2019 form (23): received, carriedOver, granted, partiallyGranted, withheld ×8, unavailable ×3,
  // notProcessed ×5, otherHandling, handledTotal, carriedForward. Row totals in the last column.
  const row = (n: number): number[] => [n, 0, 0, 0, 0, 0, n];
  const zero = row(0);
  const rows2019 = (granted: number, withheld: number): number[][] => [
    row(granted + withheld),
    zero,
    row(granted),
    zero,
    row(withheld),
    ...new Array(7).fill(zero),
    ...new Array(3).fill(zero),
    ...new Array(5).fill(zero),
    zero,
    row(granted + withheld),
    zero,
  ];
  const rowMajor = (rows: number[][]) => rows.flatMap((r) => ["label", ...r.flatMap((v) => [v, ""])]);

  it("values one a block after their labels: read in row order when every sum holds", () => {
    const got = readInRowOrder(tokens(rowMajor(rows2019(3, 2))), "2019");
    expect(got?.rows.get("received")).toEqual(row(5));
    expect(got?.rows.get("withheld.stateSecret")).toEqual(row(2));
    expect(got?.bands).toBe(0);
  });

  it("a band of seven blocks of k rows is read column by column", () => {
    const rows = rows2019(3, 2);
    // Rows 2–5 (granted … withheld.prohibitedByLaw) as a band of seven blocks of four.
    const band = [0, 1, 2, 3, 4, 5, 6].flatMap((c) => [
      ...[2, 3, 4, 5].map((r) => rows[r]?.[c] as number),
      "",
    ]);
    const lines = [...rowMajor(rows.slice(0, 2)), "label", ...band, ...rowMajor(rows.slice(6))];
    const got = readInRowOrder(tokens(lines), "2019");
    expect(got?.bands).toBe(1);
    expect(got?.rows.get("granted")).toEqual(row(3));
    expect(got?.rows.get("withheld.stateSecret")).toEqual(row(2));
  });

  it("a sum that fails, or a count that is not the table's: no reading", () => {
    const rows = rows2019(3, 2);
    rows[2] = [3, 0, 0, 0, 0, 0, 4]; // R2 fails in 予以公开
    expect(readInRowOrder(tokens(rowMajor(rows)), "2019")).toBeUndefined();
    expect(readInRowOrder(tokens(rowMajor(rows2019(3, 2).slice(1))), "2019")).toBeUndefined();
  });
});
