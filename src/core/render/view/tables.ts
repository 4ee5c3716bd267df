// The three official tables as grids of cells with spans, built from the edition's labels; shared by HTML and PDF.
import { getCell } from "../../cells.ts";
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  proactiveBlocks,
  REQUESTS_BALANCE_NOTE,
  RESULTS_GROUP,
  requestRows,
} from "../../labels.ts";
import type { Report } from "../../model.ts";
import { PAGE } from "../page.ts";
import { formatCell } from "./format.ts";

export type Scope = "col" | "colgroup" | "row" | "rowgroup";

export interface ViewCell {
  text: string;
  /** A header cell (th); data cells have a JSON Pointer path. */
  th: boolean;
  scope?: Scope;
  colSpan?: number;
  rowSpan?: number;
  /** Position covered by a span: pdfmake needs a placeholder, HTML prints nothing. */
  covered?: boolean;
  align: "left" | "center" | "right";
  path?: string;
  /** The top-left 勾稽 note of table 三. */
  note?: boolean;
  /** Width of the cell's content in the PDF (pt): its columns and the padding and rules between them. */
  width?: number;
}

export interface ViewTable {
  id: "proactive" | "requests" | "appeals";
  caption: string;
  columns: number;
  /** Widths in pt for the PDF (sum = text block width). */
  widths: number[];
  head: ViewCell[][];
  body: ViewCell[][];
}

export const APPLICANT_HEADER = "申请人情况";
export const ORG_GROUP = "法人或其他组织";
export const LITIGATION = "行政诉讼";
export const CONTENT_HEADER = "信息内容";

/** Cell padding (each side) and rule width of the PDF table layout; widths exclude them. */
export const CELL_PAD = 2;
export const RULE = 0.5;

/** Scales relative column widths so the table, padding and rules included, fills the text block. */
function fitWidths(relative: number[]): number[] {
  const room = PAGE.textWidth - relative.length * 2 * CELL_PAD - (relative.length + 1) * RULE;
  const sum = relative.reduce((a, b) => a + b, 0);
  return relative.map((w) => Math.floor((w / sum) * room * 100) / 100);
}

const covered = (): ViewCell => ({ text: "", th: false, covered: true, align: "center" });
const th = (text: string, scope: Scope, extra: Partial<ViewCell> = {}): ViewCell => ({
  text,
  th: true,
  scope,
  align: "center",
  ...extra,
});
const td = (
  report: Report,
  table: "proactive" | "requests" | "appeals",
  row: readonly string[],
  column: string,
) => {
  const value = getCell(report, { table, row, column });
  const path = `/${table}/${[...row, column].join("/")}`;
  return {
    text: formatCell(typeof value === "number" ? value : null),
    th: false,
    align: "center",
    path,
  } as ViewCell;
};

function proactiveTable(report: Report): ViewTable {
  const cols = 4;
  const head: ViewCell[][] = [];
  const body: ViewCell[][] = [];
  for (const block of proactiveBlocks(report.edition)) {
    body.push([
      th(block.article, "colgroup", { colSpan: cols, align: "left" }),
      covered(),
      covered(),
      covered(),
    ]);
    const header: ViewCell[] = [th(CONTENT_HEADER, "col")];
    block.columns.forEach((col, i) => {
      const last = i === block.columns.length - 1;
      const span = last ? cols - 1 - i : 1;
      header.push(th(col.label, span > 1 ? "colgroup" : "col", span > 1 ? { colSpan: span } : {}));
      if (last) for (let k = 1; k < span; k++) header.push(covered());
    });
    body.push(header);
    for (const row of block.rows) {
      const cells: ViewCell[] = [th(row.label, "row")];
      block.columns.forEach((col, i) => {
        const last = i === block.columns.length - 1;
        const span = last ? cols - 1 - i : 1;
        const cell = td(report, "proactive", [row.key], col.key);
        if (span > 1) cell.colSpan = span;
        cells.push(cell);
        if (last) for (let k = 1; k < span; k++) cells.push(covered());
      });
      body.push(cells);
    }
  }
  return {
    id: "proactive",
    caption: "主动公开政府信息情况",
    columns: cols,
    widths: fitWidths([150, 97.4, 97.4, 97.4]),
    head,
    body,
  };
}

