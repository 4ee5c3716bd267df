// Cell paths of a report: JSON Pointers, walking every table cell, and empty tables of an edition.
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, proactiveBlocks, requestRows } from "./labels.ts";
import type { Cell, Edition, Report } from "./model.ts";
import { pointer } from "./pointer.ts";

export type TableKey = "proactive" | "requests" | "appeals";

/** A cell's location: table, row path below the table, column key. */
export interface CellRef {
  table: TableKey;
  row: readonly string[];
  column: string;
}

export function cellPointer(ref: CellRef): string {
  return pointer(ref.table, ...ref.row, ref.column);
}

/** Every cell of an edition's three tables, in document order. */
export function cellRefs(edition: Edition): CellRef[] {
  const refs: CellRef[] = [];
  for (const block of proactiveBlocks(edition)) {
    for (const row of block.rows) {
      for (const col of block.columns) refs.push({ table: "proactive", row: [row.key], column: col.key });
    }
  }
  for (const row of requestRows(edition)) {
    for (const col of APPLICANT_COLUMNS) refs.push({ table: "requests", row: row.path, column: col.key });
  }
  for (const group of APPEAL_GROUPS) {
    for (const col of APPEAL_COLUMNS) refs.push({ table: "appeals", row: [group.key], column: col.key });
  }
  return refs;
}

type Tree = { [key: string]: Tree | Cell };

function rowObject(tree: unknown, row: readonly string[]): Record<string, unknown> | undefined {
  let node: unknown = tree;
  for (const key of row) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== null && typeof node === "object" ? (node as Record<string, unknown>) : undefined;
}

/** Reads a cell; undefined when the row or cell is absent. */
export function getCell(report: unknown, ref: CellRef): unknown {
  const table = rowObject(report, [ref.table]);
  return rowObject(table, ref.row)?.[ref.column];
}

/** Writes a cell, creating missing row objects on the way. */
export function setCell(report: Record<string, unknown>, ref: CellRef, value: Cell): void {
  let node = report as Tree;
  for (const key of [ref.table, ...ref.row]) {
    const next = node[key];
    if (next === null || typeof next !== "object") node[key] = {};
    node = node[key] as Tree;
  }
  node[ref.column] = value;
}

/** Empty tables (every cell null) of an edition, shaped as the model wants. */
export function emptyTables(edition: Edition): Pick<Report, "proactive" | "requests" | "appeals"> {
  const out: Record<string, unknown> = {};
  for (const ref of cellRefs(edition)) setCell(out, ref, null);
  return out as Pick<Report, "proactive" | "requests" | "appeals">;
}
