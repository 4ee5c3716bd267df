// Finding codes of the renderer, for the code catalogue and the README.
import type { CodeDoc } from "../finding.ts";

export const RENDER_CODES = [
  {
    code: "font.missing-glyph",
    severity: "warning",
    meaning:
      "A character of the report's text is not in the embedded GB2312 font subsets; `codePoint` gives it (U+XXXX). It is drawn from a full fallback font where the runtime has one, else it shows as a box.",
  },
] as const satisfies readonly CodeDoc[];
