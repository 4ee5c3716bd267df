// Parses each font file once per isolate instead of once per PDF: pdfmake's provideFont reuses the parsed fontkit font.
import bundle from "../../generated/pdfmake.js";
import { patchReference, patchSubsetEncode } from "./embed-cache.ts";
import { patchLayoutCache } from "./layout-cache.ts";

interface EmbeddedFontLike {
  font: unknown;
  subset: object;
  constructor: new (doc: unknown, font: unknown, id: string) => EmbeddedFontLike;
}

interface DocLike {
  fonts: Record<string, Record<string, unknown>>;
  fontCache: Record<string, Record<string, EmbeddedFontLike>>;
  _fontFamilies: Record<string, EmbeddedFontLike>;
  _fontCount: number;
  _root: object;
  getFontType(bold: boolean, italics: boolean): string;
  getFontFile(family: string, bold: boolean, italics: boolean): unknown;
}

type ProvideFont = (this: DocLike, family: string, bold: boolean, italics: boolean) => EmbeddedFontLike;

/** Parsed fontkit fonts by virtual file name. Valid while the file's data stays the same (see pdf.ts). */
const parsed = new Map<string, unknown>();
let EmbeddedFont: EmbeddedFontLike["constructor"] | undefined;
let installed = false;

export function forgetParsedFont(name: string): void {
  parsed.delete(name);
}

interface SubsetLike {
  font: {
    _variationProcessor?: unknown;
    loca: { offsets: number[] };
    _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
    getGlyph(gid: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
  };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

let subsetPatched = false;
/**
 * fontkit's TrueType subsetter decodes every glyph's outline only to learn whether it is composite; a CJK document
 * embeds hundreds of simple glyphs. Read the contour count from the glyph's first two bytes instead and copy the
 * bytes as fontkit does; composite glyphs (and variable fonts) still take fontkit's own path.
 */
function patchSubset(fontkitFont: unknown): void {
  if (subsetPatched) return;
  subsetPatched = true;
  const sample = (fontkitFont as { createSubset?: () => object }).createSubset?.();
  const proto = sample ? (Object.getPrototypeOf(sample) as SubsetLike) : undefined;
  if (!proto || typeof proto._addGlyph !== "function" || !("glyf" in (sample as object) || true)) return;
  const original = proto._addGlyph;
  proto._addGlyph = function (this: SubsetLike, gid: number) {
    const font = this.font;
    if (font._variationProcessor || !font.loca?.offsets) return original.call(this, gid);
    const start = font.loca.offsets[gid] ?? 0;
    const end = font.loca.offsets[gid + 1] ?? start;
    const stream = font._getTableStream("glyf");
    stream.pos += start;
    const bytes = stream.readBuffer(end - start);
    const contours = bytes.length >= 2 ? (((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16)) >> 16 : 0;
    if (contours < 0) return original.call(this, gid);
    const glyph = font.getGlyph(gid);
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}

/** Installs the cache on pdfmake's document class (once). Each PDF gets its own subset (see embed-cache.ts). */
export function installFontCache(): void {
  if (installed) return;
  installed = true;
  const proto = bundle.PDFDocument.prototype as { provideFont: ProvideFont };
  const original = proto.provideFont;
  proto.provideFont = function (this: DocLike, family, bold, italics) {
    const type = this.getFontType(bold, italics);
    this.fontCache[family] = this.fontCache[family] ?? {};
    const known = this.fontCache[family][type];
    if (known) return known;
    const file = this.getFontFile(family, bold, italics);
    if (typeof file !== "string") return original.call(this, family, bold, italics);
    // One embedded font per file and document, whatever family or style asks for it.
    const key = `nianbao-file:${file}`;
    let font = this._fontFamilies[key];
    if (!font) {
      const fontkitFont = parsed.get(file);
      if (fontkitFont && EmbeddedFont) {
        font = new EmbeddedFont(this, fontkitFont, `F${++this._fontCount}`);
      } else {
        font = original.call(this, family, bold, italics);
        EmbeddedFont = font.constructor;
        parsed.set(file, font.font);
        patchSubset(font.font);
        patchSubsetEncode(font.subset);
        patchReference(this._root);
        patchLayoutCache(font);
        // pdfkit registered it under its PostScript name; keep one entry so it is finalized once.
        for (const [k, v] of Object.entries(this._fontFamilies)) if (v === font) delete this._fontFamilies[k];
      }
      this._fontFamilies[key] = font;
    }
    this.fontCache[family][type] = font;
    return font;
  };
}
