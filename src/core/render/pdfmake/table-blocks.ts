// A table of blocks (table 一: each block an article row, its column header and its rows) as one table per block.
import type { ContentNode } from "./keep-together.ts";

type Margin = [number, number, number, number];
interface Cell {
  colSpan?: number;
}
interface Table {
  headerRows?: number;
  widths?: unknown[];
  body?: Cell[][];
}

/**
 * A table without header rows whose full-width rows each begin a block becomes one table per block, drawn edge to
 * edge (the rule where two meet is drawn twice in the same place). keepTogether then keeps each block whole and lets
 * the page break fall between blocks: the page before is filled and the next page starts with a block's own article
 * row and column header, so no label is cut from its rows. Any other table is returned as it is.
 */
export function tableBlocks(node: ContentNode, margin: Margin | undefined): ContentNode[] {
  const table = node.table as Table | undefined;
  const body = table?.body;
  const columns = table?.widths?.length ?? 0;
  if (!table || !body || (table.headerRows ?? 0) > 0 || columns < 2) return [node];
  const starts = body.flatMap((row, i) => (row[0]?.colSpan === columns ? [i] : []));
  if (starts.length < 2 || starts[0] !== 0) return [node];
  const [left, top, right, bottom] = margin ?? [0, 0, 0, 0];
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? body.length;
    const first = k === 0;
    const last = k === starts.length - 1;
    return {
      ...node,
      table: { ...table, body: body.slice(start, end) },
      margin: [left, first ? top : 0, right, last ? bottom : 0] as Margin,
    };
  });
}
