// A zip of reports → its report files, unpacked with fflate in small steps so that a zip bomb is stopped at the limit.
import { Unzip, UnzipInflate, UnzipPassThrough } from "fflate";
import { NianbaoError } from "../errors.ts";

export interface ZipLimits {
  /** Files (report or not) a zip may hold. */
  maxEntries: number;
  /** Unpacked bytes of one file (a report larger than this is refused anyway). */
  maxEntryBytes: number;
  /** Unpacked bytes of all files together. */
  maxUnpackedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxEntryBytes: 5 * 1024 * 1024,
  maxUnpackedBytes: 64 * 1024 * 1024,
};

/** The kinds of file a batch converts, by extension. */
export const REPORT_EXTENSIONS = ["txt", "html", "htm", "json"] as const;

export interface ZipEntry {
  /** The path inside the zip, as written (decoded as UTF-8 or, without the UTF-8 flag, as CP437 by fflate). */
  name: string;
  data: Uint8Array;
}

export interface Unpacked {
  entries: ZipEntry[];
  /** Files that are no report (other extensions, folders' metadata such as __MACOSX/), left out. */
  skipped: string[];
}

/** Compressed bytes handed to the inflater at a time: its output per step stays below ~1 MB (deflate expands ≤ 1032×). */
const STEP = 1024;

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";

function isReportName(name: string): boolean {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (name.endsWith("/") || base === "" || base.startsWith(".") || /(^|\/)__MACOSX\//.test(name))
    return false;
  return (REPORT_EXTENSIONS as readonly string[]).includes(ext(base));
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * Unpacks the report files of a zip. Throws input_limit when it holds too many files or unpacks to more than the
 * limits (counted while inflating, never trusting the sizes the zip declares), invalid_input when it is no zip.
 */
export function unpackZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Unpacked {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new NianbaoError("invalid_input", "上传的文件不是 zip 压缩包");
  }
  const entries: ZipEntry[] = [];
  const skipped: string[] = [];
  let files = 0;
  let total = 0;
  let failure: NianbaoError | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  unzip.onfile = (file) => {
    if (failure) return;
    if (++files > limits.maxEntries) {
      failure = new NianbaoError("input_limit", `压缩包中的文件超过 ${limits.maxEntries} 个`);
      return;
    }
    if (!isReportName(file.name)) {
      skipped.push(file.name);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = new NianbaoError("invalid_input", `压缩包中的「${file.name}」无法解压：${err.message}`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes) {
        failure = new NianbaoError(
          "input_limit",
          `压缩包中的「${file.name}」解压后超过 ${mb(limits.maxEntryBytes)}`,
        );
      } else if (total > limits.maxUnpackedBytes) {
        failure = new NianbaoError(
          "input_limit",
          `压缩包解压后超过 ${mb(limits.maxUnpackedBytes)}（疑似压缩炸弹）`,
        );
      }
      if (failure) {
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries.push({ name: file.name, data: concat(chunks, size) });
    };
    try {
      file.start();
    } catch (e) {
      failure = new NianbaoError(
        "invalid_input",
        `压缩包中的「${file.name}」无法解压（不支持的压缩方式或已加密）`,
        {},
        { cause: e },
      );
    }
  };
  try {
    for (let i = 0; i < bytes.length && !failure; i += STEP) {
      unzip.push(bytes.subarray(i, Math.min(i + STEP, bytes.length)), i + STEP >= bytes.length);
    }
  } catch (e) {
    if (!failure) failure = new NianbaoError("invalid_input", "压缩包已损坏，无法解压", {}, { cause: e });
  }
  if (failure) throw failure;
  return { entries, skipped };
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
