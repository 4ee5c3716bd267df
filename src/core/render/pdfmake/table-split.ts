// A table split between two rows: the header rows repeated, each row-spanning label cut by the split given again below.
import { LAYOUT_STATE } from "./layout-state.ts";

/** A table cell as pdfmake holds it after measuring (covered positions are `_span` placeholders). */
export interface Cell {
  rowSpan?: number;
  colSpan?: number;
  _span?: boolean;
  stack?: Cell[];
  nbTag?: unknown;
  [key: string]: unknown;
}

export interface Table {
  headerRows?: number;
  body: Cell[][];
  [key: string]: unknown;
}

/** A row-spanning cell of the body: its first row, its column and its last row. */
export interface Span {
  row: number;
  col: number;
  end: number;
  cell: Cell;
}

/** What pdfmake leaves on table cells while laying them out, read again by a later layout of the same cells. */
export const CELL_LAYOUT_STATE: readonly string[] = [...LAYOUT_STATE, "_rowSpanCurrentOffset", "_colSpan"];
const STATE = new Set(CELL_LAYOUT_STATE);

/** The row-spanning cells that start below the header rows. */
export function bodySpans(table: Table): Span[] {
  const spans: Span[] = [];
  const from = table.headerRows ?? 0;
  table.body.forEach((row, r) => {
    if (r < from) return;
    row.forEach((cell, col) => {
      if (!cell._span && (cell.rowSpan ?? 1) > 1)
        spans.push({ row: r, col, end: r + (cell.rowSpan ?? 1) - 1, cell });
    });
  });
  return spans;
}

/**
 * A copy of a cell without pdfmake's layout state, so that laying it out again starts clean. Untagged: its lines lose
 * their structure tag (tagging.ts), so a repeated header or label is drawn as an artifact, not as a second copy.
 */
function copy(cell: Cell, untag: boolean, rowSpan?: number): Cell {
  const out: Cell = {};
  for (const key of Object.keys(cell)) if (!STATE.has(key)) out[key] = cell[key];
  // pdfmake takes a text's measured runs off this list as it lays the text out: each copy gets its own.
  if (Array.isArray(cell._inlines)) out._inlines = cell._inlines.slice();
  if (rowSpan !== undefined) out.rowSpan = rowSpan;
  if (untag) {
    delete out.nbTag;
    if (cell.stack) out.stack = cell.stack.map((line) => copy(line, true));
  }
  return out;
}

/**
 * The table as two tables split before body row `cut` (header rows < cut < rows): the first has the header rows and
 * the rows above the cut, its row-spanning cells shortened to end at the cut; the second has the header rows again
 * and the rest, with every row-spanning cell the cut went through given again in its first row for the rows it still
 * spans. The repeated cells and the shortened ones are copies, the repeated ones untagged; the others are copies
 * too unless `fresh` (the cells were never laid out: each is laid out once, in one of the two).
 */
export function splitRows(table: Table, cut: number, fresh = false): [Table, Table] {
  const header = table.headerRows ?? 0;
  const keep = (cell: Cell) => (fresh ? cell : copy(cell, false));
  const spans = bodySpans(table);
  const cutSpans = spans.filter((s) => s.row < cut && s.end >= cut);
  // The span a position starts (or, with its colSpan, continues to the right in its first row), if the cut goes
  // through it; pdfmake's placeholders right of a spanning cell carry its rowSpan too.
  const across = (r: number, col: number) =>
    cutSpans.find((s) => s.row === r && col >= s.col && col < s.col + (s.cell.colSpan ?? 1));
  const first = table.body.slice(0, cut).map((row, r) =>
    row.map((cell, col) => {
      const span = r >= header ? across(r, col) : undefined;
      return span ? copy(cell, false, cut - span.row) : keep(cell);
    }),
  );
  const second = [
    ...table.body.slice(0, header).map((row) => row.map((cell) => copy(cell, true))),
    ...table.body.slice(cut).map((row, i) =>
      row.map((cell, col) => {
        const span =
          i === 0 ? cutSpans.find((s) => col >= s.col && col < s.col + (s.cell.colSpan ?? 1)) : undefined;
        if (!span) return keep(cell);
        const rowSpan = span.end - cut + 1;
        return col === span.col ? copy(span.cell, true, rowSpan) : { ...copy(cell, false), rowSpan };
      }),
    ),
  ];
  return [
    { ...table, body: first },
    { ...table, body: second },
  ];
}

/** What the layout of a table whole tells about where it can be split. */
export interface RowGeometry {
  headerRows: number;
  rows: number;
  /** Where each row ends, from the top of the block the table is laid out in; undefined past the block's first page. */
  bottom: (number | undefined)[];
  spans: Span[];
  /** The height a row-spanning cell needs: its content and the padding around it. */
  need(span: Span): number;
}

/** Body rows a part must hold at least: the first (two, so a header never closes a page over one row) and the second. */
const FIRST_ROWS = 2;
const SECOND_ROWS = 1;

/**
 * The body row to split before, so that the part above fits in `room` and reaches at least `fill`; among those, the
 * split that cuts the fewest row-spanning labels (a label left too short for its text counts once more), the lowest
 * on ties. When no split reaches `fill`, the lowest that fits. Undefined when none fits.
 */
export function chooseCut(g: RowGeometry, room: number, fill: number): number | undefined {
  let best: { cut: number; cost: number } | undefined;
  let lowest: number | undefined;
  for (let cut = g.headerRows + FIRST_ROWS; cut <= g.rows - SECOND_ROWS; cut++) {
    const end = g.bottom[cut - 1];
    if (end === undefined) break;
    let grow = 0;
    let cost = 0;
    for (const s of g.spans) {
      if (s.row >= cut || s.end < cut) continue;
      cost++;
      const need = g.need(s);
      // The part above: pdfmake makes the last row taller when the shortened label needs more room than its rows.
      grow = Math.max(grow, need - (end - (g.bottom[s.row - 1] ?? end)));
      const below = g.bottom[s.end];
      if (below !== undefined && below - end < need) cost++;
    }
    const height = end + Math.max(0, grow);
    if (height > room) continue;
    lowest = cut;
    if (height >= fill && (!best || cost <= best.cost)) best = { cut, cost };
  }
  return best?.cut ?? lowest;
}
