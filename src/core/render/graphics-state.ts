// Leaves out PDF operators that change nothing: opacity 1 while all is opaque, a fill colour already set, fills of no path.
import bundle from "../../generated/pdfmake.js";

interface DocLike {
  _doOpacity(fill?: number | null, stroke?: number | null): unknown;
  fillColor(color: unknown, opacity?: number): DocLike;
  save(): DocLike;
  restore(): DocLike;
  addPage(...args: unknown[]): DocLike;
  fill(color?: unknown, rule?: unknown): DocLike;
  _fillColor?: unknown;
  /** Set once a drawing of this document asked for an opacity below 1. */
  _nianbaoTranslucent?: boolean;
  /** The fill colour in effect (a colour string; undefined: not known), and the ones saved by `q`. */
  _nianbaoFill?: string;
  _nianbaoFills?: (string | undefined)[];
  /** Set while pdfmake draws a line of text: its fill(colour) calls only set the colour (there is no path). */
  _nianbaoColourOnly?: boolean;
}

const opaque = (v: number | null | undefined) => v == null || v >= 1;

let installed = false;

/**
 * Once per isolate, on pdfkit's document. pdfmake sets opacity 1 and the fill colour before every text fragment and
 * every line (over a thousand operators per report). Opacity 1 is the PDF default, so until a document draws
 * something translucent the opacity operator is left out (from then on every request is written, so a return to 1
 * still is). A fill colour equal to the one in effect is left out too; the colour in effect is followed through
 * `q`/`Q` and starts unknown on each page. And while pdfmake draws a line of text, its fill(colour) before each
 * fragment (which only means to set the colour: there is no path) writes no fill operator.
 */
export function installGraphicsState(): void {
  if (installed) return;
  installed = true;
  const proto = bundle.PDFDocument.prototype as DocLike;
  const { _doOpacity: doOpacity, fillColor, save, restore, addPage, fill } = proto;
  if ([doOpacity, fillColor, save, restore, addPage, fill].some((f) => typeof f !== "function")) return;
  proto._doOpacity = function (this: DocLike, fill?: number | null, stroke?: number | null) {
    if (!this._nianbaoTranslucent && opaque(fill) && opaque(stroke)) return undefined;
    this._nianbaoTranslucent = true;
    return doOpacity.call(this, fill, stroke);
  };
  proto.fillColor = function (this: DocLike, color: unknown, opacity?: number) {
    if (
      typeof color === "string" &&
      color === this._nianbaoFill &&
      opaque(opacity) &&
      !this._nianbaoTranslucent
    ) {
      this._fillColor = [color, opacity];
      return this;
    }
    const out = fillColor.call(this, color, opacity);
    this._nianbaoFill = typeof color === "string" ? color : undefined;
    return out;
  };
  proto.fill = function (this: DocLike, color?: unknown, rule?: unknown) {
    if (this._nianbaoColourOnly && typeof color === "string" && rule === undefined && !/odd|zero/.test(color))
      return this.fillColor(color);
    return fill.call(this, color, rule);
  };
  proto.save = function (this: DocLike) {
    this._nianbaoFills ??= [];
    this._nianbaoFills.push(this._nianbaoFill);
    return save.call(this);
  };
  proto.restore = function (this: DocLike) {
    this._nianbaoFill = this._nianbaoFills?.pop();
    return restore.call(this);
  };
  proto.addPage = function (this: DocLike, ...args: unknown[]) {
    this._nianbaoFill = undefined;
    this._nianbaoFills = [];
    return addPage.apply(this, args);
  };
}

/** Runs pdfmake's drawing of one line of text with its colour-setting fill calls writing no fill operator. */
export function colourOnlyFills<T>(doc: unknown, draw: () => T): T {
  const d = doc as DocLike;
  const outer = d._nianbaoColourOnly;
  d._nianbaoColourOnly = true;
  try {
    return draw();
  } finally {
    d._nianbaoColourOnly = outer;
  }
}
