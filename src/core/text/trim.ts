// Trimming by index scans: linear in the text whatever it holds (a `[…]+$` regex is quadratic on a long run that does not end the text).

/** White space as JavaScript's `\s` has it, plus the zero-width space (what cells and titles are trimmed of). */
export function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `s` without the characters `drop` accepts at its start and end. */
export function trimBy(
  s: string,
  drop: (code: number) => boolean,
  ends: "both" | "start" | "end" = "both",
): string {
  let start = 0;
  let end = s.length;
  if (ends !== "end") while (start < end && drop(s.charCodeAt(start))) start++;
  if (ends !== "start") while (end > start && drop(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** `s` without white space (and zero-width spaces) at either end. */
export const trimSpaces = (s: string): string => trimBy(s, isSpaceCode);

/** A predicate true for the UTF-16 code units of `chars`. */
export function oneOf(chars: string): (code: number) => boolean {
  const set = new Set<number>();
  for (let i = 0; i < chars.length; i++) set.add(chars.charCodeAt(i));
  return (c) => set.has(c);
}

/** `s` without the characters of `chars` at its end. */
export const trimEndChars = (s: string, chars: (code: number) => boolean): string => trimBy(s, chars, "end");
