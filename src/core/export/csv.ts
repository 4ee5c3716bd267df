// Reports → one CSV table (UTF-8 with BOM, CRLF, RFC 4180 quoting): a row per report, a column per table cell.
import type { Finding, Report } from "../model.ts";
import { formatCell } from "../render/view/format.ts";
import { cellColumns, columnValue } from "./columns.ts";

/** One report of the export and what is known of it beyond the model. */
export interface ExportRow {
  report: Report;
  findings: readonly Finding[];
  /** The content id, where the report is stored. */
  id?: string;
  /** Where it came from: a link or a file name. */
  source?: string;
}

export const LEAD_HEADERS = [
  "机关名称",
  "年度",
  "报告版本",
  "成文日期",
  "错误数",
  "警告数",
  "报告编号",
  "来源",
] as const;

/** The table as rows of cells (strings and numbers; null is blank): the header row first. */
export function exportTable(rows: readonly ExportRow[]): (string | number | null)[][] {
  const columns = cellColumns(rows.map((r) => r.report.edition));
  const out: (string | number | null)[][] = [[...LEAD_HEADERS, ...columns.map((c) => c.header)]];
  for (const { report, findings, id, source } of rows) {
    let errors = 0;
    let warnings = 0;
    for (const f of findings) {
      if (f.severity === "error") errors++;
      else if (f.severity === "warning") warnings++;
    }
    out.push([
      report.organ,
      report.year,
      `${report.edition}年版`,
      report.issuedOn,
      errors,
      warnings,
      id ?? null,
      source ?? null,
      ...columns.map((c) => columnValue(report, c)),
    ]);
  }
  return out;
}

/** A text cell as CSV; text a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe. */
function textField(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function field(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return formatCell(v);
  return textField(v);
}

/** The CSV text, starting with a BOM so that Excel reads it as UTF-8. */
export function toCsv(table: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${table.map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;
}

export function exportCsv(rows: readonly ExportRow[]): string {
  return toCsv(exportTable(rows));
}
