// font.missing-glyph: every character of the report's text that the embedded subset fonts cannot draw, with its path.
import { finding } from "../../finding.ts";
import type { Finding, Report, ValidationResult } from "../../model.ts";
import { sortFindings } from "../../order.ts";
import type { RenderAssets } from "./assets.ts";
import { coverage, isControl } from "./coverage.ts";

const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

/** The report's free-text fields with their JSON Pointers. */
function texts(report: Report): [string, string][] {
  const out: [string, string][] = [
    ["/title", report.title],
    ["/organ", report.organ],
  ];
  report.sections.forEach((s, i) => {
    out.push([`/sections/${i}/heading`, s.heading]);
    s.blocks.forEach((b, j) => {
      out.push([`/sections/${i}/blocks/${j}/text`, b.text]);
    });
  });
  return out;
}

/** Characters the body subset (which backs up every face) cannot draw; one warning per field and character. */
export function checkGlyphs(report: Report, assets: RenderAssets): Finding[] {
  const have = coverage(assets.fonts.body);
  const fallback = assets.fallback ? coverage(assets.fallback) : undefined;
  const findings: Finding[] = [];
  for (const [path, text] of texts(report)) {
    const seen = new Set<number>();
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (isControl(cp) || have.has(cp) || seen.has(cp)) continue;
      seen.add(cp);
      const drawn = fallback?.has(cp) === true;
      findings.push(
        finding(
          "font.missing-glyph",
          path,
          drawn
            ? `字符「${ch}」（${codePoint(cp)}）不在嵌入的字体子集中，已改用后备字体显示`
            : `字符「${ch}」（${codePoint(cp)}）无法用嵌入的字体显示，文件中会显示为空白方框`,
          { codePoint: codePoint(cp) },
        ),
      );
    }
  }
  return findings;
}

/** The result with the glyph findings of its report added, in the one finding order: what every runtime reports. */
export function withGlyphFindings(result: ValidationResult, assets: RenderAssets): ValidationResult {
  const glyphs = checkGlyphs(result.report, assets);
  if (glyphs.length === 0) return result;
  return { ...result, findings: sortFindings(result.report, [...result.findings, ...glyphs]) };
}
