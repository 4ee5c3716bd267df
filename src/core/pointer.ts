// JSON Pointers (RFC 6901): the one place a path segment is escaped and a pointer is joined.

const NEEDS_ESCAPE = /[~/]/;

/** One reference token: 「~」 → 「~0」, 「/」 → 「~1」 (model keys hold neither, so they pass untouched). */
export function pointerToken(segment: string): string {
  return NEEDS_ESCAPE.test(segment) ? segment.replace(/~/g, "~0").replace(/\//g, "~1") : segment;
}

/** JSON Pointer from path segments: ["requests","withheld","stateSecret","total"] → "/requests/withheld/stateSecret/total". */
export function pointer(...segments: readonly (string | number)[]): string {
  let out = "";
  for (const s of segments) out += `/${typeof s === "number" ? s : pointerToken(s)}`;
  return out;
}
