// Cross-year checks against last year's report: carried-over requests, the year, the organ.

import { type CodeDoc, finding } from "../finding.ts";
import { APPLICANT_COLUMNS } from "../labels.ts";
import type { Finding, Report } from "../model.ts";
import { pointer } from "../pointer.ts";

export const CROSS_YEAR_CODES = [
  {
    code: "cross-year.carried-over",
    severity: "warning",
    meaning: "二、上年结转 differs from last year's 四、结转下年度继续办理 in a column (needs --previous).",
  },
  {
    code: "cross-year.year",
    severity: "warning",
    meaning: "The previous report given is not for the year before.",
  },
  { code: "cross-year.organ", severity: "info", meaning: "The previous report names a different organ." },
] as const satisfies readonly CodeDoc[];

export function checkCrossYear(report: Report, previous: Report): Finding[] {
  const out: Finding[] = [];
  if (previous.year !== report.year - 1) {
    out.push(
      finding(
        "cross-year.year",
        "/year",
        `用于对照的上年报告是${previous.year}年度的，不是${report.year - 1}年度的`,
        { expected: report.year - 1, actual: previous.year },
      ),
    );
  }
  if (previous.organ !== report.organ) {
    out.push(
      finding(
        "cross-year.organ",
        "/organ",
        `上年报告的机关名称为「${previous.organ}」，本年为「${report.organ}」`,
      ),
    );
  }
  for (const col of APPLICANT_COLUMNS) {
    const now = report.requests.carriedOver[col.key as keyof typeof report.requests.carriedOver];
    const before = previous.requests.carriedForward[col.key as keyof typeof previous.requests.carriedForward];
    if (now === null || before === null || now === before) continue;
    out.push(
      finding(
        "cross-year.carried-over",
        pointer("requests", "carriedOver", col.key),
        `表三「二、上年结转政府信息公开申请数量」「${col.label}」栏为 ${now}，但${previous.year}年度报告「四、结转下年度继续办理」为 ${before}`,
        { expected: before, actual: now },
      ),
    );
  }
  return out;
}
