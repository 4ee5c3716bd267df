// Model JSON → normalized report + every finding, in a stable order: normalize, then check the rules.
import { isNianbaoError, NianbaoError } from "./errors.ts";
import { capFindings } from "./findings-cap.ts";
import type { Finding, Report, ValidationResult } from "./model.ts";
import { normalizeReport } from "./normalize.ts";
import { sortFindings } from "./order.ts";
import { checkReport } from "./rules.ts";

export interface ValidateOptions {
  /** Last year's report (loose model input), for the cross-year checks. */
  previous?: unknown;
}

/** Checks a normalized report (from JSON or the parser) and sorts the findings with those given. */
export function checkAndSort(
  report: Report,
  findings: readonly Finding[],
  previous?: Report,
): ValidationResult {
  const all = [...findings, ...checkReport(report, previous ? { previous } : {})];
  return { report, findings: capFindings(sortFindings(report, all)) };
}

/** Normalizes loose model input and checks every rule. Throws NianbaoError("invalid_input") when unusable. */
export function validateModel(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const { report, findings } = normalizeReport(input);
  const previous = options.previous === undefined ? undefined : normalizePrevious(options.previous);
  return checkAndSort(report, findings, previous);
}

/** Last year's report, normalized; its own findings are not reported, its unusable input is (as 上年报告). */
export function normalizePrevious(input: unknown): Report {
  try {
    return normalizeReport(input).report;
  } catch (e) {
    if (isNianbaoError(e)) throw new NianbaoError(e.code, `上年报告：${e.message}`, e.details, { cause: e });
    throw e;
  }
}
