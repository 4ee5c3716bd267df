// The report's sections as given: headings trimmed, roles checked (or inferred from the heading), blocks read.
import { finding } from "../finding.ts";
import { type Block, type Section, SectionRole } from "../model.ts";
import { roleOf } from "../parse/sections.ts";
import { pointer } from "../pointer.ts";
import { type Ctx, isRecord, own, trimText } from "./context.ts";

/** The role a heading names (the parser's classifier; a first section without a heading is the preamble). */
function roleOfHeading(heading: string, index: number): Section["role"] {
  return heading === "" && index === 0 ? "preamble" : roleOf(heading);
}

export function readSections(input: Record<string, unknown>, ctx: Ctx): Section[] {
  const raw = own(input, "sections");
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    ctx.issues.push({ path: ["sections"], message: "sections 应为数组" });
    return [];
  }
  const out: Section[] = [];
  raw.forEach((sec: unknown, i: number) => {
    if (!isRecord(sec)) {
      ctx.issues.push({ path: ["sections", i], message: "章节应为对象" });
      return;
    }
    const headingRaw = own(sec, "heading") ?? "";
    if (typeof headingRaw !== "string") {
      ctx.issues.push({ path: ["sections", i, "heading"], message: "heading 应为文本" });
      return;
    }
    const heading = trimText(headingRaw, ["sections", i, "heading"], "章节标题", ctx);
    const roleRaw = own(sec, "role");
    const parsedRole = SectionRole.safeParse(roleRaw);
    let role: Section["role"];
    if (parsedRole.success) role = parsedRole.data;
    else {
      role = roleOfHeading(heading, i);
      ctx.findings.push(
        finding(
          "normalize.role-inferred",
          pointer("sections", i, "role"),
          `章节「${heading}」的类型已按标题认定为 ${role}`,
        ),
      );
    }
    const blocksRaw = own(sec, "blocks") ?? [];
    if (!Array.isArray(blocksRaw)) {
      ctx.issues.push({ path: ["sections", i, "blocks"], message: "blocks 应为数组" });
      return;
    }
    const blocks: Block[] = [];
    blocksRaw.forEach((b: unknown, j: number) => {
      const at = ["sections", i, "blocks", j];
      if (typeof b === "string") {
        ctx.findings.push(finding("normalize.block-text", pointer(...at), "文本段落已按正文段落读取"));
        blocks.push({ type: "paragraph", text: trimText(b, [...at, "text"], "段落", ctx) });
        return;
      }
      const type = own(b, "type") ?? "paragraph";
      const text = own(b, "text");
      if ((type !== "heading" && type !== "paragraph") || typeof text !== "string") {
        ctx.issues.push({ path: at, message: '段落应为 { type: "heading" | "paragraph", text }' });
        return;
      }
      blocks.push({ type, text: trimText(text, [...at, "text"], "段落", ctx) });
    });
    out.push({ role, heading, blocks });
  });
  return out;
}
