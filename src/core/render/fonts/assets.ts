// What the renderer needs from its runtime, as data: font files per face, an optional full fallback font and subsetter.

/** A TrueType font file. `name` is stable per file (it keys caches and pdfmake's virtual file system). */
export interface FontFile {
  name: string;
  data: Uint8Array;
}

/** The typographic roles of the official layout and the face that stands in for each. */
export type FaceRole = "body" | "title" | "heading" | "subheading";

export interface RenderAssets {
  fonts: {
    /** 仿宋-style body text, tables, signature; also the fallback for the other faces. Required. */
    body: FontFile;
    /** 小标宋-style title; body when absent. */
    title?: FontFile;
    /** 黑体-style 「一、」 headings; body when absent. */
    heading?: FontFile;
    /** 楷体-style 「（一）」 headings; body when absent. */
    subheading?: FontFile;
  };
  /** A full font drawing what the subsets cannot (Node: full Noto Serif SC; Worker: from the bucket). */
  fallback?: FontFile;
  /**
   * Subsets a TrueType font to the given characters, for the HTML page's embedded fonts.
   * Absent: the renderer's own pure-JS subsetter (ttf-subset.ts), which also runs inside workerd.
   */
  subsetFont?: (font: Uint8Array, text: string) => Promise<Uint8Array>;
}

export const FACE_ROLES: readonly FaceRole[] = ["body", "title", "heading", "subheading"];

/** The font file drawing a role, falling back to the body face. */
export function faceFile(assets: RenderAssets, role: FaceRole): FontFile {
  return assets.fonts[role] ?? assets.fonts.body;
}

/**
 * Which fonts a render uses, as text: each face's file and size, and the fallback's. Two runtimes (or one Worker before
 * and after display faces were put into its bucket) with the same fonts give the same text.
 */
export function fontSet(assets: RenderAssets): string {
  const describe = (f: FontFile | undefined) => (f ? `${f.name.replace(/^r2-/, "")}:${f.data.length}` : "-");
  return [...FACE_ROLES.map((role) => describe(assets.fonts[role])), describe(assets.fallback)].join(",");
}
