// Test helpers: write a model report out as text in each layout the parser reads (Word tab rows, one cell per line, markdown, PDF text, crawler run-together text, HTML).
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  proactiveBlocks,
  requestRows,
} from "../../src/core/labels.ts";
import type { Cell, Report } from "../../src/core/model.ts";

export type Layout = "tabs" | "cells" | "markdown" | "pdf" | "lines" | "crawler" | "html";
export const LAYOUTS: readonly Layout[] = ["tabs", "cells", "markdown", "pdf", "lines", "crawler", "html"];

type Row = string[];

const cellText = (v: Cell | undefined, column: string, layout: Layout): string => {
  if (v === null || v === undefined) return layout === "pdf" ? "/" : "";
  if (column === "change" && v > 0 && layout === "markdown") return `增${v}`;
  if (column === "amountWan" && layout === "cells") return `${v}万元`;
  return String(v);
};

function get(report: Report, table: string, path: readonly string[], column: string): Cell {
  let node: unknown = (report as unknown as Record<string, unknown>)[table];
  for (const k of [...path, column]) node = (node as Record<string, unknown>)?.[k];
  return (node ?? null) as Cell;
}

/** Table 二 as rows of cells (header rows included). */
function proactiveRows(report: Report, layout: Layout): Row[] {
  const rows: Row[] = [];
  for (const block of proactiveBlocks(report.edition)) {
    rows.push([block.article]);
    rows.push(["信息内容", ...block.columns.map((c) => c.label)]);
    for (const r of block.rows)
      rows.push([
        r.label,
        ...block.columns.map((c) => cellText(get(report, "proactive", [r.key], c.key), c.key, layout)),
      ]);
  }
  return rows;
}

/** Table 三 as rows of cells. */
function requestRowsOf(report: Report, layout: Layout): Row[] {
  const rows: Row[] = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
    ["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
    ["", "", ...APPLICANT_COLUMNS.slice(1, 6).map((c) => c.label)],
  ];
  let group = "";
  for (const def of requestRows(report.edition)) {
    const values = APPLICANT_COLUMNS.map((c) =>
      cellText(get(report, "requests", def.path, c.key), c.key, layout),
    );
    const label = def.label;
    if (def.group && def.group !== group && def.group !== "三、本年度办理结果") {
      group = def.group;
      rows.push([def.group, label, ...values]);
    } else rows.push([label, ...values]);
  }
  return rows;
}

/** Table 四 as rows of cells: two header rows and one data row of fifteen. */
function appealRows(report: Report, layout: Layout): Row[] {
  const head = APPEAL_COLUMNS.map((c) => c.label);
  return [
    ["行政复议", "", "", "", "", "行政诉讼"],
    [...head, "未经复议直接起诉", "", "", "", "", "复议后起诉"],
    ["", "", "", "", "", ...head, ...head],
    APPEAL_GROUPS.flatMap((g) =>
      APPEAL_COLUMNS.map((c) => cellText(get(report, "appeals", [g.key], c.key), c.key, layout)),
    ),
  ];
}

function wrapLabel(cell: string): [string, string] {
  if (cell.length <= 14 || /^[0-9/]/.test(cell)) return [cell, ""];
  return [cell.slice(0, 12), cell.slice(12)];
}

/** Rows of one table in a layout, as text lines. */
function tableText(rows: Row[], layout: Layout): string[] {
  const isValue = (c: string) => /^[-增减]?[0-9/]/.test(c) || c === "";
  switch (layout) {
    case "tabs":
      return rows.map((r) => r.join("\t"));
    case "cells":
      return rows.flatMap((r) => [...r.map((c) => `\t${c}`), ""]);
    case "markdown": {
      const width = Math.max(...rows.map((r) => r.length));
      const pad = (r: Row) => [...r, ...new Array(width - r.length).fill("")];
      const [first, ...rest] = rows;
      return [
        `| ${pad(first ?? []).join(" | ")} |`,
        `|${new Array(width).fill("---").join("|")}|`,
        ...rest.map((r) => `| ${pad(r).join(" | ")} |`),
      ];
    }
    case "pdf":
      return rows.flatMap((r) => {
        const labels = r.filter((c) => !isValue(c));
        const values = r.filter((c) => isValue(c) && c !== "");
        const last = labels[labels.length - 1] ?? "";
        const [a, b] = wrapLabel(last);
        const first = [...labels.slice(0, -1), a, ...values].join(" ");
        return b ? [first, b] : [first];
      });
    case "lines": // pdftotext without -layout: one cell per line, no tabs, no blank lines, blank cells gone
      return rows.flatMap((r) => r.filter((c) => c !== ""));
    case "crawler":
      return rows.map((r) => r.join(""));
    case "html":
      return [
        "<table border=1>",
        ...rows.map(
          (r) =>
            `<tr>${r.map((c) => `<td>${c.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</td>`).join("")}</tr>`,
        ),
        "</table>",
      ];
  }
}

/** The whole report as text in a layout (HTML for "html"). */
export function writeReport(report: Report, layout: Layout): string {
  const lines: string[] = [];
  const para = (t: string) => (layout === "html" ? `<p>${t}</p>` : layout === "markdown" ? `${t}\n` : t);
  const heading = (t: string) =>
    layout === "html" ? `<h2>${t}</h2>` : layout === "markdown" ? `## ${t}\n` : t;
  lines.push(
    layout === "html"
      ? `<h1>${report.title}</h1>`
      : layout === "markdown"
        ? `# ${report.title}\n`
        : report.title,
  );
  let page = 1;
  for (const s of report.sections) {
    if (s.role !== "preamble") lines.push(heading(s.heading));
    const tableRows =
      s.role === "proactive"
        ? proactiveRows(report, layout)
        : s.role === "requests"
          ? requestRowsOf(report, layout)
          : s.role === "appeals"
            ? appealRows(report, layout)
            : undefined;
    if (tableRows) {
      const t = tableText(tableRows, layout);
      if (layout === "pdf") {
        const mid = Math.floor(t.length / 2);
        t.splice(mid, 0, `- ${++page} -`);
      }
      lines.push(...t);
    }
    for (const b of s.blocks) lines.push(b.type === "heading" ? para(b.text) : para(b.text));
  }
  if (report.issuedOn) {
    const [y, m, d] = report.issuedOn.split("-").map(Number);
    lines.push("", para(report.organ), para(`${y}年${m}月${d}日`));
  }
  if (layout === "pdf") lines.push(`— ${++page} —`);
  const body = lines.join("\n");
  return layout === "html"
    ? `<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body>${body}</body></html>`
    : body;
}
