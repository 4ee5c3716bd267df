// The supervisor's overview page (/r/?year=): every organ's latest report of a year with its status, as HTML.
import type { Finding } from "../model.ts";
import type { RenderAssets } from "../render/fonts/assets.ts";
import { runTemplate } from "../render/handlebars.ts";

export interface OverviewRow {
  organ: string;
  /** null: the index names the report but its metadata is missing (shown as such, not hidden). */
  findings: readonly Finding[] | null;
  forced: boolean;
  createdAt: string;
  links: { organPage: string; html: string; pdf: string; tujie: string; meta: string };
}

export interface OverviewInput {
  year: number | null;
  years: readonly number[];
  rows: readonly OverviewRow[];
  /** The page's own path with ?year=, e.g. "/r/?year=" (a year is appended). */
  yearHref: string;
  csv: string;
}

function status(row: OverviewRow) {
  if (!row.findings) return { status: "信息缺失", statusClass: "warning", errors: "", warnings: "" };
  const errors = row.findings.filter((f) => f.severity === "error").length;
  const warnings = row.findings.filter((f) => f.severity === "warning").length;
  const label =
    errors > 0
      ? row.forced
        ? "已发布（含错误，强制发布）"
        : "已发布（有错误）"
      : warnings > 0
        ? "已发布（有警告）"
        : "已发布";
  return {
    status: label,
    statusClass: errors > 0 ? "error" : warnings > 0 ? "warning" : "ok",
    errors,
    warnings,
  };
}

/** Renders the overview (templates/overview.html.hbs); every text is escaped by the template. */
export function renderOverview(input: OverviewInput): string {
  const rows = input.rows.map((r) => ({
    organ: r.organ,
    ...status(r),
    published: r.createdAt.slice(0, 10),
    ...r.links,
  }));
  const title =
    input.year === null
      ? "政府信息公开工作年度报告发布情况"
      : `${input.year}年度政府信息公开工作年度报告发布情况`;
  return runTemplate(
    "overview.html",
    {
      title,
      years: input.years.map((y) => ({ year: y, current: y === input.year, href: `${input.yearHref}${y}` })),
      rows,
      errorCount: rows.filter((r) => r.statusClass === "error").length,
      warningCount: rows.filter((r) => r.statusClass === "warning").length,
      csv: input.csv,
    },
    { assets: undefined as unknown as RenderAssets },
  );
}
