// Model JSON → normalized report + every finding, in a stable order: normalize, then check the rules.
import { isNianbaoError, NianbaoError } from "./errors.ts";
import { capFindings } from "./findings-cap.ts";
import type { Finding, Report, Sources, ValidationResult } from "./model.ts";
import { normalizeReport } from "./normalize.ts";
import { sortFindings } from "./order.ts";
import { settleDoubts } from "./rules/uncertain.ts";
import { checkReport } from "./rules.ts";

export interface ValidateOptions {
  /** Last year's report (loose model input), for the cross-year checks. */
  previous?: unknown;
}

/**
 * Checks a normalized report (from JSON or the parser) and sorts the findings with those given. A rule failure
 * that involves a cell the parser read by choice is a warning (rule.uncertain); findings about a cell read from
 * the input carry its source `line`.
 */
export function checkAndSort(
  report: Report,
  findings: readonly Finding[],
  previous?: Report,
  sources: Sources = {},
): ValidationResult {
  const rules = settleDoubts(report, findings, checkReport(report, previous ? { previous } : {}));
  // Capped before the lines are looked up: a flood of findings costs one sort, not a search each.
  const kept = capFindings(sortFindings(report, [...findings, ...rules]));
  return { report, findings: kept.map((f) => withLine(f, sources)), sources };
}

/** The finding with the input line of the cell it is about (a cell pointer, or a row whose cells came from one line). */
function withLine(f: Finding, sources: Sources): Finding {
  const src = sources[f.path];
  if (src) return { ...f, line: src.line };
  const prefix = `${f.path}/`;
  let line: number | undefined;
  for (const [path, s] of Object.entries(sources)) {
    if (!path.startsWith(prefix)) continue;
    if (line !== undefined && line !== s.line) return f;
    line = s.line;
  }
  return line === undefined || f.path === "" ? f : { ...f, line };
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
