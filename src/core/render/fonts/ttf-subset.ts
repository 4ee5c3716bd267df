// Subsets a TrueType font to some characters in pure JS (fontkit's glyph subsetter plus cmap, OS/2, name and post
// tables), so the HTML page embeds fonts in every runtime, workerd included (no WebAssembly, no eval).
import { bundle } from "../pdfmake/bundle.ts";
import { tableDirectory, writeSfnt } from "./sfnt.ts";

interface FontkitFont {
  glyphForCodePoint(cp: number): { id: number };
  getGlyph(gid: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
  createSubset(): { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array };
}

const parsed = new WeakMap<Uint8Array, FontkitFont>();

function open(data: Uint8Array): FontkitFont {
  let font = parsed.get(data);
  if (!font) {
    font = bundle.fontkit.create(data) as FontkitFont;
    parsed.set(data, font);
  }
  return font;
}

/** The tables of an sfnt file: tag → bytes. */
function readTables(data: Uint8Array): Map<string, Uint8Array> {
  return new Map(
    [...tableDirectory(data)].map(([tag, { offset, length }]) => [
      tag,
      data.subarray(offset, offset + length),
    ]),
  );
}

/** cmap with a format 4 subtable (BMP) and a format 12 subtable (all), one segment per character. */
function buildCmap(map: [number, number][]): Uint8Array {
  const bmp = map.filter(([cp]) => cp <= 0xfffe);
  const segs = bmp.length + 1;
  const f4len = 16 + segs * 8;
  const f12len = 16 + map.length * 12;
  const out = new Uint8Array(4 + 2 * 8 + f4len + f12len);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0);
  v.setUint16(2, 2);
  const f4 = 4 + 16;
  const f12 = f4 + f4len;
  v.setUint16(4, 3);
  v.setUint16(6, 1);
  v.setUint32(8, f4);
  v.setUint16(12, 3);
  v.setUint16(14, 10);
  v.setUint32(16, f12);
  // format 4
  v.setUint16(f4, 4);
  v.setUint16(f4 + 2, f4len);
  v.setUint16(f4 + 6, segs * 2);
  const pow = 2 ** Math.floor(Math.log2(segs));
  v.setUint16(f4 + 8, pow * 2);
  v.setUint16(f4 + 10, Math.log2(pow));
  v.setUint16(f4 + 12, segs * 2 - pow * 2);
  const ends = f4 + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const offsets = deltas + segs * 2;
  bmp.forEach(([cp, gid], i) => {
    v.setUint16(ends + i * 2, cp);
    v.setUint16(starts + i * 2, cp);
    v.setUint16(deltas + i * 2, (gid - cp) & 0xffff);
    v.setUint16(offsets + i * 2, 0);
  });
  v.setUint16(ends + bmp.length * 2, 0xffff);
  v.setUint16(starts + bmp.length * 2, 0xffff);
  v.setUint16(deltas + bmp.length * 2, 1);
  // format 12
  v.setUint16(f12, 12);
  v.setUint32(f12 + 4, f12len);
  v.setUint32(f12 + 12, map.length);
  map.forEach(([cp, gid], i) => {
    const at = f12 + 16 + i * 12;
    v.setUint32(at, cp);
    v.setUint32(at + 4, cp);
    v.setUint32(at + 8, gid);
  });
  return out;
}

/**
 * The tables of a CFF OpenType subset: fontkit encodes only the CFF table (what a PDF embeds), so head, hhea, hmtx
 * and maxp are written here for the subset's glyphs.
 */
function cffTables(
  font: FontkitFont,
  subset: { glyphs: number[]; encode(): Uint8Array },
  original: Map<string, Uint8Array>,
): Map<string, Uint8Array> {
  const tables = new Map<string, Uint8Array>();
  tables.set("CFF ", subset.encode());
  const n = subset.glyphs.length;
  const hmtx = new Uint8Array(n * 4);
  const hv = new DataView(hmtx.buffer);
  subset.glyphs.forEach((gid, i) => {
    const glyph = font.getGlyph(gid);
    hv.setUint16(i * 4, Math.round(glyph.advanceWidth));
    hv.setInt16(i * 4 + 2, Math.round(glyph._getMetrics().leftBearing));
  });
  tables.set("hmtx", hmtx);
  const hhea = (original.get("hhea") ?? new Uint8Array(36)).slice(0, 36);
  new DataView(hhea.buffer).setUint16(34, n);
  tables.set("hhea", hhea);
  const maxp = new Uint8Array(6);
  const mv = new DataView(maxp.buffer);
  mv.setUint32(0, 0x00005000); // version 0.5: CFF outlines
  mv.setUint16(4, n);
  tables.set("maxp", maxp);
  const head = original.get("head");
  if (head) tables.set("head", head.slice());
  return tables;
}

/** A TrueType font holding only the glyphs of `text` (and .notdef), with the tables browsers require. */
export function subsetTtf(data: Uint8Array, text: string): Uint8Array {
  const font = open(data);
  const subset = font.createSubset();
  const map: [number, number][] = [];
  const cps = [...new Set([...text].map((ch) => ch.codePointAt(0) ?? 0))].sort((a, b) => a - b);
  for (const cp of cps) {
    const glyph = font.glyphForCodePoint(cp);
    if (glyph.id !== 0) map.push([cp, subset.includeGlyph(glyph.id)]);
  }
  const original = readTables(data);
  const tables = original.has("CFF ") ? cffTables(font, subset, original) : readTables(subset.encode());
  tables.set("cmap", buildCmap(map));
  for (const tag of ["OS/2", "name"]) {
    const t = original.get(tag);
    if (t) tables.set(tag, t);
  }
  const post = original.get("post");
  if (post && post.length >= 32) {
    const p = post.slice(0, 32);
    new DataView(p.buffer).setUint32(0, 0x00030000); // version 3: no glyph names
    tables.set("post", p);
  }
  // "OTTO" marks CFF outlines, 0x00010000 TrueType ones.
  return writeSfnt(tables, tables.has("CFF ") ? 0x4f54544f : 0x00010000);
}
