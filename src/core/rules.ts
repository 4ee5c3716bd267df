// All of the spec's rules on a normalized report: R1–R5 as errors, then the warnings; per-family checkers re-exported.
import type { CodeDoc } from "./finding.ts";
import type { Finding, Report } from "./model.ts";
import { CELL_CODES, checkBlankCells, checkCellValues } from "./rules/cell-values.ts";
import { CROSS_YEAR_CODES, checkCrossYear } from "./rules/cross-year.ts";
import { checkPlausibility, PLAUSIBILITY_CODES } from "./rules/plausibility.ts";
import { checkProse, checkSectionStructure, SECTION_CODES } from "./rules/sections.ts";
import { checkSums, SUM_CODES } from "./rules/sums.ts";
import { UNCERTAIN_CODES } from "./rules/uncertain.ts";

export { checkBlankCells, checkCellValues } from "./rules/cell-values.ts";
export { checkCrossYear } from "./rules/cross-year.ts";
export { checkPlausibility, isCountyOrDistrict } from "./rules/plausibility.ts";
export { checkProse, checkSectionStructure } from "./rules/sections.ts";
export {
  checkSums,
  type Equation,
  type EquationResult,
  equations,
  evaluate,
  type RuleId,
  ruleViolations,
} from "./rules/sums.ts";

export const RULE_CODES = [
  ...SUM_CODES,
  ...UNCERTAIN_CODES,
  ...CELL_CODES,
  ...PLAUSIBILITY_CODES,
  ...SECTION_CODES,
  ...CROSS_YEAR_CODES,
] as const satisfies readonly CodeDoc[];

/** Every rule on a normalized report (unsorted; validateModel sorts by document order). */
export function checkReport(report: Report, options: { previous?: Report } = {}): Finding[] {
  return [
    ...checkSums(report),
    ...checkCellValues(report),
    ...checkBlankCells(report),
    ...checkPlausibility(report),
    ...checkSectionStructure(report),
    ...checkProse(report),
    ...(options.previous ? checkCrossYear(report, options.previous) : []),
  ];
}
