// Raw text and HTML → report model (placeholder until the parser lands: it reads nothing yet).
import { NianbaoError } from "../errors.ts";
import type { Finding, Report } from "../model.ts";

export type TextKind = "text" | "html";

/** Parses a report written as text or HTML. Throws NianbaoError("not_a_report") when no report can be found. */
export function parseReport(_text: string, _kind: TextKind): { report: Report; findings: Finding[] } {
  throw new NianbaoError("not_a_report", "原文解析尚未实现：目前只接受 JSON 模型");
}
