// Section structure (the six standard parts, in order) and prose figures that disagree with table 三.

import { type CodeDoc, finding } from "../finding.ts";
import { SECTION_HEADINGS } from "../labels.ts";
import type { Finding, Report } from "../model.ts";
import { pointer } from "../pointer.ts";
import { halfWidthDigits } from "../text/digits.ts";

export const SECTION_CODES = [
  {
    code: "sections.empty",
    severity: "warning",
    meaning: "The report has no sections (text); the structure is not checked.",
  },
  {
    code: "sections.missing",
    severity: "warning",
    meaning: "One of the six standard sections (一 … 六) is missing.",
  },
  {
    code: "sections.extra",
    severity: "warning",
    meaning: "A section that is none of the six standard ones (e.g. 五、平台建设方面).",
  },
  {
    code: "sections.count",
    severity: "warning",
    meaning: "Not exactly six sections (a preamble is not counted).",
  },
  {
    code: "sections.order",
    severity: "warning",
    meaning: "The standard sections are not in the official order.",
  },
  {
    code: "prose.mismatch",
    severity: "warning",
    meaning: "A figure in the text (「共收到申请N件」「办结N件」「结转N件」) disagrees with table 三.",
  },
] as const satisfies readonly CodeDoc[];

const STANDARD = ["overview", "proactive", "requests", "appeals", "problems", "other"] as const;

export function checkSectionStructure(report: Report): Finding[] {
  const { sections } = report;
  if (sections.length === 0) {
    return [finding("sections.empty", "/sections", "报告没有正文章节，无法核对报告结构")];
  }
  const out: Finding[] = [];
  for (const role of STANDARD) {
    if (!sections.some((s) => s.role === role)) {
      out.push(finding("sections.missing", "/sections", `缺少「${SECTION_HEADINGS[role]}」部分`));
    }
  }
  sections.forEach((s, i) => {
    if (s.role === "extra") {
      out.push(
        finding(
          "sections.extra",
          pointer("sections", i),
          `「${s.heading}」不属于规定的六个部分，建议并入「总体情况」或「其他需要报告的事项」`,
        ),
      );
    }
  });
  const counted = sections.filter((s) => s.role !== "preamble").length;
  if (counted !== STANDARD.length) {
    out.push(
      finding("sections.count", "/sections", `报告应分为六个部分，实际为${counted}个部分`, {
        expected: STANDARD.length,
        actual: counted,
      }),
    );
  }
  let last = -1;
  sections.forEach((s, i) => {
    const at = (STANDARD as readonly string[]).indexOf(s.role);
    if (at < 0) return;
    if (at < last) {
      out.push(finding("sections.order", pointer("sections", i), `「${s.heading}」的位置与规定的顺序不符`));
    }
    last = Math.max(last, at);
  });
  return out;
}

type TotalKey = "received" | "carriedOver" | "handledTotal" | "carriedForward";

const PROSE_PATTERNS: { re: RegExp; key: (m: RegExpExecArray) => TotalKey; what: string }[] = [
  {
    re: /(?:收到|接到|受理|新收)[^。；;，,、\d]{0,12}?申请(?:公开)?(?:共|总计|合计|数量为?)?(\d+)(?:件|个|条|宗|次)/g,
    key: () => "received",
    what: "本年新收申请数",
  },
  {
    re: /办结[^。；;，,、\d]{0,8}?(\d+)(?:件|个|条|宗|次)/g,
    key: () => "handledTotal",
    what: "办理结果总计",
  },
  {
    // 「上年结转34件」「结转下年度办理1件」「顺延至下一年度办理103件」「转下一年度办理答复的有 1 件」
    re: /(上一?年度?)?(?:(?:结转|顺延)(?:至|到)?(?:下一?个?年度?|次年)?|转(?:至|到)?(?:下一?个?年度?|次年))(?:继续)?(?:办理|处理)?(?:答复)?(?:的)?(?:政府信息公开)?(?:申请)?(?:共|有)? ?(\d+) ?(?:件|个|条|宗|次)/g,
    key: (m) => (m[1] ? "carriedOver" : "carriedForward"),
    what: "结转数",
  },
];

const LABELS: Record<TotalKey, string> = {
  received: "一、本年新收政府信息公开申请数量",
  carriedOver: "二、上年结转政府信息公开申请数量",
  handledTotal: "（七）总计",
  carriedForward: "四、结转下年度继续办理",
};

/** Figures in the overview (and the requests section's notes) against table 三's 总计 column. */
export function checkProse(report: Report): Finding[] {
  const out: Finding[] = [];
  const total = (k: TotalKey) => report.requests[k].total;
  report.sections.forEach((section, i) => {
    if (section.role !== "overview" && section.role !== "requests") return;
    section.blocks.forEach((block, j) => {
      const text = halfWidthDigits(block.text);
      for (const { re, key } of PROSE_PATTERNS) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const figure = Number(m[m.length - 1]);
          const k = key(m);
          const t = total(k);
          if (t === null) continue;
          // 「共收到申请N件」 may include last year's carried-over requests.
          const co = total("carriedOver");
          const alt = k === "received" && co !== null ? t + co : t;
          if (figure === t || figure === alt) continue;
          out.push(
            finding(
              "prose.mismatch",
              pointer("sections", i, "blocks", j),
              `正文「${m[0]}」与表三「${LABELS[k]}」总计（${t}）不一致`,
              { expected: t, actual: figure },
            ),
          );
        }
      }
    });
  });
  return out;
}
