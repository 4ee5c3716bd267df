// Glyph runs laid out by fontkit kept per parsed font across PDFs (pdfkit keeps them per PDF): same runs, laid out once.
import type { Patch } from "./patch.ts";
import { glyphRuns as runs } from "./state.ts";

interface Run {
  advanceWidth: number;
}

interface EmbeddedFontLike {
  font: object;
  layoutCache?: object;
  layoutRun(text: string): Run;
  layoutCached(text: string): Run;
}

/** Runs kept per parsed font (a few hundred strings per report; a run of a 28-character line holds ~3 KB). */
const LIMIT = 5000;

/**
 * pdfkit's layoutCached with one cache per parsed font instead of per document. A run is a pure function of the font
 * and the text (scaled by 1000 / unitsPerEm of that font), and pdfkit only reads cached runs (it already hands the
 * same run to every use within a document).
 */
export const layoutCache: Patch = {
  id: "layout-cache",
  kind: "speed",
  targets: ["EmbeddedFont.layoutCached", "EmbeddedFont.layoutRun"],
  upstream: "none: pdfkit caches runs per document by design",
  apply(p) {
    p.wrap(
      "EmbeddedFont.layoutCached",
      () =>
        function (this: EmbeddedFontLike, text: string) {
          if (!this.layoutCache) return this.layoutRun(text);
          let cache = runs.get(this.font);
          if (!cache) {
            cache = new Map();
            runs.set(this.font, cache);
          }
          let run = cache.get(text) as Run | undefined;
          if (run) return run;
          run = this.layoutRun(text);
          if (cache.size >= LIMIT) cache.clear();
          cache.set(text, run);
          return run;
        },
    );
  },
};
