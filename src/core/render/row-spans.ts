// Vertical centring of table cells: row-spanning cells inside an unbreakable block (keep-together.ts); no-op shifts.
import bundle from "../../generated/pdfmake.js";

interface Cell {
  rowSpan?: number;
}

interface TableNode {
  table: { body: Cell[][] };
  /** Per row: the top and the bottom of its content area, in the coordinates of the context it was laid out in. */
  _rowContent?: { top: number[]; bottom: number[] };
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

let installed = false;

/**
 * pdfmake works out the height a row-spanning cell is centred in from positions some of which are taken in the page's
 * coordinates and some in the coordinates of the row's own layout context. Rows laid out inside an unbreakable block
 * share the block's context, so the text of such a cell was drawn far above or below its rows. Here each row's content
 * area is recorded in the one context all rows of the table share, and a row-spanning cell of a table laid out inside
 * a block is centred between the top of its first row and the bottom of its last.
 */
export function installRowSpanAlignment(): void {
  if (installed) return;
  installed = true;
  // A cell as tall as its row (most of them) is centred by a shift of 0: pdfmake still saves the graphics state,
  // translates by 0 and restores it.
  const renderer = bundle.Renderer.prototype as {
    beginVerticalAlignment(item: AlignItem): void;
    endVerticalAlignment(item: AlignItem): void;
  };
  const beginAlign = renderer.beginVerticalAlignment;
  const endAlign = renderer.endVerticalAlignment;
  // Cells nest begin/end pairs: whether each open one was shifted (the end item is a copy of its own, not the begin's),
  // kept per renderer (one per PDF).
  type Shifts = { _nianbaoShifted?: boolean[] };
  renderer.beginVerticalAlignment = function (this: Shifts, item: AlignItem) {
    const still =
      item.verticalAlignment === "middle" &&
      !item.isCellContentMultiPage &&
      item.getNodeHeight !== undefined &&
      item.getViewHeight !== undefined &&
      item.getNodeHeight() === item.getViewHeight();
    this._nianbaoShifted ??= [];
    this._nianbaoShifted.push(!still);
    if (!still) beginAlign.call(this, item);
  };
  renderer.endVerticalAlignment = function (this: Shifts, item: AlignItem) {
    if (this._nianbaoShifted?.pop() === false) return;
    endAlign.call(this, item);
  };
  const processor = bundle.TableProcessor.prototype as {
    beginRow(rowIndex: number, writer: { context(): Context }): void;
    endRow(rowIndex: number, writer: { context(): Context }, pageBreaks: unknown): void;
  };
  const beginRow = processor.beginRow;
  processor.beginRow = function (this: Processor, rowIndex, writer) {
    beginRow.call(this, rowIndex, writer);
    this.tableNode._rowContent ??= { top: [], bottom: [] };
    this.tableNode._rowContent.top[rowIndex] = this.rowTopY + this.rowPaddingTop;
  };
  const endRow = processor.endRow;
  processor.endRow = function (this: Processor, rowIndex, writer, pageBreaks) {
    if (this.tableNode._rowContent) this.tableNode._rowContent.bottom[rowIndex] = writer.context().y;
    endRow.call(this, rowIndex, writer, pageBreaks);
  };
  const builder = bundle.LayoutBuilder.prototype as { processTable(this: Builder, node: TableNode): void };
  const processTable = builder.processTable;
  builder.processTable = function (this: Builder, node: TableNode) {
    const inBlock = this.writer.transactionLevel > 0;
    const first = this.verticalAlignmentItemStack.length;
    processTable.call(this, node);
    const rows = node._rowContent;
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
  };
}
