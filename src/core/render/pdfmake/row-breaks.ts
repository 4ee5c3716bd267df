// Tables that break between rows: a table block that would leave its page part empty is split and laid out as two.
import type { ContentNode } from "./keep-together.ts";
import type { Method, Patch } from "./patch.ts";
import { rowBottoms, textHeight } from "./row-heights.ts";
import { bodySpans, chooseCut, type RowGeometry, splitRows, type Table } from "./table-split.ts";

/**
 * Of the text block, the most a page may be left empty above a table block moved whole to the next page, and the most
 * a split leaves empty at the foot of the page when it can choose: a little under a third, as the page is measured to
 * the baseline of its last line.
 */
const MOST_EMPTY = 0.3;

interface Context {
  y: number;
  page: number;
  availableHeight: number;
  pages: unknown[];
  pageMargins: { top: number; bottom: number };
  getCurrentPage(): { pageSize: { height: number } };
}

interface Writer {
  transactionLevel: number;
  contextStack: Context[];
  context(): Context;
  popContext(): void;
  moveToNextPage(): void;
}

interface Layout {
  paddingTop(row: number, node: unknown): number;
  paddingBottom(row: number, node: unknown): number;
}

interface TableNode extends ContentNode {
  table: Table;
  _layout?: Layout;
}

interface Builder {
  writer: Writer;
  processNode(node: ContentNode, ...rest: unknown[]): unknown;
}

interface Processor {
  tableNode: unknown;
}

/** The table block being laid out whole to learn its rows, and the split chosen when it does not fit. */
interface Trial {
  group: ContentNode;
  bottom: (number | undefined)[];
  split?: Split;
}
const tableOf = (group: ContentNode) => group.stack?.[group.stack.length - 1];
let trial: Trial | undefined;

/** A group (keep-together.ts) that ends with a table of header rows and at least three body rows. */
export function splittable(group: ContentNode): boolean {
  const last = group.stack?.at(-1);
  const table = last?.table as Table | undefined;
  const header = table?.headerRows ?? 0;
  return header > 0 && Array.isArray(table?.body) && (table?.body.length ?? 0) - header >= 3;
}

/** The node's own keys, without what pdfmake measured or laid out. */
function own(node: ContentNode): ContentNode {
  const out: ContentNode = {};
  for (const [key, value] of Object.entries(node))
    if (!key.startsWith("_") && key !== "positions" && key !== "startedAtTop") out[key] = value;
  return out;
}

/** What pdfmake measured of a table node that holds for a table of some of its rows: same columns, same cells. */
const MEASURED = ["_layout", "_offsets", "_minWidth", "_maxWidth"] as const;

/**
 * The group as two groups split before body row `cut`: its headings and the rows above, then the rest. The parts are
 * made measured: their cells are copies of measured cells, and the tables take the original's column measures and
 * margins (measuring the cells again cost 3–7 ms a split).
 */
function splitGroup(group: ContentNode, cut: number, fresh: boolean): [ContentNode, ContentNode] {
  const stack = group.stack ?? [];
  const tableNode = stack[stack.length - 1] as TableNode;
  const [above, below] = splitRows(tableNode.table, cut, fresh);
  const base = own(tableNode);
  for (const key of MEASURED) base[key] = tableNode[key];
  const margin = (tableNode._margin as number[] | null | undefined) ?? [0, 0, 0, 0];
  const [left = 0, , right = 0] = margin;
  const first: ContentNode = {
    stack: [...stack.slice(0, -1), { ...base, table: above, _margin: tableNode._margin ?? null }],
    unbreakable: true,
    keepTogether: true,
    _margin: null,
  };
  const second: ContentNode = {
    stack: [{ ...base, table: below, margin: [left, 0, right, 0], _margin: [left, 0, right, 0] }],
    unbreakable: true,
    keepTogether: true,
    splitRows: true,
    _margin: group._margin ?? null,
  };
  if (group.margin) second.margin = group.margin;
  return [first, second];
}

