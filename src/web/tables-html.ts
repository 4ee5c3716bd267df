// The workbench's view of a checked report as HTML strings: the three official tables with editable cells, findings by place.
import { type CellRef, cellRefs } from "../core/cells.ts";
import type { CellSource, Edition, Finding, Report, Severity } from "../core/model.ts";
import { buildTable, type ViewCell, type ViewTable } from "../core/render/view/tables.ts";
import { cellLabel, rowLabel } from "../core/rules/describe.ts";

/** Where a value was read in the input (the parser's `sources`, keyed by JSON Pointer); line and column 1-based. */
export type Source = CellSource;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (s: unknown): string => String(s).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

export const TABLE_NAMES = { proactive: "表二", requests: "表三", appeals: "表四" } as const;
const TABLES = ["proactive", "requests", "appeals"] as const;

const refCache = new Map<Edition, Map<string, CellRef>>();

/** Every cell of an edition by its JSON Pointer. */
export function cellsByPath(edition: Edition): Map<string, CellRef> {
  let map = refCache.get(edition);
  if (!map) {
    map = new Map();
    for (const ref of cellRefs(edition)) map.set(`/${ref.table}/${[...ref.row, ref.column].join("/")}`, ref);
    refCache.set(edition, map);
  }
  return map;
}

const FIELDS: Record<string, string> = {
  "": "全文",
  "/organ": "机关名称",
  "/year": "年度",
  "/title": "标题",
  "/issuedOn": "成文日期",
  "/edition": "表格版本",
  "/sections": "正文",
};

/** A finding's place in Chinese words, never a bare pointer: 「表三「（一）予以公开」行「总计」栏」, 「第三部分 第 2 段」. */
export function placeOf(report: Pick<Report, "edition" | "sections">, path: string): string {
  const cell = cellsByPath(report.edition).get(path);
  if (cell) return cellLabel(report.edition, cell);
  if (path in FIELDS) return FIELDS[path] as string;
  const parts = path.split("/").slice(1);
  const [head, ...rest] = parts;
  if (head === "proactive" || head === "requests" || head === "appeals") {
    if (rest.length === 0) return TABLE_NAMES[head];
    const label = rowLabel(report.edition, head, rest);
    return label === rest.join(".") ? `${TABLE_NAMES[head]}` : `${TABLE_NAMES[head]}「${label}」行`;
  }
  if (head === "sections" && rest[0] !== undefined && /^\d+$/.test(rest[0])) {
    const i = Number(rest[0]);
    const section = report.sections[i];
    const name = section?.heading ? `「${section.heading}」` : `第 ${i + 1} 部分`;
    if (rest[1] === "blocks" && rest[2] !== undefined && /^\d+$/.test(rest[2]))
      return `${name}第 ${Number(rest[2]) + 1} 段`;
    if (rest[1] === "heading") return `${name}标题`;
    return name;
  }
  return "报告";
}

