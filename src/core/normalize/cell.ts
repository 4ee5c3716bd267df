// One table cell as given (number, text like 「１２」「增3」「/」, or null) → a number or null, each change a finding.
import { type CellKind, type CellNote, readCell } from "../cell-value.ts";
import type { FindingCode } from "../codes.ts";
import { finding } from "../finding.ts";
import { pointer } from "../pointer.ts";
import { trimSpaces } from "../text/trim.ts";
import type { Ctx } from "./context.ts";

export function cellKind(column: string): CellKind {
  if (column === "change") return "change";
  if (column === "amountWan") return "money";
  return "count";
}

const NOTE_TEXT: Record<CellNote["kind"], { code: FindingCode; text: string }> = {
  fullwidth: { code: "normalize.fullwidth", text: "全角数字或符号已按半角读取" },
  "signed-word": { code: "normalize.signed-word", text: "「增/减」已读作正负数" },
  "blank-mark": { code: "normalize.blank-mark", text: "空白标记已读作空（不是0）" },
  "yuan-to-wan": { code: "normalize.yuan-to-wan", text: "金额单位为元，已换算为万元" },
  "unit-stripped": { code: "normalize.unit-stripped", text: "数字后的单位已去除" },
  "thousands-separator": { code: "normalize.thousands-separator", text: "千位分隔符已去除" },
};

/** Reads one raw cell; notes become findings at `path`. Wrong types are issues (the input is unusable). */
export function readRawCell(
  raw: unknown,
  kind: CellKind,
  segs: (string | number)[],
  ctx: Ctx,
): number | null {
  if (raw === undefined || raw === null) return null;
  const path = pointer(...segs);
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) {
      ctx.issues.push({ path: segs, message: "应为有限数字" });
      return null;
    }
    return Object.is(raw, -0) ? 0 : raw;
  }
  if (typeof raw !== "string") {
    ctx.issues.push({ path: segs, message: "单元格应为数字、文本或 null" });
    return null;
  }
  const original = raw;
  const inner = trimSpaces(raw);
  // Digits separated by spaces may be two numbers run together: never guess.
  if (/[0-9０-９][\s\u00a0\u3000]+[0-9０-９]/.test(inner)) {
    ctx.findings.push(
      finding(
        "normalize.unreadable",
        path,
        `单元格内容「${original}」含有多个数字，无法确定数值，已按空白处理`,
        {
          original,
        },
      ),
    );
    return null;
  }
  const reading = readCell(raw, kind);
  if (reading.unreadable) {
    ctx.findings.push(
      finding("normalize.unreadable", path, `单元格内容「${original}」不是数字，已按空白处理，请核对`, {
        original,
      }),
    );
    return null;
  }
  if (inner !== raw && reading.value !== null) {
    ctx.findings.push(finding("normalize.trimmed", path, "单元格内容前后的空格已去除", { original }));
  }
  if (reading.value === null && reading.notes.length === 0) {
    ctx.findings.push(finding("normalize.blank-mark", path, "空白单元格已读作空（不是0）", { original }));
  }
  for (const note of reading.notes) {
    const { code, text } = NOTE_TEXT[note.kind];
    const extra: { original: string; actual?: number } = { original };
    if (reading.value !== null) extra.actual = reading.value;
    const shown = reading.value === null ? "空" : String(reading.value);
    ctx.findings.push(finding(code, path, `${text}：「${original}」→ ${shown}`, extra));
  }
  return reading.value;
}
