// State and caches owned by the adapter: WeakMaps keyed by library instances, never fields on their prototypes.

/** Per pdfkit document (graphics-state.ts): what is known of its graphics state. */
export interface DocState {
  /** Set once a drawing asked for an opacity below 1. */
  translucent: boolean;
  /** The fill colour in effect (undefined: not known), and the ones saved by `q`. */
  fill: string | undefined;
  fills: (string | undefined)[];
  /** The fill colour last asked for, on this page or one before (undefined: none yet, translucent, or not a colour name). */
  last: string | undefined;
  /** Set while pdfmake draws a line of text: its fill(colour) calls only set the colour. */
  colourOnly: boolean;
}

const docs = new WeakMap<object, DocState>();
export function docState(doc: object): DocState {
  let s = docs.get(doc);
  if (!s) {
    s = { translucent: false, fill: undefined, fills: [], last: undefined, colourOnly: false };
    docs.set(doc, s);
  }
  return s;
}

/** Per pdfmake renderer (row-spans.ts): whether each open vertical alignment was shifted. */
export const shifted = new WeakMap<object, boolean[]>();

/** Per table node (row-spans.ts): the top and bottom of each row's content area in the table's shared context. */
export const rowContent = new WeakMap<object, { top: number[]; bottom: number[] }>();

/** Parsed fontkit fonts by font file data (font-reuse.ts): a file is parsed once per isolate, not once per PDF. */
export const parsedFonts = new WeakMap<Uint8Array, unknown>();

/** Laid-out glyph runs per parsed fontkit font (layout-cache.ts). */
export const glyphRuns = new WeakMap<object, Map<string, unknown>>();

/** Encoded TrueType subsets per parsed font, by glyph list (embed-cache.ts), and their deflated bytes. */
export const encodedSubsets = new WeakMap<object, Map<string, Uint8Array>>();
export const deflatedSubsets = new WeakMap<Uint8Array, Uint8Array | null>();
