// Which characters a TrueType font can draw, read from its cmap table (formats 4 and 12); cached per font file.
import type { FontFile } from "./assets.ts";

const cache = new WeakMap<Uint8Array, Set<number>>();

function readCmap(data: Uint8Array): Set<number> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const numTables = view.getUint16(4);
  let cmapOffset = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(
      data[rec] ?? 0,
      data[rec + 1] ?? 0,
      data[rec + 2] ?? 0,
      data[rec + 3] ?? 0,
    );
    if (tag === "cmap") cmapOffset = view.getUint32(rec + 8);
  }
  const out = new Set<number>();
  if (cmapOffset < 0) return out;
  const n = view.getUint16(cmapOffset + 2);
  let best = -1;
  let bestFormat = 0;
  for (let i = 0; i < n; i++) {
    const rec = cmapOffset + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const sub = cmapOffset + view.getUint32(rec + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && bestFormat !== 12) {
      best = sub;
      bestFormat = 12;
    } else if (format === 4 && bestFormat === 0) {
      best = sub;
      bestFormat = 4;
    }
  }
  if (best < 0) return out;
  if (bestFormat === 12) {
    const groups = view.getUint32(best + 12);
    for (let g = 0; g < groups; g++) {
      const at = best + 16 + g * 12;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const startGlyph = view.getUint32(at + 8);
      for (let c = start; c <= end; c++) if (startGlyph + (c - start) !== 0) out.add(c);
    }
    return out;
  }
  const segX2 = view.getUint16(best + 6);
  const ends = best + 14;
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
        const at = offsets + s * 2 + rangeOffset + (c - start) * 2;
        const raw = view.getUint16(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
  return out;
}

/** The code points a font maps to a glyph. */
export function coverage(font: FontFile): Set<number> {
  let set = cache.get(font.data);
  if (!set) {
    set = readCmap(font.data);
    cache.set(font.data, set);
  }
  return set;
}

/** Characters that need no glyph (line breaks, tabs, other controls). */
export const isControl = (cp: number): boolean => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
