// The table directory of a TrueType (sfnt) file: tag → offset and length, shared by the coverage reader and the subsetter.
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
