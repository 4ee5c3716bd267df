// The one entry for every runtime: bytes or text → kind (JSON, HTML, text) → normalized report + findings.
import { NianbaoError } from "./errors.ts";
import { checkInputLimits, checkJsonFields, checkReportLimits } from "./limits.ts";
import type { Report, ValidationResult } from "./model.ts";
import { normalizeReport } from "./normalize.ts";
import { decodeInput as decodeBytes } from "./parse/decode.ts";
import { parseReport } from "./parse/index.ts";
import { checkAndSort, normalizePrevious } from "./validate.ts";

export type InputKind = "json" | "html" | "text";

export interface InputHint {
  contentType?: string;
  filename?: string;
}

/** UTF-8 with the BOM stripped (the parser may swap in a GB18030-aware decoder). */
export function decodeInput(input: Uint8Array | string): string {
  const text = typeof input === "string" ? input : decodeBytes(input);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON when it starts with `{`; HTML when it looks like a document or has a <table>; otherwise text. */
export function detectKind(text: string, hint: InputHint = {}): InputKind {
  const head = text.trimStart();
  if (head.startsWith("{")) return "json";
  if (/json/i.test(hint.contentType ?? "") || /\.json$/i.test(hint.filename ?? "")) {
    if (head.startsWith("[") || head.startsWith('"')) return "json";
  }
  if (
    /^<(!doctype|html|head|body|meta|div|p|table|section|article)\b/i.test(head) ||
    /<table[\s>]/i.test(text)
  ) {
    return "html";
  }
  return "text";
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : "";
    throw new NianbaoError("invalid_json", `输入不是合法的 JSON：${why}`, {}, { cause: e });
  }
}

/** Parsed JSON with its fields within their limits (title, organ, cells). */
function checkedJson(text: string): unknown {
  const value = parseJson(text);
  checkJsonFields(value);
  return value;
}

function previousReport(previous: unknown): Report | undefined {
  if (previous === undefined) return undefined;
  if (typeof previous === "string" || previous instanceof Uint8Array) {
    try {
      return analyzeInput(previous).report;
    } catch (e) {
      if (e instanceof NianbaoError)
        throw new NianbaoError(e.code, `上年报告：${e.message}`, e.details, { cause: e });
      throw e;
    }
  }
  return normalizePrevious(previous);
}

/** Reads a report of any kind and validates it. Throws NianbaoError (empty_input, invalid_json, invalid_input, not_a_report). */
export function analyzeInput(
  input: Uint8Array | string,
  hint: InputHint = {},
  options: { previous?: unknown } = {},
): ValidationResult {
  const text = decodeInput(input);
  if (text.trim() === "") throw new NianbaoError("empty_input");
  const kind = detectKind(text, hint);
  checkInputLimits(text, kind);
  const previous = previousReport(options.previous);
  const parsed =
    kind === "json" ? { ...normalizeReport(checkedJson(text)), sources: {} } : parseReport(text, kind);
  checkReportLimits(parsed.report);
  return checkAndSort(parsed.report, parsed.findings, previous, parsed.sources);
}
