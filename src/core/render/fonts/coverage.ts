// What a TrueType font can draw and how wide: its cmap (formats 4 and 12) and advance widths; cached per font file.
import type { FontFile } from "./assets.ts";
import { tableDirectory } from "./sfnt.ts";

export interface FontInfo {
  /** Code point → glyph id, for every code point the font maps to a real glyph. */
  cmap: Map<number, number>;
  /** Advance width of each glyph id, in em. */
  advances: Float32Array;
}

const cache = new WeakMap<Uint8Array, FontInfo>();

/** Table offsets by tag. */
function tables(data: Uint8Array): Map<string, number> {
  return new Map([...tableDirectory(data)].map(([tag, entry]) => [tag, entry.offset]));
}

function readAdvances(view: DataView, at: Map<string, number>): Float32Array {
  const head = at.get("head");
  const hhea = at.get("hhea");
  const hmtx = at.get("hmtx");
  const maxp = at.get("maxp");
  if (head === undefined || hhea === undefined || hmtx === undefined || maxp === undefined)
    return new Float32Array();
  const unitsPerEm = view.getUint16(head + 18);
  const metrics = view.getUint16(hhea + 34);
  const glyphs = view.getUint16(maxp + 4);
  const out = new Float32Array(glyphs);
  let last = 0;
  for (let g = 0; g < glyphs; g++) {
    if (g < metrics) last = view.getUint16(hmtx + g * 4) / unitsPerEm;
    out[g] = last;
  }
  return out;
}

function bestSubtable(view: DataView, cmap: number): { at: number; format: number } | undefined {
  const n = view.getUint16(cmap + 2);
  let best: { at: number; format: number } | undefined;
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const at = cmap + view.getUint32(rec + 4);
    const format = view.getUint16(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && best?.format !== 12) best = { at, format };
    else if (format === 4 && !best) best = { at, format };
  }
  return best;
}

function readCmap(view: DataView, cmap: number | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (cmap === undefined) return out;
  const best = bestSubtable(view, cmap);
  if (!best) return out;
  const { at } = best;
  if (best.format === 12) {
    const groups = view.getUint32(at + 12);
    for (let g = 0; g < groups; g++) {
      const rec = at + 16 + g * 12;
      const start = view.getUint32(rec);
      const end = view.getUint32(rec + 4);
      const startGlyph = view.getUint32(rec + 8);
      for (let c = start; c <= end; c++) {
        const glyph = startGlyph + (c - start);
        if (glyph !== 0) out.set(c, glyph);
      }
    }
    return out;
  }
  const segX2 = view.getUint16(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const offsets = deltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getUint16(deltas + s * 2);
    const rangeOffset = view.getUint16(offsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = view.getUint16(offsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) out.set(c, glyph);
    }
  }
  return out;
}

/** The font's cmap and advance widths, parsed once per file. */
export function fontInfo(font: FontFile): FontInfo {
  let info = cache.get(font.data);
  if (!info) {
    const view = new DataView(font.data.buffer, font.data.byteOffset, font.data.byteLength);
    const at = tables(font.data);
    info = { cmap: readCmap(view, at.get("cmap")), advances: readAdvances(view, at) };
    cache.set(font.data, info);
  }
  return info;
}

/** The code points a font maps to a glyph (a Map: use `.has`). */
export function coverage(font: FontFile): Map<number, number> {
  return fontInfo(font).cmap;
}

/** Advance width of a code point in em (0 when the font lacks it). */
export function advance(info: FontInfo, cp: number): number {
  const glyph = info.cmap.get(cp);
  return glyph === undefined ? 0 : (info.advances[glyph] ?? 0);
}

/** Characters that need no glyph (line breaks, tabs, other controls). */
export const isControl = (cp: number): boolean => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