function requestsTable(report: Report): ViewTable {
  const n = APPLICANT_COLUMNS.length; // 7
  const head: ViewCell[][] = [
    [
      { text: REQUESTS_BALANCE_NOTE, th: false, rowSpan: 3, colSpan: 3, align: "left", note: true },
      covered(),
      covered(),
      th(APPLICANT_HEADER, "colgroup", { colSpan: n }),
      ...Array.from({ length: n - 1 }, covered),
    ],
    [
      covered(),
      covered(),
      covered(),
      th(APPLICANT_COLUMNS[0]?.label ?? "", "col", { rowSpan: 2 }),
      th(ORG_GROUP, "colgroup", { colSpan: 5 }),
      ...Array.from({ length: 4 }, covered),
      th(APPLICANT_COLUMNS[6]?.label ?? "", "col", { rowSpan: 2 }),
    ],
    [
      covered(),
      covered(),
      covered(),
      covered(),
      ...APPLICANT_COLUMNS.slice(1, 6).map((c) => th(c.label, "col")),
      covered(),
    ],
  ];
  const rows = requestRows(report.edition);
  const resultCount = rows.filter((r) => r.group !== undefined).length;
  const groupCounts = new Map<string, number>();
  for (const r of rows)
    if (r.group && r.group !== RESULTS_GROUP) groupCounts.set(r.group, (groupCounts.get(r.group) ?? 0) + 1);
  const body: ViewCell[][] = [];
  let resultsOpened = false;
  const opened = new Set<string>();
  for (const row of rows) {
    const cells: ViewCell[] = [];
    if (row.group === undefined) {
      cells.push(th(row.label, "row", { colSpan: 3, align: "left" }), covered(), covered());
    } else {
      if (!resultsOpened) {
        cells.push(th(RESULTS_GROUP, "rowgroup", { rowSpan: resultCount }));
        resultsOpened = true;
      } else cells.push(covered());
      if (row.group === RESULTS_GROUP) {
        cells.push(th(row.label, "row", { colSpan: 2, align: "left" }), covered());
      } else {
        if (!opened.has(row.group)) {
          opened.add(row.group);
          cells.push(th(row.group, "rowgroup", { rowSpan: groupCounts.get(row.group) ?? 1 }));
        } else cells.push(covered());
        cells.push(th(row.label, "row", { align: "left" }));
      }
    }
    for (const col of APPLICANT_COLUMNS) cells.push(td(report, "requests", row.path, col.key));
    body.push(cells);
  }
  const value = 28;
  return {
    id: "requests",
    caption: "收到和处理政府信息公开申请情况",
    columns: 3 + n,
    widths: fitWidths([28, 50, 442 - 28 - 50 - n * value, ...Array.from({ length: n }, () => value)]),
    head,
    body,
  };
}

function appealsTable(report: Report): ViewTable {
  const k = APPEAL_COLUMNS.length; // 5
  const [review, direct, after] = APPEAL_GROUPS;
  const head: ViewCell[][] = [
    [
      th(review?.label ?? "", "colgroup", { colSpan: k }),
      ...Array.from({ length: k - 1 }, covered),
      th(LITIGATION, "colgroup", { colSpan: 2 * k }),
      ...Array.from({ length: 2 * k - 1 }, covered),
    ],
    [
      ...APPEAL_COLUMNS.map((c) => th(c.label, "col", { rowSpan: 2 })),
      th(direct?.label ?? "", "colgroup", { colSpan: k }),
      ...Array.from({ length: k - 1 }, covered),
      th(after?.label ?? "", "colgroup", { colSpan: k }),
      ...Array.from({ length: k - 1 }, covered),
    ],
    [
      ...Array.from({ length: k }, covered),
      ...APPEAL_COLUMNS.map((c) => th(c.label, "col")),
      ...APPEAL_COLUMNS.map((c) => th(c.label, "col")),
    ],
  ];
  const body: ViewCell[][] = [
    APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => td(report, "appeals", [g.key], c.key))),
  ];
  return {
    id: "appeals",
    caption: "政府信息公开行政复议、行政诉讼情况",
    columns: 3 * k,
    widths: fitWidths(Array.from({ length: 3 * k }, () => 1)),
    head,
    body,
  };
}

/** Sets each cell's content width in the PDF from the column widths it spans. */
function withCellWidths(table: ViewTable): ViewTable {
  for (const row of [...table.head, ...table.body])
    row.forEach((cell, i) => {
      if (cell.covered) return;
      const span = table.widths.slice(i, i + (cell.colSpan ?? 1));
      cell.width = span.reduce((a, w) => a + w, 0) + (span.length - 1) * (2 * CELL_PAD + RULE);
    });
  return table;
}

export function buildTable(report: Report, id: ViewTable["id"]): ViewTable {
  if (id === "proactive") return withCellWidths(proactiveTable(report));
  if (id === "requests") return withCellWidths(requestsTable(report));
  return withCellWidths(appealsTable(report));
}
