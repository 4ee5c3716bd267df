// What the normalizer carries while it reads: findings, unusable-input issues, and safe own-property reads.
import { z } from "zod";
import { fromZodError } from "../errors.ts";
import { finding } from "../finding.ts";
import { MAX_FINDINGS } from "../findings-cap.ts";
import type { Finding } from "../model.ts";
import { pointer } from "../pointer.ts";
import { trimSpaces } from "../text/trim.ts";

/** Issues that make the input unusable: collected, then thrown once as invalid_input. */
export type Issue = { path: (string | number)[]; message: string };

export interface Ctx {
  findings: Finding[];
  issues: Issue[];
  /** Unknown fields past half the findings cap: counted in one finding, not listed. */
  unlisted?: number;
}

/**
 * True when an unknown field comes after half the findings cap: it is then counted, not listed (150,000 unknown
 * keys made 150,000 findings, a second of CPU, of which the cap kept 500 anyway). Half: the rules' findings
 * still fit under the cap, so the count stays exact.
 */
export function overListed(ctx: Ctx): boolean {
  if (ctx.findings.length < MAX_FINDINGS / 2) return false;
  ctx.unlisted = (ctx.unlisted ?? 0) + 1;
  return true;
}

/** One finding counting the unknown fields that were not listed (none when all were). */
export function countUnlisted(ctx: Ctx): void {
  if (ctx.unlisted)
    ctx.findings.push(
      finding("normalize.unknown-field", "", `另有 ${ctx.unlisted} 个未知字段未逐一列出，均已忽略`, {
        actual: ctx.unlisted,
      }),
    );
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** An own property only: never reads through a prototype (`__proto__` keys are plain data here). */
export function own(obj: unknown, key: string): unknown {
  return isRecord(obj) && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function ownPath(obj: unknown, keys: readonly string[]): unknown {
  let node = obj;
  for (const k of keys) node = own(node, k);
  return node;
}

/** Text trimmed of spaces, with a normalize.trimmed finding when any were there. */
export function trimText(raw: string, segs: (string | number)[], what: string, ctx: Ctx): string {
  const t = trimSpaces(raw);
  if (t !== raw) {
    ctx.findings.push(
      finding("normalize.trimmed", pointer(...segs), `${what}前后的空格已去除`, { original: raw }),
    );
  }
  return t;
}

/** An optional top-level text field; a non-text value is an issue. */
export function readString(input: unknown, key: string, ctx: Ctx, what: string): string | undefined {
  const raw = own(input, key);
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "string") {
    ctx.issues.push({ path: [key], message: `${key} 应为文本` });
    return undefined;
  }
  return trimText(raw, [key], what, ctx);
}

/** The collected issues as one invalid_input error (through the one zod-issue converter). */
export function toError(issues: Issue[], input: unknown) {
  return fromZodError(
    new z.ZodError(issues.map((i) => ({ code: "custom" as const, path: i.path, message: i.message, input }))),
  );
}
