// Loose report input (numbers or strings in cells, missing edition/title/sections) → a model Report, every change a finding.
// The parts live in normalize/: cells, edition, dates, sections, tables, and the context they share.
import { z } from "zod";
import { fromZodError } from "./errors.ts";
import { finding } from "./finding.ts";
import { defaultTitle } from "./labels.ts";
import { type Finding, Report } from "./model.ts";
import {
  type Ctx,
  countUnlisted,
  isRecord,
  overListed,
  own,
  readString,
  toError,
  trimText,
} from "./normalize/context.ts";
import { readIssuedOn, readYear } from "./normalize/dates.ts";
import { readEdition } from "./normalize/edition.ts";
import { readSections } from "./normalize/sections.ts";
import { readTables } from "./normalize/tables.ts";
import { pointer } from "./pointer.ts";

const TOP_KEYS = new Set([
  "edition",
  "organ",
  "year",
  "title",
  "issuedOn",
  "sections",
  "proactive",
  "requests",
  "appeals",
]);

/**
 * Normalizes a loose report (cells as numbers or strings, optional edition/title/sections) into a Report.
 * Every change is a finding with its path; unusable input throws NianbaoError("invalid_input").
 */
export function normalizeReport(input: unknown): { report: Report; findings: Finding[] } {
  const ctx: Ctx = { findings: [], issues: [] };
  if (!isRecord(input)) {
    throw fromZodError(new z.ZodError([{ code: "custom", path: [], message: "报告应为 JSON 对象", input }]));
  }
  const organRaw = own(input, "organ");
  const organ = typeof organRaw === "string" ? trimText(organRaw, ["organ"], "机关名称", ctx) : "";
  if (organ === "") {
    ctx.issues.push({
      path: ["organ"],
      message: organRaw === undefined ? "缺少机关名称 organ" : "organ 应为非空文本",
    });
  }
  const year = readYear(own(input, "year"), ctx);
  if (ctx.issues.length > 0) throw toError(ctx.issues, input);
  const edition = readEdition(input, year, ctx);
  let title = readString(input, "title", ctx, "标题");
  if (title === undefined || title === "") {
    title = defaultTitle(organ, year);
    ctx.findings.push(finding("normalize.title-default", "/title", `未提供标题，已设为「${title}」`));
  }
  const issuedOn = readIssuedOn(input, ctx);
  const sections = readSections(input, ctx);
  const tables = readTables(input, edition, ctx);
  for (const key of Object.keys(input)) {
    if (!TOP_KEYS.has(key) && !overListed(ctx)) {
      ctx.findings.push(finding("normalize.extra-field", pointer(key), `未知字段「${key}」已忽略`));
    }
  }
  countUnlisted(ctx);
  if (ctx.issues.length > 0) throw toError(ctx.issues, input);
  const report = { edition, organ, year, title, issuedOn, sections, ...tables };
  const checked = Report.safeParse(report);
  if (!checked.success) throw fromZodError(checked.error);
  return { report: report as Report, findings: ctx.findings };
}
