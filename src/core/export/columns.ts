// The columns of a table across reports: every table cell with its official labels as the header, by edition.
import { type CellRef, cellRefs, getCell } from "../cells.ts";
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, proactiveBlocks, requestRows } from "../labels.ts";
import type { Edition, Report } from "../model.ts";

export interface CellColumn {
  header: string;
  /** Where each edition that has this column keeps the cell. */
  refs: Partial<Record<Edition, CellRef>>;
}

/** 「表三 三、本年度办理结果 （三）不予公开 1.属于国家秘密 自然人」: table, groups, row and column labels. */
function headers(edition: Edition): Map<string, string> {
  const out = new Map<string, string>();
  const key = (ref: CellRef) => `${ref.table}/${ref.row.join("/")}/${ref.column}`;
  for (const block of proactiveBlocks(edition)) {
    for (const row of block.rows) {
      for (const col of block.columns) {
        out.set(
          key({ table: "proactive", row: [row.key], column: col.key }),
          `表二 ${block.article} ${row.label} ${col.label}`,
        );
      }
    }
  }
  for (const row of requestRows(edition)) {
    const groups =
      row.group && row.group !== "三、本年度办理结果"
        ? `三、本年度办理结果 ${row.group} `
        : row.group
          ? `${row.group} `
          : "";
    for (const col of APPLICANT_COLUMNS) {
      out.set(
        key({ table: "requests", row: row.path, column: col.key }),
        `表三 ${groups}${row.label} ${col.label}`,
      );
    }
  }
  for (const group of APPEAL_GROUPS) {
    for (const col of APPEAL_COLUMNS) {
      const kind = group.key === "review" ? "行政复议" : `行政诉讼 ${group.label}`;
      out.set(key({ table: "appeals", row: [group.key], column: col.key }), `表四 ${kind} ${col.label}`);
    }
  }
  return out;
}

/**
 * The cell columns for reports of the given editions: the 2021 form's first, then the 2019 form's that differ. A cell
 * both forms have under the same labels is one column; where the labels differ (规范性文件 / 行政规范性文件) each
 * form has its own column, and the other edition's reports leave it blank.
 */
export function cellColumns(editions: Iterable<Edition>): CellColumn[] {
  const wanted = new Set(editions);
  const order: Edition[] = (["2021", "2019"] as const).filter((e) => wanted.has(e));
  const byHeader = new Map<string, CellColumn>();
  for (const edition of order) {
    const names = headers(edition);
    for (const ref of cellRefs(edition)) {
      const header =
        names.get(`${ref.table}/${ref.row.join("/")}/${ref.column}`) ??
        `${ref.table}/${ref.row.join("/")}/${ref.column}`;
      const column = byHeader.get(header);
      if (column) column.refs[edition] = ref;
      else byHeader.set(header, { header, refs: { [edition]: ref } });
    }
  }
  return [...byHeader.values()];
}

/** A report's value in a column: a number, or null when blank or when its edition has no such cell. */
export function columnValue(report: Report, column: CellColumn): number | null {
  const ref = column.refs[report.edition];
  if (!ref) return null;
  const v = getCell(report, ref);
  return typeof v === "number" ? v : null;
}
