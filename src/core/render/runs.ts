// Splits text into runs by the first face that can draw each character: the role's face, the body face, the fallback.
import { type FaceRole, faceFile, type RenderAssets } from "./assets.ts";
import { coverage, isControl } from "./coverage.ts";

/** pdfmake font family names, one per face. */
export const PDF_FAMILY: Record<FaceRole | "fallback", string> = {
  body: "Body",
  title: "Title",
  heading: "Heading",
  subheading: "Subheading",
  fallback: "Fallback",
};

export interface Run {
  text: string;
  font?: string;
}

/** Runs for pdfmake: a plain string when the role's own face draws all of it, else [{text, font}]. */
export function pdfRuns(text: string, role: FaceRole, assets: RenderAssets): string | Run[] {
  const own = coverage(faceFile(assets, role));
  const body = coverage(assets.fonts.body);
  const fallback = assets.fallback ? coverage(assets.fallback) : undefined;
  let simple = true;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!own.has(cp) && !isControl(cp)) {
      simple = false;
      break;
    }
  }
  if (simple) return text;
  const runs: Run[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    let family = PDF_FAMILY[role];
    if (!own.has(cp) && !isControl(cp)) {
      if (body.has(cp)) family = PDF_FAMILY.body;
      else if (fallback?.has(cp)) family = PDF_FAMILY.fallback;
    }
    const last = runs[runs.length - 1];
    if (last && last.font === family) last.text += ch;
    else runs.push({ text: ch, font: family });
  }
  return runs;
}

/**
 * Every text property pdfmake looks up for an inline, given explicitly: pdfmake then reads it from the inline instead
 * of walking its style stack (about twenty look-ups per inline, the largest cost of measuring a table of many cells).
 * `link` stays unset: pdfkit adds a link annotation for any value but null or undefined.
 */
const INLINE_DEFAULTS = {
  bold: false,
  italics: false,
  fontFeatures: [],
  color: "black",
  decoration: "",
  decorationColor: "",
  decorationStyle: "",
  decorationThickness: 0,
  background: "",
  linkToPage: 0,
  linkToDestination: "",
  opacity: 1,
  sup: false,
  sub: false,
  preserveLeadingSpaces: false,
  preserveTrailingSpaces: false,
  leadingIndent: 0,
} as const;

export interface InlineProps {
  fontSize: number;
  lineHeight: number;
  characterSpacing: number;
  alignment: "left" | "center" | "right" | "justify";
  noWrap: boolean;
}

/** Runs with every inline property explicit (see INLINE_DEFAULTS). */
export function explicitRuns(runs: string | Run[], role: FaceRole, props: InlineProps): object[] {
  const list: Run[] = typeof runs === "string" ? [{ text: runs }] : runs;
  return list.map((r) => ({ ...INLINE_DEFAULTS, ...props, text: r.text, font: r.font ?? PDF_FAMILY[role] }));
}
