// Reuses a font subset already embedded by an earlier PDF with the same glyphs: its encoded TrueType and deflated bytes.
import bundle from "../../generated/pdfmake.js";

interface SubsetLike {
  font: { _variationProcessor?: unknown };
  glyphs: number[];
  encode(): Uint8Array;
}

interface ReferenceLike {
  compress: boolean;
  buffer: Uint8Array[] | Uint8Array;
  finalize(): void;
}

/** Subsets kept per font: the last few glyph sets (a re-rendered report, a report rendered as PDF and HTML…). */
const PER_FONT = 4;
/** Encoded subsets by font and glyph list (glyph ids in subset order, which fixes the bytes). */
const encoded = new WeakMap<object, Map<string, Uint8Array>>();
/** Deflated bytes of an encoded subset, computed by the first PDF that writes it. */
const deflated = new WeakMap<Uint8Array, Uint8Array | null>();

let subsetPatched = false;
let referencePatched = false;

/** Caches TrueType subsets by glyph list (once per isolate; `sample` is a subset of any parsed font). */
export function patchSubsetEncode(sample: object): void {
  if (subsetPatched) return;
  subsetPatched = true;
  const proto = Object.getPrototypeOf(sample) as SubsetLike;
  if (typeof proto.encode !== "function" || !Array.isArray((sample as SubsetLike).glyphs)) return;
  const original = proto.encode;
  proto.encode = function (this: SubsetLike) {
    if (this.font._variationProcessor) return original.call(this);
    let byGlyphs = encoded.get(this.font);
    if (!byGlyphs) {
      byGlyphs = new Map();
      encoded.set(this.font, byGlyphs);
    }
    const key = this.glyphs.join(",");
    const known = byGlyphs.get(key);
    if (known) {
      byGlyphs.delete(key);
      byGlyphs.set(key, known);
      return known;
    }
    const out = original.call(this);
    byGlyphs.set(key, out);
    deflated.set(out, null);
    if (byGlyphs.size > PER_FONT) byGlyphs.delete(byGlyphs.keys().next().value as string);
    return out;
  };
}

/**
 * pdfkit deflates a stream when its object is finalized; a stream holding exactly one cached subset takes the bytes
 * deflated before (the same zlib call on the same bytes: identical output).
 */
export function patchReferenceFinalize(reference: object): void {
  if (referencePatched) return;
  referencePatched = true;
  const proto = Object.getPrototypeOf(reference) as ReferenceLike;
  if (typeof proto.finalize !== "function") return;
  const original = proto.finalize;
  proto.finalize = function (this: ReferenceLike) {
    const chunks = this.buffer;
    const only = this.compress && Array.isArray(chunks) && chunks.length === 1 ? chunks[0] : undefined;
    if (only && deflated.has(only)) {
      let bytes = deflated.get(only);
      if (!bytes) {
        bytes = bundle.zlib.deflateSync(only);
        deflated.set(only, bytes);
      }
      this.buffer = [bytes];
      this.compress = false;
    }
    return original.call(this);
  };
}
