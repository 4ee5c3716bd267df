// Chinese names of rows, columns and cells for finding messages (「（三）不予公开 1.属于国家秘密」「自然人」).
import { type CellRef, cellPointer, cellRefs } from "../cells.ts";
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  proactiveBlocks,
  RESULTS_GROUP,
  requestRows,
} from "../labels.ts";
import type { Edition } from "../model.ts";

/** The label of a row of any table, with its group for numbered sub-rows. */
export function rowLabel(edition: Edition, table: CellRef["table"], row: readonly string[]): string {
  const key = row.join(".");
  if (table === "requests") {
    const def = requestRows(edition).find((r) => r.path.join(".") === key);
    if (!def) return key;
    return def.group && def.group !== RESULTS_GROUP ? `${def.group} ${def.label}` : def.label;
  }
  if (table === "appeals") {
    const group = APPEAL_GROUPS.find((g) => g.key === key);
    if (!group) return key;
    return group.key === "review" ? group.label : `行政诉讼（${group.label}）`;
  }
  for (const block of proactiveBlocks(edition)) {
    const r = block.rows.find((x) => x.key === key);
    if (r) return r.label;
  }
  return key;
}

export function columnLabel(edition: Edition, table: CellRef["table"], column: string): string {
  if (table === "requests") return APPLICANT_COLUMNS.find((c) => c.key === column)?.label ?? column;
  if (table === "appeals") return APPEAL_COLUMNS.find((c) => c.key === column)?.label ?? column;
  for (const block of proactiveBlocks(edition)) {
    const c = block.columns.find((x) => x.key === column);
    if (c) return c.label;
  }
  return column;
}

const TABLE_NAMES = { proactive: "表二", requests: "表三", appeals: "表四" } as const;

/** 「表三「一、本年新收…」行「自然人」栏」 */
export function cellLabel(edition: Edition, ref: CellRef): string {
  return `${TABLE_NAMES[ref.table]}「${rowLabel(edition, ref.table, ref.row)}」行「${columnLabel(edition, ref.table, ref.column)}」栏`;
}

/** A number as shown to a clerk: no float noise. */
export function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** Where a finding's JSON Pointer points, in words a clerk reads (「表三「…」行「自然人」栏」, 「标题」); else the pointer. */
export function placeOf(edition: Edition, path: string): string {
  const ref = cellRefs(edition).find((r) => cellPointer(r) === path);
  if (ref) return cellLabel(edition, ref);
  const [top, index, , block] = path.split("/").slice(1);
  if (top === "proactive" || top === "requests" || top === "appeals") return TABLE_NAMES[top];
  if (top === "sections" && index !== undefined)
    return `正文第 ${Number(index) + 1} 部分${block !== undefined ? `第 ${Number(block) + 1} 段` : "标题"}`;
  const FIELDS: Record<string, string> = {
    title: "标题",
    organ: "机关名称",
    year: "年度",
    issuedOn: "成文日期",
    edition: "表格版本",
  };
  return (top && FIELDS[top]) || path || "整份报告";
}
