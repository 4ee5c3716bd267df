// The conversion engine the service runs: analyze (detect, parse, validate) and the two renderers, fonts bound in.
import type { InputHint } from "../core/analyze.ts";
import type { Report, ValidationResult } from "../core/model.ts";
import type { PdfOptions } from "../core/render/index.ts";

export type { InputHint, PdfOptions };

export interface Engine {
  /**
   * Detects JSON/text/HTML, decodes, parses and validates, with the glyph findings of the fonts it renders with;
   * rejects with NianbaoError for unusable input. Asynchronous so a runtime can run it where a budget can stop it
   * (Node: a worker thread).
   */
  analyze(input: Uint8Array | string, hint?: InputHint): Promise<ValidationResult>;
  /** `tagged`: a tagged PDF (structure tree, /MarkInfo); the report id covers it (service/canonical.ts). */
  renderPdf(report: Report, options?: PdfOptions): Promise<Uint8Array>;
  renderHtml(report: Report): Promise<string>;
  /** The 图解 page and PDF, with last year's report for the changes; absent: no 图解 artifacts are made. */
  renderTujie?(report: Report, previous: Report | null): Promise<{ html: string; pdf: Uint8Array }>;
  /** The renderer's version (shown by /healthz and kept in each report's metadata). */
  readonly rendererVersion: string;
  /**
   * Part of every report id: the renderer's version and the fonts it renders with. A new renderer, or a Worker that
   * has found display faces in its bucket since, gives new artifacts under new ids instead of serving the old ones.
   */
  outputVersion(): Promise<string>;
}
