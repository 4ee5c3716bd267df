// Headers every stored document is served with: the cache rule of immutable artifacts and the guard of self-contained pages.

/** Artifacts are content-addressed: a link never changes what it serves. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** Self-contained report and 图解 pages need no network (inline styles, embedded fonts, inline SVG); anything else is refused. */
export const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox";
