// A font's vertical extent per em ((hhea ascender − descender) / unitsPerEm): what pdfkit's line height is made of.
import type { FontFile } from "./assets.ts";
import { tableDirectory } from "./sfnt.ts";

const cache = new WeakMap<Uint8Array, number>();

/** (ascender − descender) / em from hhea and head; 1 when the font lacks either table. */
export function emHeight(font: FontFile): number {
  let h = cache.get(font.data);
  if (h === undefined) {
    const dir = tableDirectory(font.data);
    const head = dir.get("head");
    const hhea = dir.get("hhea");
    const view = new DataView(font.data.buffer, font.data.byteOffset, font.data.byteLength);
    h = 1;
    if (head && hhea && head.length >= 20 && hhea.length >= 8) {
      const unitsPerEm = view.getUint16(head.offset + 18);
      const extent = view.getInt16(hhea.offset + 4) - view.getInt16(hhea.offset + 6);
      if (unitsPerEm > 0 && extent > 0) h = extent / unitsPerEm;
    }
    cache.set(font.data, h);
  }
  return h;
}
