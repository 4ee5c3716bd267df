// pdfkit streams: a font subset already embedded with the same glyphs is reused (encoded and deflated); text chunks
// batched, content streams deflated at the fastest level.
import { bundle } from "./bundle.ts";
import type { Patch } from "./patch.ts";
import { deflatedSubsets as deflated, encodedSubsets as encoded } from "./state.ts";

interface SubsetLike {
  font: { _variationProcessor?: unknown };
  glyphs: number[];
  encode(): Uint8Array;
}

interface ReferenceLike {
  compress: boolean;
  buffer: (Uint8Array | string)[] | Uint8Array;
  data: { Length?: number; Filter?: string };
  uncompressedLength: number;
  write(chunk: unknown): void;
  finalize(): void;
}

const ascii = new TextEncoder();

/**
 * Latin-1 bytes of strings, as Buffer.from(s, "binary") gives them: the low byte of each UTF-16 code unit. pdfkit's
 * content operators are ASCII, which TextEncoder writes natively (for ASCII its UTF-8 is the same bytes).
 */
function latin1(parts: string[], length: number): Uint8Array {
  const text = parts.join("");
  const utf8 = ascii.encode(text);
  if (utf8.length === length) return utf8;
  const out = new Uint8Array(length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Text chunks of a stream, each one's bytes the same as one Buffer per chunk would hold (see patchReference). */
function joinText(chunks: (Uint8Array | string)[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let text: string[] = [];
  let length = 0;
  for (const c of chunks) {
    if (typeof c === "string") {
      text.push(c);
      length += c.length;
    } else {
      if (text.length) out.push(latin1(text, length));
      text = [];
      length = 0;
      out.push(c);
    }
  }
  if (text.length) out.push(latin1(text, length));
  return out;
}

/**
 * Deflate level of embedded font subsets (most of a PDF's bytes): measured against the default 6 over the five seeds,
 * 9% less CPU per PDF of an unseen report for 1.7% more bytes.
 */
const FONT_DEFLATE_LEVEL = 3;

/** Subsets kept per font: the last few glyph sets (a re-rendered report, a report rendered as PDF and HTML…). */
const PER_FONT = 4;
/** Encoded TrueType subsets cached by font and glyph list (glyph ids in subset order, which fixes the bytes). */
export const subsetEncodeCache: Patch = {
  id: "subset-encode-cache",
  kind: "speed",
  targets: ["TTFSubset.encode"],
  upstream: "none: a cache across documents is ours to own",
  apply(p) {
    p.wrap(
      "TTFSubset.encode",
      (original) =>
        function (this: SubsetLike) {
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
        },
    );
  },
};

/**
 * pdfkit's PDF objects (streams). Writing: pdfkit makes one Buffer per content-stream operator (thousands per PDF);
 * text chunks are kept as strings and turned into bytes together when the object is finalized (same bytes, fewer
 * allocations). Finalizing: pdfkit deflates the stream; one holding exactly one cached subset takes the bytes
 * deflated before (the same zlib call on the same bytes: identical output).
 */
export const streamWrite: Patch = {
  id: "stream-write",
  kind: "speed",
  targets: ["PDFReference.write", "PDFReference.finalize"],
  upstream:
    "none filed: pdfkit's PDFReference.write makes a Buffer per operator; deflate levels are our trade-off",
  apply(p) {
    p.wrap(
      "PDFReference.write",
      (originalWrite) =>
        function (this: ReferenceLike, chunk: unknown) {
          if (chunk instanceof Uint8Array || !Array.isArray(this.buffer))
            return originalWrite.call(this, chunk);
          const text = `${chunk as string}\n`;
          this.uncompressedLength += text.length;
          if (this.data.Length == null) this.data.Length = 0;
          this.buffer.push(text);
          this.data.Length += text.length;
          if (this.compress) this.data.Filter = "FlateDecode";
        },
    );
    p.wrap(
      "PDFReference.finalize",
      (original) =>
        function (this: ReferenceLike) {
          if (Array.isArray(this.buffer) && this.buffer.some((c) => typeof c === "string")) {
            this.buffer = joinText(this.buffer);
            // Content streams: the fastest deflate level (measured: 5% less CPU per PDF, 0.3% more bytes).
            if (this.compress && this.buffer.length > 0) {
              this.buffer = [bundle.zlib.deflateSync(concat(this.buffer as Uint8Array[]), { level: 1 })];
              this.compress = false;
            }
          }
          const chunks = this.buffer;
          const only = this.compress && Array.isArray(chunks) && chunks.length === 1 ? chunks[0] : undefined;
          if (only instanceof Uint8Array && deflated.has(only)) {
            let bytes = deflated.get(only);
            if (!bytes) {
              bytes = bundle.zlib.deflateSync(only, { level: FONT_DEFLATE_LEVEL });
              deflated.set(only, bytes);
            }
            this.buffer = [bytes];
            this.compress = false;
          }
          return original.call(this);
        },
    );
  },
};
