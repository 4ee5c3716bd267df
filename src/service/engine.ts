// The conversion engine the service runs: analyze (detect, parse, validate) and the two renderers, fonts bound in.
import type { InputHint } from "../core/analyze.ts";
import type { Report, ValidationResult } from "../core/model.ts";

export type { InputHint };

export interface Engine {
  /** Detects JSON/text/HTML, decodes, parses and validates; throws NianbaoError for unusable input. */
  analyze(input: Uint8Array | string, hint?: InputHint): ValidationResult;
  renderPdf(report: Report): Promise<Uint8Array>;
  renderHtml(report: Report): Promise<string>;
  /** Part of every report id: a new renderer gives new artifacts under new ids. */
  readonly rendererVersion: string;
}
