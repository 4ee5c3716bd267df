// Font files parsed once per isolate, one embedded font per file and PDF, and fontkit's subsetter without outline decoding.
import type { Patch } from "./patch.ts";
import { parsedFonts } from "./state.ts";

interface EmbeddedFontLike {
  font: unknown;
  constructor: new (doc: unknown, font: unknown, id: string) => EmbeddedFontLike;
}

interface DocLike {
  fontCache: Record<string, Record<string, EmbeddedFontLike>>;
  _fontFamilies: Record<string, EmbeddedFontLike>;
  _fontCount: number;
  virtualfs: { existsSync(name: string): boolean; readFileSync(name: string): unknown } | null;
  getFontType(bold: boolean, italics: boolean): string;
  getFontFile(family: string, bold: boolean, italics: boolean): unknown;
}

/**
 * pdfmake's provideFont parses the font file again for every PDF and embeds one font per family and style. Here a
 * file (by its data in the virtual file system) is parsed once per isolate and embedded once per PDF whatever
 * family or style asks for it.
 */
export const fontReuse: Patch = {
  id: "font-reuse",
  kind: "speed",
  targets: ["PDFDocument.provideFont", "EmbeddedFont.constructor"],
  upstream:
    "none: pdfmake's provideFont works per document by design (a cache across documents is ours to own)",
  apply(p) {
    const EmbeddedFont = (p.owner("EmbeddedFont") as EmbeddedFontLike).constructor;
    p.wrap(
      "PDFDocument.provideFont",
      (original) =>
        function (this: DocLike, family: string, bold: boolean, italics: boolean) {
          const type = this.getFontType(bold, italics);
          this.fontCache[family] = this.fontCache[family] ?? {};
          const known = this.fontCache[family][type];
          if (known) return known;
          const file = this.getFontFile(family, bold, italics);
          const data =
            typeof file === "string" && this.virtualfs?.existsSync(file)
              ? this.virtualfs.readFileSync(file)
              : undefined;
          if (!(data instanceof Uint8Array)) return original.call(this, family, bold, italics);
          const key = `nianbao-file:${file}`;
          let font = this._fontFamilies[key];
          if (!font) {
            const fontkitFont = parsedFonts.get(data);
            if (fontkitFont) {
              font = new EmbeddedFont(this, fontkitFont, `F${++this._fontCount}`);
            } else {
              font = original.call(this, family, bold, italics) as EmbeddedFontLike;
              parsedFonts.set(data, font.font);
              // pdfkit registered it under its PostScript name; keep one entry so it is finalized once.
              for (const [k, v] of Object.entries(this._fontFamilies))
                if (v === font) delete this._fontFamilies[k];
            }
            this._fontFamilies[key] = font;
          }
          this.fontCache[family][type] = font;
          return font;
        },
    );
  },
};

interface SubsetLike {
  font: {
    _variationProcessor?: unknown;
    loca?: { offsets: number[] };
    _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
    getGlyph(gid: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
  };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}

/**
 * fontkit's TrueType subsetter decodes every glyph's outline only to learn whether it is composite; a CJK document
 * embeds hundreds of simple glyphs. Read the contour count from the glyph's first two bytes instead and copy the
 * bytes as fontkit does; composite glyphs (and variable fonts) still take fontkit's own path.
 */
export const subsetGlyphCopy: Patch = {
  id: "subset-glyph-copy",
  kind: "speed",
  targets: ["TTFSubset._addGlyph"],
  upstream: "none filed: fontkit's TTFSubset._addGlyph decodes each glyph (glyph._decode) to find composites",
  apply(p) {
    p.wrap(
      "TTFSubset._addGlyph",
      (original) =>
        function (this: SubsetLike, gid: number) {
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
        },
    );
  },
};
