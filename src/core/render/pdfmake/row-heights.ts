// Where each row of a measured table block ends, worked out from pdfmake's measures without laying the block out.
import type { ContentNode } from "./keep-together.ts";
import type { Table } from "./table-split.ts";

interface Layout {
  hLineWidth(line: number, node: unknown): number;
  paddingTop(row: number, node: unknown): number;
  paddingBottom(row: number, node: unknown): number;
}

type Margin = [number, number, number, number] | null | undefined;

/**
 * The height of a measured node's text: each text node one line as tall as its tallest run (the renderer breaks
 * every line itself, so pdfmake never wraps one), stacks one after the other with their margins. Undefined for any
 * other node.
 */
export function textHeight(node: ContentNode): number | undefined {
  const margin = node._margin as Margin;
  let height = 0;
  if (Array.isArray(node._inlines)) {
    for (const run of node._inlines as { height?: number }[]) height = Math.max(height, run.height ?? 0);
  } else if (node.stack) {
    for (const child of node.stack) {
      const h = textHeight(child);
      if (h === undefined) return undefined;
      height += h;
    }
  } else if (node.text !== undefined) {
    height = 0;
  } else return undefined;
  return margin ? margin[1] + height + margin[3] : height;
}

/**
 * Where each row of the table that ends a block (keep-together.ts) ends, from the top of the block, as pdfmake lays
 * the block out on one page: the texts above it, the table's top margin and rule, then each row's padding, its
 * tallest cell (a row-spanning cell counted at its last row, from the top of its first) and the rule below it.
 * Undefined when the block holds anything else. row-breaks.ts checks what it places against the page all the same.
 */
export function rowBottoms(group: ContentNode): number[] | undefined {
  const stack = group.stack ?? [];
  const node = stack[stack.length - 1] as ContentNode & { table: Table; _layout?: Layout };
  const layout = node._layout;
  if (!layout) return undefined;
  let y = 0;
  for (const above of stack.slice(0, -1)) {
    const h = textHeight(above);
    if (h === undefined) return undefined;
    y += h;
  }
  const margin = node._margin as Margin;
  y += (margin?.[1] ?? 0) + layout.hLineWidth(0, node);
  const body = node.table.body;
  const spanEnds: number[] = [];
  const bottoms: number[] = [];
  for (let r = 0; r < body.length; r++) {
    const top = y + layout.paddingTop(r, node);
    let bottom = Math.max(top, spanEnds[r] ?? top);
    for (const cell of body[r] ?? []) {
      if (cell._span) continue;
      const h = textHeight(cell as ContentNode);
      if (h === undefined) return undefined;
      const last = r + (cell.rowSpan ?? 1) - 1;
      if (last === r) bottom = Math.max(bottom, top + h);
      else spanEnds[last] = Math.max(spanEnds[last] ?? 0, top + h);
    }
    y = bottom + layout.paddingBottom(r, node) + layout.hLineWidth(r + 1, node);
    bottoms.push(y);
  }
  return bottoms;
}
