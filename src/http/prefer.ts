// `Prefer: return=minimal` (RFC 7240), and the finding counts a minimal answer gives instead of the findings.
import type { Finding } from "../core/model.ts";

export const prefersMinimal = (header: string | undefined): boolean =>
  /(?:^|[\s,;])return=minimal(?:$|[\s,;])/i.test((header ?? "").slice(0, 1024));

export function countFindings(findings: readonly Finding[]): {
  error: number;
  warning: number;
  info: number;
} {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
