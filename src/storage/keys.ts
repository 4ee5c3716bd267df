// Key safety: every key a store touches is checked here, and user-supplied names become single, inert segments.
import { NianbaoError } from "../core/errors.ts";

const MAX_KEY_BYTES = 1024;

/**
 * Throws unless `key` is a relative, normalized object key: no leading or trailing slash, no empty,
 * "." or ".." segment, no backslash or control character, at most 1024 UTF-8 bytes.
 */
export function assertSafeKey(key: string): string {
  if (!isSafeKey(key))
    throw new NianbaoError("invalid_input", `不安全的存储键：${JSON.stringify(key.slice(0, 200))}`);
  return key;
}

export function isSafeKey(key: string): boolean {
  if (key.length === 0 || new TextEncoder().encode(key).length > MAX_KEY_BYTES) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(key)) return false;
  return key.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}

/** A prefix for listing: empty, or a safe key optionally ending in "/". */
export function assertSafePrefix(prefix: string): string {
  if (prefix === "") return prefix;
  const body = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  if (!isSafeKey(body))
    throw new NianbaoError("invalid_input", `不安全的存储前缀：${JSON.stringify(prefix.slice(0, 200))}`);
  return prefix;
}

/**
 * Any user-supplied name (an organ, a file name) as exactly one key segment. Letters and digits of any script
 * stay as they are (a CJK name costs 3 bytes a character, not 9, so real organ names fit a filesystem's
 * 255-byte file names); everything else, "." and "%" included, is percent-encoded as UTF-8, so the segment can
 * never be "..", contain "/" or "\\", or start a hidden file. Lone surrogates become U+FFFD instead of throwing.
 */
export function keySegment(name: string): string {
  if (name.length === 0) throw new NianbaoError("invalid_input", "名称不能为空");
  return name.replace(/[^\p{L}\p{N}_-]/gu, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(
      "",
    ),
  );
}

/** The inverse of keySegment. */
export function fromKeySegment(segment: string): string {
  return decodeURIComponent(segment);
}

/** Metadata keys all backends accept (S3 lowercases them; HTTP headers refuse most else). */
export function assertMetadataKeys(metadata: Record<string, string> | undefined): void {
  for (const k of Object.keys(metadata ?? {})) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(k)) throw new NianbaoError("invalid_input", `元数据键不合法：${k}`);
  }
}

export const toBytes = (body: Uint8Array | string): Uint8Array =>
  typeof body === "string" ? new TextEncoder().encode(body) : body;

/** Hex SHA-256 of bytes or text, through Web Crypto (Node and workerd alike). */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", toBytes(data) as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
