// Report (and last year's, when known) → the 图解's figures: key numbers and chart series, each with its change.
import { APPEAL_COLUMNS, APPLICANT_COLUMNS } from "../labels.ts";
import type { AppealGroup, ApplicantRow, Cell, Report } from "../model.ts";

/** One number of the 图解: this year's value, last year's where a previous report is known, the change. */
export interface Figure {
  label: string;
  value: Cell;
  /** undefined: no previous report; null: the previous report left it blank. */
  previous?: Cell;
  /** value − previous when both are numbers. */
  change?: number;
}

export interface Chart {
  id: string;
  title: string;
  /** What the chart counts, e.g. 「件」. */
  unit: string;
  /** The official table the numbers come from, e.g. 「表三 一、本年新收政府信息公开申请数量」. */
  source: string;
  items: Figure[];
}

export interface TujieView {
  organ: string;
  year: number;
  edition: Report["edition"];
  title: string;
  previousYear: number | null;
  keyFigures: Figure[];
  charts: Chart[];
}

type Pick = (r: Report) => Cell;

/** The sum of cells, null when every one is blank (a blank is never shown as 0). */
export function sumCells(cells: readonly Cell[]): Cell {
  let sum: number | null = null;
  for (const c of cells) if (c !== null) sum = (sum ?? 0) + c;
  return sum;
}

const rowTotal = (row: ApplicantRow): Cell => row.total;
const groupTotal = (rows: Record<string, ApplicantRow>): Cell => sumCells(Object.values(rows).map(rowTotal));

function figure(label: string, pick: Pick, report: Report, previous: Report | null): Figure {
  const value = pick(report);
  if (!previous) return { label, value };
  const before = pick(previous);
  return {
    label,
    value,
    previous: before,
    ...(value !== null && before !== null ? { change: round(value - before) } : {}),
  };
}

const round = (n: number) => Math.round(n * 10000) / 10000;

const otherHandling = (r: Report): Cell =>
  r.edition === "2021"
    ? sumCells([
        r.requests.otherHandling.noCorrection.total,
        r.requests.otherHandling.unpaidFee.total,
        r.requests.otherHandling.other.total,
      ])
    : r.requests.otherHandling.total;

const litigation = (r: Report, key: keyof AppealGroup): Cell =>
  sumCells([r.appeals.litigationDirect[key], r.appeals.litigationAfterReview[key]]);

/** The figures and charts of a report's 图解; `previous` is the organ's report of the year before, if any. */
export function buildTujie(report: Report, previous: Report | null = null): TujieView {
  const prev = previous && previous.year === report.year - 1 ? previous : null;
  const f = (label: string, pick: Pick) => figure(label, pick, report, prev);
  const keyFigures = [
    f("本年新收申请", (r) => r.requests.received.total),
    f("上年结转申请", (r) => r.requests.carriedOver.total),
    f("本年办结", (r) => r.requests.handledTotal.total),
    f("结转下年度", (r) => r.requests.carriedForward.total),
    f("行政复议", (r) => r.appeals.review.total),
    f("行政诉讼", (r) => litigation(r, "total")),
  ];
  const applicants: Chart = {
    id: "applicants",
    title: "本年新收申请：按申请人类型",
    unit: "件",
    source: "表三 一、本年新收政府信息公开申请数量",
    items: APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) =>
      f(c.label, (r) => r.requests.received[c.key as keyof ApplicantRow]),
    ),
  };
  const outcomes: Chart = {
    id: "outcomes",
    title: "申请办理结果",
    unit: "件",
    source: "表三 三、本年度办理结果（总计栏）",
    items: [
      f("予以公开", (r) => r.requests.granted.total),
      f("部分公开", (r) => r.requests.partiallyGranted.total),
      f("不予公开", (r) => groupTotal(r.requests.withheld)),
      f("无法提供", (r) => groupTotal(r.requests.unavailable)),
      f("不予处理", (r) => groupTotal(r.requests.notProcessed)),
      f("其他处理", otherHandling),
    ],
  };
  const outcomeColumns = APPEAL_COLUMNS.filter((c) => c.key !== "total");
  const review: Chart = {
    id: "review",
    title: "行政复议结果",
    unit: "件",
    source: "表四 行政复议",
    items: outcomeColumns.map((c) => f(c.label, (r) => r.appeals.review[c.key as keyof AppealGroup])),
  };
  const lawsuits: Chart = {
    id: "litigation",
    title: "行政诉讼结果（未经复议直接起诉与复议后起诉合计）",
    unit: "件",
    source: "表四 行政诉讼",
    items: outcomeColumns.map((c) => f(c.label, (r) => litigation(r, c.key as keyof AppealGroup))),
  };
  return {
    organ: report.organ,
    year: report.year,
    edition: report.edition,
    title: `${report.organ}${report.year}年度政府信息公开工作报告图解`,
    previousYear: prev ? prev.year : null,
    keyFigures,
    charts: [applicants, outcomes, proactiveChart(report, prev), review, lawsuits],
  };
}

/** Table 二's counts: documents issued and in force, and decisions; the rows differ by edition, so by label. */
function proactiveChart(report: Report, prev: Report | null): Chart {
  const items: Figure[] = [];
  const same = prev && prev.edition === report.edition ? prev : null;
  // Last year's figure only where last year's form had the same rows.
  const add = (label: string, pick: Pick) => items.push(figure(label, pick, report, same));
  if (report.edition === "2021") {
    add("规章 本年制发", (r) => (r.edition === "2021" ? r.proactive.regulations.issued : null));
    add("行政规范性文件 本年制发", (r) =>
      r.edition === "2021" ? r.proactive.normativeDocuments.issued : null,
    );
    add("行政规范性文件 现行有效", (r) =>
      r.edition === "2021" ? r.proactive.normativeDocuments.inForce : null,
    );
    add("行政许可 处理决定", (r) => (r.edition === "2021" ? r.proactive.licensing.decisions : null));
    add("行政处罚 处理决定", (r) => (r.edition === "2021" ? r.proactive.penalties.decisions : null));
    add("行政强制 处理决定", (r) => (r.edition === "2021" ? r.proactive.coercion.decisions : null));
  } else {
    add("规章 本年新制作", (r) => (r.edition === "2019" ? r.proactive.regulations.made : null));
    add("规范性文件 本年新制作", (r) => (r.edition === "2019" ? r.proactive.normativeDocuments.made : null));
    add("规范性文件 对外公开总数", (r) =>
      r.edition === "2019" ? r.proactive.normativeDocuments.inForce : null,
    );
    add("行政许可 处理决定", (r) => (r.edition === "2019" ? r.proactive.licensing.decisions : null));
    add("其他对外管理服务 处理决定", (r) =>
      r.edition === "2019" ? r.proactive.otherServices.decisions : null,
    );
    add("行政处罚 处理决定", (r) => (r.edition === "2019" ? r.proactive.penalties.decisions : null));
    add("行政强制 处理决定", (r) => (r.edition === "2019" ? r.proactive.coercion.decisions : null));
  }
  return {
    id: "proactive",
    title: "主动公开：文件与处理决定",
    unit: "件",
    source: "表二 主动公开政府信息情况",
    items,
  };
}
