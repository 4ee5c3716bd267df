// The core's public exports: model types, the analyze/validate entries, the rules, the finding codes, errors.
export { analyzeInput, decodeInput, detectKind, type InputHint, type InputKind } from "./analyze.ts";
export { type CellRef, cellPointer, cellRefs, getCell, pointer, setCell } from "./cells.ts";
export { FINDING_CODES } from "./codes.ts";
export { ERROR_CODES, type ErrorCode, fromZodError, isNianbaoError, NianbaoError } from "./errors.ts";
export { type CodeDoc, finding, hasErrors } from "./finding.ts";
export * from "./model.ts";
export { normalizeReport } from "./normalize.ts";
export { sortFindings } from "./order.ts";
export { checkReport, equations, evaluate, RULE_CODES, ruleViolations } from "./rules.ts";
export { checkAndSort, validateModel } from "./validate.ts";
