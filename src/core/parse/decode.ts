// Input bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK; and telling JSON, HTML and plain text apart.
import { NianbaoError } from "../errors.ts";

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes input bytes, or throws NianbaoError("unreadable_encoding"). */
export function decodeInput(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const s = tryDecode("utf-8", bytes.subarray(3));
    if (s !== undefined) return s;
    throw new NianbaoError("unreadable_encoding");
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const s = tryDecode("utf-16le", bytes.subarray(2));
    if (s !== undefined) return s;
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const s = tryDecode("utf-16be", bytes.subarray(2));
    if (s !== undefined) return s;
  }
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== undefined) return utf8;
  const gb = tryDecode("gb18030", bytes);
  if (gb !== undefined && plausibleChinese(gb)) return gb;
  throw new NianbaoError("unreadable_encoding");
}

/** Decoded GB text should be mostly CJK, ASCII and common punctuation, not stray symbols. */
function plausibleChinese(s: string): boolean {
  let good = 0;
  let total = 0;
  for (const ch of s) {
    total++;
    const c = ch.codePointAt(0) ?? 0;
    if (
      c < 0x80 ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      c === 0xa0 ||
      (c >= 0x2010 && c <= 0x2030)
    )
      good++;
  }
  return total === 0 || good / total > 0.9;
}
