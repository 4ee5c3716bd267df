// A bounded ZIP reader for .docx: the central directory read here, one entry inflated by fflate in chunks with a cap on what it may unpack.
import { Inflate } from "fflate";
import { NianbaoError } from "../errors.ts";

/** Far above a real report (a .docx has ~20 entries and a document.xml of a few hundred KB). */
export const ZIP_LIMITS = {
  /** Entries in the archive's directory. */
  entries: 5_000,
  /** Bytes one entry may unpack to. */
  entryBytes: 32 * 1024 * 1024,
  /** Unpacked : packed, above which an entry is a bomb rather than XML (XML packs ~10:1, rarely 100:1). */
  ratio: 1_000,
} as const;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  packed: number;
  unpacked: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const damaged = (why: string) => new NianbaoError("damaged_file", `文件已损坏，无法读取（${why}）`);
const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) + u16(b, o + 2) * 0x10000) >>> 0;

/** The directory of a ZIP archive. Throws damaged_file when there is none, input_limit when it is too long. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
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
  if (count > ZIP_LIMITS.entries)
    throw new NianbaoError("input_limit", `输入超过处理限制：压缩包内文件数不能超过 ${ZIP_LIMITS.entries}`);
  const out: ZipEntry[] = [];
  let p = u32(bytes, eocd + 16);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw damaged("ZIP 目录不完整");
    const nameLen = u16(bytes, p + 28);
    out.push({
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      packed: u32(bytes, p + 20),
      unpacked: u32(bytes, p + 24),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      offset: u32(bytes, p + 42),
    });
    p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return out;
}

/** The unpacked bytes of one entry, never more than the limits allow whatever its header claims. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & 1)
    throw new NianbaoError("encrypted_file", "文档已加密，请在 Word/WPS 中取消密码后再提交");
  const tooBig = () =>
    new NianbaoError(
      "input_limit",
      `输入超过处理限制：文档内容解压后过大（压缩包内的 ${entry.name} 超过 ${ZIP_LIMITS.entryBytes / 1024 / 1024} MB 或压缩比异常）`,
    );
  if (entry.unpacked > ZIP_LIMITS.entryBytes) throw tooBig();
  const local = entry.offset;
  if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw damaged("ZIP 文件头不完整");
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const end = start + entry.packed;
  if (end > bytes.length) throw damaged("ZIP 数据不完整");
  const packed = bytes.subarray(start, end);
  if (entry.method === 0) return packed;
  if (entry.method !== 8) throw damaged(`不支持的压缩方式 ${entry.method}`);
  const cap = Math.min(ZIP_LIMITS.entryBytes, Math.max(1024 * 1024, packed.length * ZIP_LIMITS.ratio));
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > cap) throw tooBig();
    chunks.push(chunk);
  });
  // 16 KB of input unpacks to at most ~16 MB, so the cap is checked before much more is done.
  const STEP = 16 * 1024;
  try {
    for (let i = 0; i < packed.length; i += STEP)
      inflate.push(packed.subarray(i, Math.min(i + STEP, packed.length)), i + STEP >= packed.length);
    if (packed.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof NianbaoError) throw e;
    throw damaged(`${entry.name} 解压失败`);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
