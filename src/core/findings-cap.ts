// Caps the findings of one report: the first ones by severity and place are kept, the rest are counted in one summary finding.
import { type CodeDoc, finding } from "./finding.ts";
import type { Finding } from "./model.ts";

/** Findings kept per report (a real report has a few dozen; 150,000 unknown JSON keys must not make 150,000). */
export const MAX_FINDINGS = 500;

export const CAP_CODES = [
  {
    code: "findings.truncated",
    severity: "warning",
    meaning:
      "More than 500 findings: errors first, then warnings, then notes are kept up to the cap; this one counts the rest by severity.",
  },
] as const satisfies readonly CodeDoc[];

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** `sorted` (in report order) cut to MAX_FINDINGS: errors before warnings before notes, each kept in order, then the summary. */
export function capFindings(sorted: readonly Finding[]): Finding[] {
  if (sorted.length <= MAX_FINDINGS) return [...sorted];
  const keep = new Set(
    sorted
      .map((f, i) => [RANK[f.severity], i] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .slice(0, MAX_FINDINGS - 1)
      .map(([, i]) => i),
  );
  const kept = sorted.filter((_, i) => keep.has(i));
  const dropped = { error: 0, warning: 0, info: 0 };
  sorted.forEach((f, i) => {
    if (!keep.has(i)) dropped[f.severity]++;
  });
  const total = sorted.length - kept.length;
  kept.push(
    finding(
      "findings.truncated",
      "",
      `提示过多，另有 ${total} 条未列出（错误 ${dropped.error} 条、警告 ${dropped.warning} 条、提示 ${dropped.info} 条）`,
      { actual: total },
    ),
  );
  return kept;
}