/**
 * The measured runs of every text in a node (headings' lines, table cells and their lines), as lists of their own:
 * pdfmake takes them off the node's list as it lays the text out, and the layout that is dropped must leave them.
 */
function measuredRuns(node: ContentNode, out: [ContentNode, unknown[]][] = []): [ContentNode, unknown[]][] {
  if (Array.isArray(node._inlines)) out.push([node, node._inlines.slice()]);
  for (const child of node.stack ?? []) measuredRuns(child, out);
  const body = (node.table as Table | undefined)?.body;
  if (body) for (const row of body) for (const cell of row) measuredRuns(cell as ContentNode, out);
  return out;
}

/** Where a table block's rows end (from a layout or from the measures), as chooseCut reads them. */
function geometry(group: ContentNode, bottom: (number | undefined)[]): RowGeometry {
  const stack = group.stack ?? [];
  const node = stack[stack.length - 1] as TableNode;
  const layout = node._layout;
  return {
    headerRows: node.table.headerRows ?? 0,
    rows: node.table.body.length,
    bottom,
    spans: bodySpans(node.table),
    // A laid-out cell's own height (its runs are used up by then), else the height of its measured text.
    need: (s) =>
      (typeof s.cell.__height === "number" ? s.cell.__height : (textHeight(s.cell as ContentNode) ?? 0)) +
      (layout?.paddingTop(s.row, node) ?? 0) +
      (layout?.paddingBottom(s.end, node) ?? 0),
  };
}

export type Split = { cut: number; nextPage: boolean };

/**
 * Whether and where a block that does not fit in `room` is split: not when moving it whole leaves at most MOST_EMPTY
 * of the page empty and it fits a page; else before the row chooseCut picks, on the next page when it moves. A block
 * whose smallest first part (its headings, header and two body rows) does not fit in `room` moves on too, whole if it
 * fits a page, else split there: a table taller than a page is never left to pdfmake's own breaks, however much of
 * the page is left.
 */
export function decide(g: RowGeometry, room: number, full: number, tall: boolean): Split | undefined {
  if (room > full * MOST_EMPTY) {
    const cut = chooseCut(g, room, room - full * MOST_EMPTY);
    if (cut !== undefined) return { cut, nextPage: false };
  }
  if (!tall) return undefined;
  const cut = chooseCut(g, full, full - full * MOST_EMPTY);
  return cut === undefined ? undefined : { cut, nextPage: true };
}

/** The height of the page's text block (between its top and bottom margins). */
export const textBlock = (ctx: Pick<Context, "getCurrentPage" | "pageMargins">) =>
  ctx.getCurrentPage().pageSize.height - ctx.pageMargins.top - ctx.pageMargins.bottom;

/** The split the measures call for (row-heights.ts), without laying the block out; undefined when it fits. */
function planned(ctx: Context, group: ContentNode): Split | undefined {
  const bottom = rowBottoms(group);
  const height = bottom?.[bottom.length - 1];
  if (!bottom || height === undefined || height <= ctx.availableHeight) return undefined;
  const full = textBlock(ctx);
  return decide(geometry(group, bottom), ctx.availableHeight, full, height > full);
}

/**
 * Lays a block out with its layout watched (commitUnbreakableBlock below): placed, or dropped before it is placed
 * with the split to make, the page position and the texts' measured runs as they were before it.
 */
function attempt(
  builder: Builder,
  processNode: Method,
  node: ContentNode,
  rest: unknown[],
): Split | undefined {
  const ctx = builder.writer.context();
  const { y, page, availableHeight } = ctx;
  const t: Trial = { group: node, bottom: [] };
  const runs = measuredRuns(node);
  trial = t;
  try {
    processNode.call(builder, node, ...rest);
  } finally {
    trial = undefined;
  }
  if (!t.split) return undefined;
  for (const [text, list] of runs) text._inlines = list;
  // Back to where the block began (pdfmake went on past its bottom margin).
  const now = builder.writer.context();
  if (now.page === page) {
    now.y = y;
    now.availableHeight = availableHeight;
    if (t.split.nextPage) builder.writer.moveToNextPage();
  }
  return t.split;
}

