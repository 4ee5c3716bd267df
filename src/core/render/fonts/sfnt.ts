// TrueType (sfnt) files: the table directory (tag → offset and length) read, and a file written from its tables.
export interface TableEntry {
  offset: number;
  length: number;
}

export function tableDirectory(data: Uint8Array): Map<string, TableEntry> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new Map<string, TableEntry>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(
      data[rec] ?? 0,
      data[rec + 1] ?? 0,
      data[rec + 2] ?? 0,
      data[rec + 3] ?? 0,
    );
    out.set(tag, { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return out;
}

/** The 32-bit sum of big-endian words (the last one zero-padded), as sfnt checksums are. */
function checksum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) {
    sum =
      (sum +
        (((bytes[i] ?? 0) << 24) |
          ((bytes[i + 1] ?? 0) << 16) |
          ((bytes[i + 2] ?? 0) << 8) |
          (bytes[i + 3] ?? 0))) >>>
      0;
  }
  return sum;
}

/**
 * An sfnt file of the given tables (tag → bytes): directory sorted by tag, tables 4-byte aligned, each table's checksum
 * and head's checkSumAdjustment computed afresh.
 */
export function writeSfnt(tables: Map<string, Uint8Array>, version = 0x00010000): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  let size = 12 + n * 16;
  const offsets: number[] = [];
  for (const tag of tags) {
    offsets.push(size);
    size += ((tables.get(tag)?.length ?? 0) + 3) & ~3;
  }
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  const pow = 2 ** Math.floor(Math.log2(n));
  v.setUint32(0, version);
  v.setUint16(4, n);
  v.setUint16(6, pow * 16);
  v.setUint16(8, Math.log2(pow));
  v.setUint16(10, n * 16 - pow * 16);
  let headAt = -1;
  tags.forEach((tag, i) => {
    const bytes = tables.get(tag) as Uint8Array;
    const at = offsets[i] as number;
    out.set(bytes, at);
    if (tag === "head") {
      headAt = at;
      v.setUint32(at + 8, 0);
    }
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    v.setUint32(rec + 4, checksum(out.subarray(at, at + ((bytes.length + 3) & ~3))));
    v.setUint32(rec + 8, at);
    v.setUint32(rec + 12, bytes.length);
  });
  if (headAt >= 0) v.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
