// A zip of reports → its report files, read by the one bounded zip reader (core/input/zip.ts) under the batch limits.
import { NianbaoError } from "../errors.ts";
import { BATCH_ZIP_LIMITS, looksLikeZip, openZip, type ZipLimits } from "../input/zip.ts";

export type { ZipLimits };
export const DEFAULT_ZIP_LIMITS: ZipLimits = BATCH_ZIP_LIMITS;

/** The kinds of file a batch converts, by extension. */
export const REPORT_EXTENSIONS = ["txt", "html", "htm", "json"] as const;

export interface ZipFile {
  /** The path inside the zip, as written (UTF-8, or GB18030 for names a Chinese Windows wrote without the UTF-8 flag). */
  name: string;
  data: Uint8Array;
}

export interface Unpacked {
  entries: ZipFile[];
  /** Files that are no report (other extensions, folders' metadata such as __MACOSX/), left out unread. */
  skipped: string[];
}

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";

function isReportName(name: string): boolean {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (name.endsWith("/") || base === "" || base.startsWith(".") || /(^|\/)__MACOSX\//.test(name))
    return false;
  return (REPORT_EXTENSIONS as readonly string[]).includes(ext(base));
}

/**
 * Unpacks the report files of a zip. Throws input_limit when it holds too many files or unpacks to more than the
 * limits, invalid_input when it is no zip, damaged_file / encrypted_file for a zip that cannot be read.
 */
export function unpackZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Unpacked {
  if (bytes.length < 22 || !looksLikeZip(bytes)) {
    throw new NianbaoError("invalid_input", "上传的文件不是 zip 压缩包");
  }
  const zip = openZip(bytes, limits);
  const entries: ZipFile[] = [];
  const skipped: string[] = [];
  for (const entry of zip.entries) {
    if (isReportName(entry.name)) entries.push({ name: entry.name, data: zip.read(entry) });
    else skipped.push(entry.name);
  }
  return { entries, skipped };
}
