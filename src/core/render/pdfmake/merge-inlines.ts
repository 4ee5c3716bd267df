// Draws adjacent plain inlines of a line as one text object: pdfmake breaks wrapping CJK text (table cells) per character.
import { colourOnlyFills } from "./graphics-state.ts";
import type { Patch } from "./patch.ts";

interface Inline {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
  [key: string]: unknown;
}

interface LineLike {
  inlines: Inline[];
}

/** Properties that make pdfmake draw more than text at the inline's place, or place it differently. */
const SPECIAL = [
  "link",
  "linkToPage",
  "linkToDestination",
  "_pageNodeRef",
  "fontFeatures",
  "decoration",
  "background",
  "sup",
  "sub",
] as const;

const plain = (i: Inline) =>
  !i.characterSpacing && SPECIAL.every((k) => i[k] === undefined || i[k] === null || i[k] === false);

/** The same font, size, colour and opacity, and the second starting where the first ends. */
const joins = (a: Inline, b: Inline) =>
  a.font === b.font &&
  a.fontSize === b.fontSize &&
  a.color === b.color &&
  a.opacity === b.opacity &&
  Math.abs(a.x + a.width - b.x) < 1e-6 &&
  plain(a) &&
  plain(b);

/** One inline per run of joinable inlines (their text one after the other, from the first one's x); none to merge: undefined. */
function merged(inlines: Inline[]): Inline[] | undefined {
  let out: Inline[] | undefined;
  let copy: Inline | undefined;
  for (let i = 1; i < inlines.length; i++) {
    const prev = inlines[i - 1] as Inline;
    const cur = inlines[i] as Inline;
    if (!out) {
      if (!joins(prev, cur)) continue;
      out = inlines.slice(0, i - 1);
    }
    const last = (copy ?? prev) as Inline;
    if (joins(last, cur)) {
      if (!copy) {
        copy = { ...prev };
        out.push(copy);
      }
      copy.text += cur.text;
      copy.width += cur.width;
    } else {
      if (!copy) out.push(prev);
      copy = undefined;
    }
  }
  if (out && !copy) out.push(inlines[inlines.length - 1] as Inline);
  return out;
}

/**
 * pdfmake breaks wrapping CJK text (table cells) into one inline per character and draws each as its own text
 * object; adjacent plain inlines of a line are drawn as one (same glyphs at the same places). Each line is drawn
 * with colourOnlyFills (graphics-state.ts), so it needs no patch of its own to be drawn right.
 */
export const inlineMerge: Patch = {
  id: "inline-merge",
  kind: "speed",
  targets: ["Renderer.renderLine"],
  upstream: "none filed: pdfmake's TextBreaker splits CJK text per character; size and time only",
  apply(p) {
    p.wrap(
      "Renderer.renderLine",
      (original) =>
        function (this: { pdfDocument: object }, line: LineLike, x: number, y: number) {
          const inlines = line.inlines;
          const fewer = inlines.length > 1 ? merged(inlines) : undefined;
          if (!fewer) return colourOnlyFills(this.pdfDocument, () => original.call(this, line, x, y));
          line.inlines = fewer;
          try {
            return colourOnlyFills(this.pdfDocument, () => original.call(this, line, x, y));
          } finally {
            line.inlines = inlines;
          }
        },
    );
  },
};
