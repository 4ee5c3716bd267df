// Building findings, and the shape of a finding-code catalogue entry (each module documents its own codes).
import type { Finding, Severity } from "./model.ts";

export interface CodeDoc {
  code: string;
  severity: Severity;
  /** What the finding means, in English, for the README table. */
  meaning: string;
}

export function finding(
  severity: Severity,
  code: string,
  path: string,
  message: string,
  extra: Partial<Pick<Finding, "expected" | "actual" | "original" | "alternatives" | "codePoint">> = {},
): Finding {
  return { severity, code, path, message, ...extra };
}

export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === "error");
