// Building findings: the code's severity comes from the catalogues; the shape of a catalogue entry; the closed code union.
import { CAP_CODES } from "./findings-cap.ts";
import type { Finding, Severity } from "./model.ts";
import { NORMALIZE_CODES } from "./normalize/codes.ts";
import { PARSE_CODES } from "./parse/codes.ts";
import { RENDER_CODES } from "./render/codes.ts";
import { CELL_CODES } from "./rules/cell-values.ts";
import { CROSS_YEAR_CODES } from "./rules/cross-year.ts";
import { PLAUSIBILITY_CODES } from "./rules/plausibility.ts";
import { SECTION_CODES } from "./rules/sections.ts";
import { SUM_CODES } from "./rules/sums.ts";
import { UNCERTAIN_CODES } from "./rules/uncertain.ts";

export interface CodeDoc {
  code: string;
  severity: Severity;
  /** What the finding means, in English, for the README table. */
  meaning: string;
}

/**
 * Every module's catalogue (`as const`), in README order: a new module's catalogue is added here. A function, read only
 * when called: the catalogue modules import this one, so their arrays do not exist yet while modules load.
 */
export function catalogues() {
  return [
    SUM_CODES,
    UNCERTAIN_CODES,
    CELL_CODES,
    PLAUSIBILITY_CODES,
    SECTION_CODES,
    CROSS_YEAR_CODES,
    NORMALIZE_CODES,
    PARSE_CODES,
    RENDER_CODES,
    CAP_CODES,
  ] as const;
}

/** A catalogue entry, with its code as a literal type. */
export type CatalogueEntry = ReturnType<typeof catalogues>[number][number];

/** Every finding code: a closed union, so `finding()` takes only catalogued codes. */
export type FindingCode = CatalogueEntry["code"];

let severities: Map<string, Severity> | undefined;

/** The severity the catalogue gives a code. */
export function severityOf(code: FindingCode): Severity {
  severities ??= new Map(catalogues().flatMap((c) => c.map((e): [string, Severity] => [e.code, e.severity])));
  const severity = severities.get(code);
  if (!severity) throw new Error(`finding code ${code} is not in the catalogue (src/core/finding.ts)`);
  return severity;
}

export function finding(
  code: FindingCode,
  path: string,
  message: string,
  extra: Partial<Pick<Finding, "expected" | "actual" | "original" | "alternatives" | "codePoint">> = {},
): Finding {
  return { severity: severityOf(code), code, path, message, ...extra };
}

export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === "error");