/**
 * A table block (a table and the headings above it, keep-together.ts) that does not fit in what is left of its page
 * moved to the next page whole, leaving the page part empty; a table taller than a page broke through pdfmake's own
 * row-span drawing, which misdraws a label cut by a page break (the merged labels drawn over other rows). Here, when
 * such a block does not fit and moving it would leave more than MOST_EMPTY of the page empty (or it is taller than a
 * page), it is laid out as two blocks: its headings with the rows that fill the page, then the header rows and the
 * rest, each cut label given again for the rows it still spans (table-split.ts); the second is split again if it
 * needs more than a page. Rows are never split, and pdfmake never breaks a row span. Where the rows end comes from the
 * measures (row-heights.ts), so nothing is laid out twice; as a check, each block's layout is watched at its commit,
 * and one that does not fit after all is dropped before it is placed and split where its own layout says.
 */
export const rowBreaks: Patch = {
  id: "row-breaks",
  kind: "fix",
  targets: ["LayoutBuilder.processNode", "PageElementWriter.commitUnbreakableBlock", "TableProcessor.endRow"],
  upstream:
    "pdfmake 0.3.11: rowSpan cells cut by a page break are misdrawn (bpampuch/pdfmake#1810, #2079), and a cut label is not repeated on the next page",
  apply(p) {
    p.wrap(
      "TableProcessor.endRow",
      (endRow) =>
        function (this: Processor, rowIndex: number, writer: Writer, ...rest: unknown[]) {
          endRow.call(this, rowIndex, writer, ...rest);
          const t = trial;
          if (!t || tableOf(t.group) !== this.tableNode) return;
          const ctx = writer.context();
          t.bottom[rowIndex] = ctx.page === 0 ? ctx.y : undefined;
        },
    );
    p.wrap(
      "PageElementWriter.commitUnbreakableBlock",
      (commit) =>
        function (this: Writer, ...args: unknown[]) {
          const t = trial;
          if (!t || t.split || this.transactionLevel !== 1) return commit.apply(this, args);
          const block = this.context();
          const page = this.contextStack[this.contextStack.length - 1];
          if (!page) return commit.apply(this, args);
          const room = page.availableHeight;
          if (block.pages.length === 1 && block.y <= room) return commit.apply(this, args);
          const split = decide(geometry(t.group, t.bottom), room, textBlock(page), block.pages.length > 1);
          if (!split) return commit.apply(this, args);
          t.split = split;
          // The layout is dropped: nothing of it reaches the page.
          this.transactionLevel = 0;
          this.popContext();
        },
    );
    p.wrap(
      "LayoutBuilder.processNode",
      (processNode) =>
        function (this: Builder, node: ContentNode, ...rest: unknown[]) {
          if (!node.splitRows || trial || this.writer.transactionLevel > 0)
            return processNode.call(this, node, ...rest);
          // The split from the measures when they call for one, else from a layout of the block whole.
          const plan = planned(this.writer.context(), node);
          if (plan?.nextPage) this.writer.moveToNextPage();
          const split = plan ?? attempt(this, processNode, node, rest);
          if (!split) return;
          // Cells the measures decided on were never laid out: they need no copies.
          const [first, second] = splitGroup(node, split.cut, plan !== undefined);
          // The first part must fit where it is; if the measures misled, the block is split where its layout says.
          const again = attempt(this, processNode, first, rest);
          const parts = again ? splitGroup(node, again.cut, false) : [second];
          for (const part of parts) this.processNode(part);
          // Where the block was drawn, for its container (pdfmake collects its children's positions).
          node.positions = (again ? parts : [first, second]).flatMap(
            (part) => (part.positions as unknown[] | undefined) ?? [],
          );
        },
    );
  },
};
