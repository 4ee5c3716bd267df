// Tables that break between rows: a table block that would leave its page part empty is split and laid out as two.
import type { ContentNode } from "./keep-together.ts";
import type { Patch } from "./patch.ts";
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
  table: TableNode;
  bottom: (number | undefined)[];
  split?: { cut: number; nextPage: boolean };
}
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
function splitGroup(group: ContentNode, cut: number): [ContentNode, ContentNode] {
  const stack = group.stack ?? [];
  const tableNode = stack[stack.length - 1] as TableNode;
  const [above, below] = splitRows(tableNode.table, cut);
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

/** The rows of the trial layout, as chooseCut reads them. */
function geometry(t: Trial): RowGeometry {
  const node = t.table;
  const header = node.table.headerRows ?? 0;
  const layout = node._layout;
  return {
    headerRows: header,
    rows: node.table.body.length,
    bottom: t.bottom,
    spans: bodySpans(node.table),
    need: (s) => {
      const height = typeof s.cell.__height === "number" ? s.cell.__height : 0;
      return height + (layout?.paddingTop(s.row, node) ?? 0) + (layout?.paddingBottom(s.end, node) ?? 0);
    },
  };
}

/**
 * A table block (a table and the headings above it, keep-together.ts) that does not fit in what is left of its page
 * moved to the next page whole, leaving the page part empty; a table taller than a page broke through pdfmake's own
 * row-span drawing, which misdraws a label cut by a page break (the merged labels drawn over other rows). Here such a
 * block is first laid out whole as pdfmake does; when it does not fit and moving it would leave more than a third of
 * the page empty (or it is taller than a page), that layout is dropped before it is placed, and the block is laid out
 * as two: its headings with the rows that fill the page, then the header rows and the rest, each cut label given
 * again for the rows it still spans (table-split.ts). The second part is split again if it needs more than a page.
 * Rows are never split, and pdfmake never breaks a row span. The cost is one more layout of the table, only when
 * it is split.
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
          if (!t || t.table !== this.tableNode) return;
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
          const full = page.getCurrentPage().pageSize.height - page.pageMargins.top - page.pageMargins.bottom;
          // Moved whole, the block would leave at most a third of the page empty: it moves, unless it needs more
          // than a page, then it is split on the next page.
          const moves = room <= full * MOST_EMPTY;
          if (moves && block.pages.length === 1) return commit.apply(this, args);
          const space = moves ? full : room;
          const cut = chooseCut(geometry(t), space, space - full * MOST_EMPTY);
          if (cut === undefined) return commit.apply(this, args);
          t.split = { cut, nextPage: moves };
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
          const ctx = this.writer.context();
          const { y, page, availableHeight } = ctx;
          const t: Trial = { table: node.stack?.at(-1) as TableNode, bottom: [] };
          const runs = measuredRuns(node);
          trial = t;
          try {
            processNode.call(this, node, ...rest);
          } finally {
            trial = undefined;
          }
          if (!t.split) return;
          for (const [text, list] of runs) text._inlines = list;
          // Back to where the block began (pdfmake went on past its bottom margin), then the two parts.
          const now = this.writer.context();
          if (now.page === page) {
            now.y = y;
            now.availableHeight = availableHeight;
            if (t.split.nextPage) this.writer.moveToNextPage();
          }
          for (const part of splitGroup(node, t.split.cut)) this.processNode(part);
        },
    );
  },
};
