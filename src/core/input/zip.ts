// The one bounded ZIP reader (.docx parts and zip batches): the central directory read here, entries inflated by fflate in small steps under a limit set.
import { Inflate } from "fflate";
import { NianbaoError } from "../errors.ts";

/** What a zip may hold and unpack to; counted while inflating, never trusting the sizes the zip declares. */
export interface ZipLimits {
  /** Entries in the archive's directory (files, folders, anything). */
  maxEntries: number;
  /** Bytes one entry may unpack to. */
  maxEntryBytes: number;
  /** Bytes all the entries read from one archive may unpack to together. */
  maxUnpackedBytes: number;
  /**
   * Unpacked : packed of one entry above which it is a bomb, not a document (XML and text pack ~10:1, rarely
   * 100:1); entries under 1 MB are not held to it. Default 1000.
   */
  maxRatio?: number;
}

/** A .docx: far above a real report (~20 entries, a document.xml of a few hundred KB). */
export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxUnpackedBytes: 64 * 1024 * 1024,
  maxRatio: 1_000,
};

/** A zip of reports (batch upload): a report file is at most a few MB of text. */
export const BATCH_ZIP_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxEntryBytes: 5 * 1024 * 1024,
  maxUnpackedBytes: 64 * 1024 * 1024,
  maxRatio: 1_000,
};

export interface ZipEntry {
  /** The path inside the zip: UTF-8 when flagged or valid, else GB18030 (zips made by Chinese Windows). */
  name: string;
  method: number;
  flags: number;
  packed: number;
  unpacked: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** The unpacked bytes of one entry, within the limits (input_limit), or encrypted_file / damaged_file. */
  read(entry: ZipEntry): Uint8Array;
}

const damaged = (why: string) => new NianbaoError("damaged_file", `文件已损坏，无法读取（${why}）`);
const limit = (why: string) => new NianbaoError("input_limit", `输入超过处理限制：${why}`);
const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) + u16(b, o + 2) * 0x10000) >>> 0;
const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Below this an entry is not held to the ratio: small files of one repeated byte are harmless. */
const RATIO_FLOOR = 1024 * 1024;
/** Packed bytes inflated at a time: deflate expands at most ~1032×, so the caps are checked every ≤ 16 MB of output. */
const STEP = 16 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });
function entryName(raw: Uint8Array, flags: number): string {
  if (flags & 0x800) return new TextDecoder().decode(raw);
  try {
    return utf8.decode(raw);
  } catch {
    return new TextDecoder("gb18030").decode(raw);
  }
}

/** Whether the bytes start like a zip (a local header, or the end record of an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

/** The directory of a ZIP archive. Throws damaged_file when there is none, input_limit when it is too long. */
export function listZip(bytes: Uint8Array, limits: ZipLimits = DOCX_ZIP_LIMITS): ZipEntry[] {
  // End of central directory: 22 bytes plus a comment of at most 65535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65535; i--)
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged("找不到 ZIP 目录");
  const count = u16(bytes, eocd + 10);
  if (count === 0xffff || u32(bytes, eocd + 16) === 0xffffffff) throw damaged("不支持 ZIP64 格式");
  if (count > limits.maxEntries) throw limit(`压缩包内文件数超过 ${limits.maxEntries} 个`);
  const out: ZipEntry[] = [];
  let p = u32(bytes, eocd + 16);
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw damaged("ZIP 目录不完整");
    const nameLen = u16(bytes, p + 28);
    const flags = u16(bytes, p + 8);
    out.push({
      flags,
      method: u16(bytes, p + 10),
      packed: u32(bytes, p + 20),
      unpacked: u32(bytes, p + 24),
      name: entryName(bytes.subarray(p + 46, p + 46 + nameLen), flags),
      offset: u32(bytes, p + 42),
    });
    p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return out;
}

/**
 * A zip's directory and a reader of its entries under `limits`: the entry count, each entry's unpacked size and
 * ratio, and the sum of everything read from it (entries sharing their data count each time they are read).
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DOCX_ZIP_LIMITS): ZipArchive {
  const entries = listZip(bytes, limits);
  const ratio = limits.maxRatio ?? 1_000;
  let total = 0;
  const read = (entry: ZipEntry): Uint8Array => {
    if (entry.flags & 1)
      throw new NianbaoError("encrypted_file", `压缩包中的「${entry.name}」已加密，请去掉密码后再提交`);
    const tooBig = (cap: number) =>
      limit(
        `压缩包中的「${entry.name}」解压后超过 ${mb(cap)}${cap < limits.maxEntryBytes ? `（压缩比超过 ${ratio}:1，疑似压缩炸弹）` : ""}`,
      );
    if (entry.unpacked > limits.maxEntryBytes) throw tooBig(limits.maxEntryBytes);
    const local = entry.offset;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw damaged("ZIP 文件头不完整");
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const end = start + entry.packed;
    if (end > bytes.length) throw damaged("ZIP 数据不完整");
    const packed = bytes.subarray(start, end);
    const cap = Math.min(limits.maxEntryBytes, Math.max(RATIO_FLOOR, packed.length * ratio));
    const count = (n: number) => {
      total += n;
      if (total > limits.maxUnpackedBytes)
        throw limit(`压缩包解压后超过 ${mb(limits.maxUnpackedBytes)}（疑似压缩炸弹）`);
    };
    if (entry.method === 0) {
      if (packed.length > limits.maxEntryBytes) throw tooBig(limits.maxEntryBytes);
      count(packed.length);
      return packed;
    }
    if (entry.method !== 8) throw damaged(`「${entry.name}」使用不支持的压缩方式 ${entry.method}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflate = new Inflate((chunk) => {
      size += chunk.length;
      if (size > cap) throw tooBig(cap);
      count(chunk.length);
      chunks.push(chunk);
    });
    try {
      for (let i = 0; i < packed.length; i += STEP)
        inflate.push(packed.subarray(i, Math.min(i + STEP, packed.length)), i + STEP >= packed.length);
      if (packed.length === 0) inflate.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof NianbaoError) throw e;
      throw damaged(`「${entry.name}」解压失败`);
    }
    return concat(chunks, size);
  };
  return { entries, read };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
