// pdfmake lays a document out again for every page break added by pageBreakBefore, measuring every text leaf again;
// the text of a leaf does not change between passes, so its measured inlines are kept and handed out again.
import bundle from "../../generated/pdfmake.js";

interface Leaf {
  text?: unknown;
  _textRef?: unknown;
  _inlines?: Record<string, unknown>[];
  _minWidth?: number;
  _maxWidth?: number;
}

type MeasureLeaf = (this: unknown, node: Leaf) => Leaf;

interface Snapshot {
  inlines: Record<string, unknown>[];
  /** Layout splits an inline too wide for a line by shortening it in place: its text and width, as measured. */
  texts: unknown[];
  widths: unknown[];
  min?: number;
  max?: number;
}

const measured = new WeakMap<Leaf, Snapshot>();
let installed = false;

export function installMeasureCache(): void {
  if (installed) return;
  installed = true;
  const proto = bundle.DocMeasure.prototype as { measureLeaf: MeasureLeaf };
  const original = proto.measureLeaf;
  proto.measureLeaf = function (this: unknown, node: Leaf) {
    const known = node._textRef ? undefined : measured.get(node);
    if (known) {
      // Layout shifts inlines off the array and may shorten one: a fresh array, each inline's text and width reset.
      known.inlines.forEach((inline, i) => {
        inline.text = known.texts[i];
        inline.width = known.widths[i];
      });
      node._inlines = known.inlines.slice();
      node._minWidth = known.min;
      node._maxWidth = known.max;
      return node;
    }
    const out = original.call(this, node);
    if (!node._textRef && node._inlines) {
      const inlines = node._inlines.slice();
      measured.set(node, {
        inlines,
        texts: inlines.map((i) => i.text),
        widths: inlines.map((i) => i.width),
        min: node._minWidth,
        max: node._maxWidth,
      });
    }
    return out;
  };
}
