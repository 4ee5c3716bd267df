// Build helper: gives a TrueType font a new name table (family, full and PostScript names), tables and checksums rebuilt.
import { tableDirectory, writeSfnt } from "../src/core/render/fonts/sfnt.ts";

function utf16be(s) {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) >> 8;
    out[2 * i + 1] = s.charCodeAt(i) & 0xff;
  }
  return out;
}

/** Name IDs kept from the original font (copyright, version, trademark, designer, URLs, licence): all but its names. */
const KEPT = new Set([0, 5, 7, 8, 9, 11, 12, 13, 14]);

/** A name table (format 0) of the original's kept Windows records plus the given names (Windows, en-US). */
function nameTable(original, names) {
  const view = new DataView(original.buffer, original.byteOffset, original.byteLength);
  const count = view.getUint16(2);
  const stringOffset = view.getUint16(4);
  const records = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    const [platform, encoding, language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) =>
      view.getUint16(at + o),
    );
    if (platform !== 3 || !KEPT.has(nameId)) continue;
    const start = stringOffset + offset;
    records.push({ platform, encoding, language, nameId, bytes: original.slice(start, start + length) });
  }
  for (const [nameId, value] of Object.entries(names))
    records.push({
      platform: 3,
      encoding: 1,
      language: 0x409,
      nameId: Number(nameId),
      bytes: utf16be(value),
    });
  records.sort(
    (a, b) =>
      a.platform - b.platform || a.encoding - b.encoding || a.language - b.language || a.nameId - b.nameId,
  );
  const head = 6 + records.length * 12;
  const size = head + records.reduce((n, r) => n + r.bytes.length, 0);
  const out = new Uint8Array(size);
  const w = new DataView(out.buffer);
  w.setUint16(0, 0);
  w.setUint16(2, records.length);
  w.setUint16(4, head);
  let offset = 0;
  records.forEach((r, i) => {
    const at = 6 + i * 12;
    const fields = [r.platform, r.encoding, r.language, r.nameId, r.bytes.length, offset];
    for (let k = 0; k < fields.length; k++) w.setUint16(at + 2 * k, fields[k]);
    out.set(r.bytes, head + offset);
    offset += r.bytes.length;
  });
  return out;
}

/**
 * The font with its names replaced: `names` maps name IDs to strings (1 family, 2 subfamily, 3 unique ID, 4 full name,
 * 6 PostScript name). Every other table is copied unchanged; the table directory, checksums and head's
 * checkSumAdjustment are computed afresh.
 */
export function renameFont(font, names) {
  const tables = new Map();
  for (const [tag, { offset, length }] of tableDirectory(font)) {
    const bytes = font.slice(offset, offset + length);
    tables.set(tag, tag === "name" ? nameTable(bytes, names) : bytes);
  }
  return writeSfnt(tables, new DataView(font.buffer, font.byteOffset, font.byteLength).getUint32(0));
}
