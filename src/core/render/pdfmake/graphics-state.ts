// Leaves out PDF operators that change nothing: opacity 1 while all is opaque, a fill colour already set, fills of no path.
import type { Patch } from "./patch.ts";
import { docState } from "./state.ts";

interface DocLike {
  _fillColor?: unknown;
  fillColor(color: unknown, opacity?: number): DocLike;
}

const opaque = (v: number | null | undefined) => v == null || v >= 1;

/**
 * pdfmake sets opacity 1 and the fill colour before every text fragment and every line (over a thousand operators per
 * report). Opacity 1 is the PDF default, so until a document draws something translucent the opacity operator is
 * left out (from then on every request is written, so a return to 1 still is). A fill colour equal to the one in
 * effect is left out too; the colour in effect is followed through `q`/`Q` and starts unknown on each page. A page
 * whose first `q` comes before any colour is set (a shifted cell at the top of a page: a table's header repeated
 * there) gets the colour the document last asked for first, outside the `q`: set inside it, the colour was lost at its
 * `Q` and set again for the next text. And while pdfmake draws a line of text, its fill(colour) before each fragment
 * (which only means to set the colour: there is no path) writes no fill operator.
 */
export const graphicsState: Patch = {
  id: "graphics-state",
  kind: "speed",
  targets: [
    "PDFDocument._doOpacity",
    "PDFDocument.fillColor",
    "PDFDocument.fill",
    "PDFDocument.save",
    "PDFDocument.restore",
    "PDFDocument.addPage",
  ],
  upstream: "none filed: pdfmake's Renderer sets opacity and colour per fragment; size and time only",
  apply(p) {
    p.wrap(
      "PDFDocument._doOpacity",
      (doOpacity) =>
        function (this: object, fill?: number | null, stroke?: number | null) {
          const s = docState(this);
          if (!s.translucent && opaque(fill) && opaque(stroke)) return undefined;
          s.translucent = true;
          return doOpacity.call(this, fill, stroke);
        },
    );
    p.wrap(
      "PDFDocument.fillColor",
      (fillColor) =>
        function (this: DocLike, color: unknown, opacity?: number) {
          const s = docState(this);
          if (typeof color === "string" && color === s.fill && opaque(opacity) && !s.translucent) {
            s.last = color;
            this._fillColor = [color, opacity];
            return this;
          }
          const out = fillColor.call(this, color, opacity);
          s.fill = typeof color === "string" ? color : undefined;
          s.last = opaque(opacity) ? s.fill : undefined;
          return out;
        },
    );
    p.wrap(
      "PDFDocument.fill",
      (fill) =>
        function (this: DocLike, color?: unknown, rule?: unknown) {
          if (
            docState(this).colourOnly &&
            typeof color === "string" &&
            rule === undefined &&
            !/odd|zero/.test(color)
          )
            return this.fillColor(color);
          return fill.call(this, color, rule);
        },
    );
    p.wrap(
      "PDFDocument.save",
      (save) =>
        function (this: DocLike) {
          const s = docState(this);
          if (s.fill === undefined && s.fills.length === 0 && s.last !== undefined && !s.translucent)
            this.fillColor(s.last);
          s.fills.push(s.fill);
          return save.call(this);
        },
    );
    p.wrap(
      "PDFDocument.restore",
      (restore) =>
        function (this: object) {
          const s = docState(this);
          s.fill = s.fills.pop();
          return restore.call(this);
        },
    );
    p.wrap(
      "PDFDocument.addPage",
      (addPage) =>
        function (this: object, ...args: unknown[]) {
          const s = docState(this);
          s.fill = undefined;
          s.fills = [];
          return addPage.apply(this, args);
        },
    );
  },
};

/** Runs pdfmake's drawing of one line of text with its colour-setting fill calls writing no fill operator. */
export function colourOnlyFills<T>(doc: object, draw: () => T): T {
  const s = docState(doc);
  const outer = s.colourOnly;
  s.colourOnly = true;
  try {
    return draw();
  } finally {
    s.colourOnly = outer;
  }
}
