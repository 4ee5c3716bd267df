// Splits text into runs by the first face that can draw each character: the role's face, the body face, the fallback.
import { type FaceRole, faceFile, type RenderAssets } from "../fonts/assets.ts";
import { coverage, isControl } from "../fonts/coverage.ts";

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
 * The text properties that differ between the renderer's inlines, given on each run: pdfmake reads them from the
 * inline instead of walking its style stack. (Giving every property pdfmake looks up was slower: bigger objects.)
 */
export interface InlineProps {
  fontSize: number;
  lineHeight: number;
  characterSpacing: number;
  alignment: "left" | "center" | "right" | "justify";
  noWrap: boolean;
}

/** Runs with their font and the main text properties explicit. */
export function explicitRuns(runs: string | Run[], role: FaceRole, props: InlineProps): object[] {
  const list: Run[] = typeof runs === "string" ? [{ text: runs }] : runs;
  return list.map((r) => ({ ...props, text: r.text, font: r.font ?? PDF_FAMILY[role] }));
}
