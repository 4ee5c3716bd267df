// How the 图解 words its numbers: a blank stays 「未填报」, a change is signed (「较上年 +12」), never a silent 0.
import { formatCell } from "../render/view/format.ts";
import type { Figure } from "./figures.ts";

export const BLANK = "未填报";

export function valueText(value: number | null | undefined): string {
  return value === null || value === undefined ? BLANK : formatCell(value);
}

/** 「较上年 +12」, 「与上年持平」, 「上年未填报」, or "" when there is no previous report. */
export function changeText(f: Figure): string {
  if (f.previous === undefined) return "";
  if (f.previous === null) return "上年未填报";
  if (f.change === undefined) return `上年 ${formatCell(f.previous)}`;
  if (f.change === 0) return "与上年持平";
  return `较上年 ${f.change > 0 ? "+" : "−"}${formatCell(Math.abs(f.change))}`;
}

/** One sentence per figure, for the chart's <desc> and the table under it: 「自然人 120 件，较上年 +12」. */
export function figureSentence(f: Figure, unit: string): string {
  const v = f.value === null ? `${f.label}${BLANK}` : `${f.label} ${formatCell(f.value)} ${unit}`;
  const c = changeText(f);
  return c ? `${v}，${c}` : v;
}
