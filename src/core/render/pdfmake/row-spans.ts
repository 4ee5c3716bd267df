// Vertical centring of table cells: row-spanning cells inside an unbreakable block (keep-together.ts); no-op shifts.
import type { Patch } from "./patch.ts";
import { rowContent, shifted } from "./state.ts";

interface Cell {
  rowSpan?: number;
}

interface TableNode {
  table: { body: Cell[][] };
}

interface Context {
  y: number;
}

interface Processor {
  tableNode: TableNode;
  rowTopY: number;
  rowPaddingTop: number;
}

interface AlignItem {
  cell?: Cell;
  verticalAlignment?: string;
  isCellContentMultiPage?: boolean;
  getViewHeight?: () => number;
  getNodeHeight?: () => number;
}

interface Builder {
  writer: { transactionLevel: number };
  verticalAlignmentItemStack: { begin: { item: AlignItem } }[];
}

/**
 * pdfmake works out the height a row-spanning cell is centred in from positions some of which are taken in the page's
 * coordinates and some in the coordinates of the row's own layout context. Rows laid out inside an unbreakable block
 * share the block's context, so the text of such a cell was drawn far above or below its rows. Here each row's content
 * area is recorded in the one context all rows of the table share, and a row-spanning cell of a table laid out inside
 * a block is centred between the top of its first row and the bottom of its last.
 */
export const rowSpanCentring: Patch = {
  id: "row-span-centring",
  kind: "fix",
  targets: ["TableProcessor.beginRow", "TableProcessor.endRow", "LayoutBuilder.processTable"],
  upstream:
    "pdfmake 0.3.11: middle-aligned rowSpan cells inside unbreakable blocks are centred from mixed page/context coordinates (not filed; the same class of defect as bpampuch/pdfmake#2925, PR #2940)",
  apply(p) {
    p.wrap(
      "TableProcessor.beginRow",
      (beginRow) =>
        function (this: Processor, rowIndex: number, writer: { context(): Context }) {
          beginRow.call(this, rowIndex, writer);
          let rows = rowContent.get(this.tableNode);
          if (!rows) {
            rows = { top: [], bottom: [] };
            rowContent.set(this.tableNode, rows);
          }
          rows.top[rowIndex] = this.rowTopY + this.rowPaddingTop;
        },
    );
    p.wrap(
      "TableProcessor.endRow",
      (endRow) =>
        function (this: Processor, rowIndex: number, writer: { context(): Context }, pageBreaks: unknown) {
          const rows = rowContent.get(this.tableNode);
          if (rows) rows.bottom[rowIndex] = writer.context().y;
          endRow.call(this, rowIndex, writer, pageBreaks);
        },
    );
    p.wrap(
      "LayoutBuilder.processTable",
      (processTable) =>
        function (this: Builder, node: TableNode) {
          const inBlock = this.writer.transactionLevel > 0;
          const first = this.verticalAlignmentItemStack.length;
          // A layout done again (keep-together.ts) records the rows again.
          rowContent.delete(node);
          processTable.call(this, node);
          const rows = rowContent.get(node);
          if (!inBlock || !rows) return;
          const rowOf = new Map<Cell, number>();
          node.table.body.forEach((row, r) => {
            for (const cell of row) rowOf.set(cell, r);
          });
          for (const { begin } of this.verticalAlignmentItemStack.slice(first)) {
            const cell = begin.item.cell;
            const r = cell ? rowOf.get(cell) : undefined;
            if (!cell || r === undefined || !cell.rowSpan || cell.rowSpan < 2) continue;
            const top = rows.top[r];
            const bottom = rows.bottom[r + cell.rowSpan - 1];
            if (top !== undefined && bottom !== undefined) begin.item.getViewHeight = () => bottom - top;
          }
        },
    );
  },
};

/**
 * A cell as tall as its row (most of them) is centred by a shift of 0: pdfmake still saves the graphics state,
 * translates by 0 and restores it. Cells nest begin/end pairs: whether each open one was shifted is kept per
 * renderer (the end item is a copy of its own, not the begin's).
 */
export const noOpShifts: Patch = {
  id: "no-op-shifts",
  kind: "speed",
  targets: ["Renderer.beginVerticalAlignment", "Renderer.endVerticalAlignment"],
  upstream: "none filed: size and time only",
  apply(p) {
    p.wrap(
      "Renderer.beginVerticalAlignment",
      (beginAlign) =>
        function (this: object, item: AlignItem) {
          const still =
            item.verticalAlignment === "middle" &&
            !item.isCellContentMultiPage &&
            item.getNodeHeight !== undefined &&
            item.getViewHeight !== undefined &&
            item.getNodeHeight() === item.getViewHeight();
          let open = shifted.get(this);
          if (!open) {
            open = [];
            shifted.set(this, open);
          }
          open.push(!still);
          if (!still) beginAlign.call(this, item);
        },
    );
    p.wrap(
      "Renderer.endVerticalAlignment",
      (endAlign) =>
        function (this: object, item: AlignItem) {
          if (shifted.get(this)?.pop() === false) return;
          endAlign.call(this, item);
        },
    );
  },
};
