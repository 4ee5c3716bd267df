// Warnings on single values: money in 元 or with too many decimals, edition against year, 规章 of a county or district body.

import { type CodeDoc, finding } from "../finding.ts";
import type { Finding, Report } from "../model.ts";
import { pointer } from "../pointer.ts";
import { columnLabel, num } from "./describe.ts";

export const PLAUSIBILITY_CODES = [
  {
    code: "money.plausibility",
    severity: "warning",
    meaning:
      "A 万元 amount that only makes sense in 元 (procurement ≥ 1亿元 per project, fees ≥ 10亿元), or money with no projects.",
  },
  {
    code: "money.decimals",
    severity: "warning",
    meaning: "A 万元 amount with more than 4 decimals (the official format keeps 4).",
  },
  {
    code: "regulations.local-body",
    severity: "warning",
    meaning: "规章 counts above 0 for a county-level or district body (县/区/旗), which cannot make 规章.",
  },
] as const satisfies readonly CodeDoc[];

/** Procurement above this many 万元 per project (1亿元) is read as written in 元. */
const PROCUREMENT_WAN_PER_PROJECT = 10_000;
/** Fees above this many 万元 (10亿元) in one year are read as written in 元. */
const FEES_WAN = 100_000;

/** A 万元 amount so large it was probably written in 元; `expected` is the amount read as 元. */
function writtenInYuan(path: string, what: string, amountWan: number): Finding {
  const asYuan = amountWan / 10_000;
  return finding(
    "money.plausibility",
    path,
    `${what} ${num(amountWan)} 万元（约${num(asYuan)}亿元）明显偏大，可能是按元填写；若单位为元，应填 ${num(asYuan)} 万元`,
    { expected: asYuan, actual: amountWan },
  );
}

function checkMoney(report: Report): Finding[] {
  const out: Finding[] = [];
  const amounts: { path: string; value: number | null; what: string }[] = [];
  if (report.edition === "2019") {
    const { projects, amountWan } = report.proactive.procurement;
    const path = pointer("proactive", "procurement", "amountWan");
    amounts.push({ path, value: amountWan, what: "政府集中采购总金额" });
    if (amountWan !== null && amountWan > 0) {
      const perProject = amountWan / Math.max(projects ?? 1, 1);
      if (projects === 0) {
        out.push(
          finding(
            "money.plausibility",
            path,
            `采购项目数量为0，但采购总金额为 ${num(amountWan)} 万元，请核对`,
            {
              actual: amountWan,
            },
          ),
        );
      } else if (perProject >= PROCUREMENT_WAN_PER_PROJECT) {
        out.push(writtenInYuan(path, "政府集中采购总金额", amountWan));
      }
    }
  } else {
    const { amountWan } = report.proactive.fees;
    const path = pointer("proactive", "fees", "amountWan");
    amounts.push({ path, value: amountWan, what: "行政事业性收费金额" });
    if (amountWan !== null && amountWan >= FEES_WAN)
      out.push(writtenInYuan(path, "行政事业性收费金额", amountWan));
  }
  for (const { path, value, what } of amounts) {
    if (value === null) continue;
    const scaled = value * 10_000;
    if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
      out.push(
        finding("money.decimals", path, `${what}（${value} 万元）超过4位小数，请保留4位小数`, {
          expected: Math.round(scaled) / 10_000,
          actual: value,
        }),
      );
    }
  }
  return out;
}

/** A county-level or district body: 县, 区 (not 自治区 or 地区), 旗 in the organ's name. */
export function isCountyOrDistrict(organ: string): boolean {
  return /(?<!自治|地|社|园|校)区|县|(?<!国)旗/.test(organ);
}

function checkLocalRegulations(report: Report): Finding[] {
  if (!isCountyOrDistrict(report.organ)) return [];
  const out: Finding[] = [];
  const row = report.proactive.regulations as Record<string, number | null>;
  for (const [column, v] of Object.entries(row)) {
    if (v === null || v <= 0) continue;
    out.push(
      finding(
        "regulations.local-body",
        pointer("proactive", "regulations", column),
        `县级、区级机关无权制定规章，但表二「规章」行「${columnLabel(report.edition, "proactive", column)}」为 ${num(v)}；请核对是否应填在「${report.edition === "2021" ? "行政规范性文件" : "规范性文件"}」行`,
        { expected: 0, actual: v },
      ),
    );
  }
  return out;
}

function checkEditionYear(report: Report): Finding[] {
  if (report.edition === "2019" && report.year >= 2021) {
    return [
      finding(
        "edition.mix",
        "/edition",
        `${report.year}年度报告应使用2021版格式（国办公开办函〔2021〕30号），本报告使用的是2019版格式`,
      ),
    ];
  }
  if (report.edition === "2021" && report.year < 2021) {
    return [
      finding(
        "edition.mix",
        "/edition",
        `${report.year}年度报告应使用2019版格式（国办公开办函〔2019〕60号），本报告使用的是2021版格式`,
      ),
    ];
  }
  return [];
}

export function checkPlausibility(report: Report): Finding[] {
  return [...checkEditionYear(report), ...checkMoney(report), ...checkLocalRegulations(report)];
}
