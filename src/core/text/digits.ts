// Full-width forms read as ASCII: the one place 「２０２１」 becomes 「2021」.

/** A full-width form (U+FF01–FF5E) as its ASCII twin: 「７」 → 「7」, 「．」 → 「.」, 「－」 → 「-」, 「，」 → 「,」. */
export function halfWidthChar(c: string): string {
  return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
}

const isWideDigit = (c: number) => c >= 0xff10 && c <= 0xff19;
const UTF16 = new TextDecoder("utf-16le");

/** Full-width digits ０-９ → ASCII in one scan, nothing else changed (a replace callback per digit is slow on a long run). */
export function halfWidthDigits(s: string): string {
  let i = 0;
  while (i < s.length && !isWideDigit(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  // Each digit keeps its length (one UTF-16 unit): the units are mapped in place and decoded once.
  const units = new Uint16Array(s.length);
  for (let j = 0; j < s.length; j++) {
    const c = s.charCodeAt(j);
    units[j] = isWideDigit(c) ? c - 0xfee0 : c;
  }
  return UTF16.decode(units);
}