/** Which table a finding belongs to, for grouping the list: a table key or "other". */
export function groupOf(path: string): (typeof TABLES)[number] | "other" {
  const head = path.split("/")[1];
  return head === "proactive" || head === "requests" || head === "appeals" ? head : "other";
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
export const SEVERITY_NAMES: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/**
 * The strongest finding per cell path (info findings leave no mark). A finding on a whole row (「…行的…栏未填写」)
 * marks the row's cells as a warning at most: it names no single cell as wrong.
 */
export function marksOf(
  edition: Edition,
  findings: readonly Finding[],
): Map<string, { severity: Severity; ids: string[] }> {
  const marks = new Map<string, { severity: Severity; ids: string[] }>();
  const add = (path: string, severity: Severity, id: string) => {
    const m = marks.get(path);
    if (!m) marks.set(path, { severity, ids: [id] });
    else {
      m.ids.push(id);
      if (RANK[severity] > RANK[m.severity]) m.severity = severity;
    }
  };
  const cells = [...cellsByPath(edition).keys()];
  findings.forEach((f, i) => {
    if (f.severity === "info") return;
    if (cellsByPath(edition).has(f.path)) add(f.path, f.severity, `f${i}`);
    else if (groupOf(f.path) !== "other" && f.path.split("/").length > 2) {
      const prefix = `${f.path}/`;
      for (const c of cells) if (c.startsWith(prefix)) add(c, "warning", `f${i}`);
    }
  });
  return marks;
}

function cellHtml(report: Report, cell: ViewCell, marks: ReturnType<typeof marksOf>): string {
  if (cell.covered) return "";
  const span = `${cell.colSpan ? ` colspan="${cell.colSpan}"` : ""}${cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : ""}`;
  if (cell.th) {
    const scope = cell.scope ? ` scope="${cell.scope}"` : "";
    return `<th${scope}${span}${cell.align === "left" ? ' class="left"' : ""}>${escapeHtml(cell.text)}</th>`;
  }
  if (!cell.path) return `<td${span}${cell.note ? ' class="note"' : ""}>${escapeHtml(cell.text)}</td>`;
  const ref = cellsByPath(report.edition).get(cell.path);
  const label = ref ? cellLabel(report.edition, ref) : cell.path;
  const mark = marks.get(cell.path);
  const cls = mark ? (mark.severity === "error" ? "err" : "warn") : "";
  const invalid = mark?.severity === "error" ? ' aria-invalid="true"' : "";
  const described = mark ? ` aria-describedby="${mark.ids.join(" ")}"` : "";
  return (
    `<td${span}${cls ? ` class="${cls}"` : ""}><input data-path="${escapeHtml(cell.path)}" aria-label="${escapeHtml(label)}"` +
    ` value="${escapeHtml(cell.text)}" inputmode="decimal" autocomplete="off" spellcheck="false"${invalid}${described}></td>`
  );
}

function tableHtml(report: Report, table: ViewTable, marks: ReturnType<typeof marksOf>): string {
  const rows = (cells: ViewCell[][]) =>
    cells.map((r) => `<tr>${r.map((c) => cellHtml(report, c, marks)).join("")}</tr>`).join("");
  const name = `${TABLE_NAMES[table.id]} ${table.caption}`;
  return (
    `<section class="sheet" aria-labelledby="h-${table.id}"><h3 id="h-${table.id}">${escapeHtml(name)}</h3>` +
    `<div class="table-wrap" role="region" tabindex="0" aria-labelledby="h-${table.id}">` +
    `<table id="t-${table.id}" class="t-${table.id}">` +
    (table.head.length ? `<thead>${rows(table.head)}</thead>` : "") +
    `<tbody>${rows(table.body)}</tbody></table></div></section>`
  );
}

/** The three tables in the official form; each number an input with `data-path`, marked by its findings. */
export function tablesHtml(report: Report, findings: readonly Finding[]): string {
  const marks = marksOf(report.edition, findings);
  return TABLES.map((id) => tableHtml(report, buildTable(report, id), marks)).join("");
}

const GROUP_NAMES = { ...TABLE_NAMES, other: "其他" } as const;

/** The findings grouped by table, each a button naming its place; ids f{index} match the cells' aria-describedby. */
export function findingsHtml(report: Report, findings: readonly Finding[]): string {
  if (findings.length === 0) return '<p class="ok">没有发现问题。</p>';
  const groups = new Map<string, string[]>();
  // Errors first within a table; the ids keep the findings' own order (the cells' aria-describedby use them).
  const order = findings
    .map((f, i) => [f, i] as const)
    .sort((a, b) => RANK[b[0].severity] - RANK[a[0].severity]);
  for (const [f, i] of order) {
    const g = groupOf(f.path);
    // The parser adds the input line to a finding about a cell it read from text.
    const line = f.line;
    const item =
      `<li class="${f.severity}"><button type="button" data-goto="${escapeHtml(f.path)}">` +
      `<span class="sev">${SEVERITY_NAMES[f.severity]}</span> <span class="place">${escapeHtml(placeOf(report, f.path))}</span></button>` +
      (typeof line === "number" ? ` <span class="line">（原文第 ${line} 行）</span>` : "") +
      ` <span id="f${i}" class="msg">${escapeHtml(f.message)}</span></li>`;
    const list = groups.get(g) ?? [];
    list.push(item);
    groups.set(g, list);
  }
  return (["proactive", "requests", "appeals", "other"] as const)
    .filter((g) => groups.has(g))
    .map(
      (g) =>
        `<section aria-labelledby="fg-${g}"><h3 id="fg-${g}">${GROUP_NAMES[g]}</h3><ul class="findings">${(groups.get(g) ?? []).join("")}</ul></section>`,
    )
    .join("");
}

/** 「第 61 行：…393…」 with the span read marked, or null when the value was not read from text. */
export function sourceHtml(source: Source | undefined): string | null {
  if (!source || typeof source.line !== "number" || typeof source.text !== "string") return null;
  const where = [
    source.page ? `第 ${source.page} 页` : "",
    `第 ${source.line} 行`,
    source.column ? `第 ${source.column} 列` : "",
  ]
    .filter(Boolean)
    .join("、");
  const text = source.text.length > 400 ? `${source.text.slice(0, 400)}…` : source.text;
  const start = source.column - 1;
  const end = start + source.length;
  const marked =
    source.length > 0 && start >= 0 && end <= text.length && source.length < text.length
      ? `${escapeHtml(text.slice(0, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>${escapeHtml(text.slice(end))}`
      : `<mark>${escapeHtml(text)}</mark>`;
  return `${where}：<q class="src">${marked}</q>`;
}
