// pdfmake lays a document out again for every page break added by pageBreakBefore, measuring every text leaf again;
// the text of a leaf does not change between passes, so its measured inlines are kept and handed out as fresh copies.
import bundle from "../../generated/pdfmake.js";

interface Leaf {
  text?: unknown;
  _textRef?: unknown;
  _inlines?: Record<string, unknown>[];
  _minWidth?: number;
  _maxWidth?: number;
}

type MeasureLeaf = (this: unknown, node: Leaf) => Leaf;

const measured = new WeakMap<Leaf, { inlines: Record<string, unknown>[]; min?: number; max?: number }>();
let installed = false;

export function installMeasureCache(): void {
  if (installed) return;
  installed = true;
  const proto = bundle.DocMeasure.prototype as { measureLeaf: MeasureLeaf };
  const original = proto.measureLeaf;
  proto.measureLeaf = function (this: unknown, node: Leaf) {
    const known = node._textRef ? undefined : measured.get(node);
    if (known) {
      // Layout shifts inlines off the array and splits them: every pass gets its own copies.
      node._inlines = known.inlines.map((i) => ({ ...i }));
      node._minWidth = known.min;
      node._maxWidth = known.max;
      return node;
    }
    const out = original.call(this, node);
    if (!node._textRef && node._inlines) {
      measured.set(node, {
        inlines: node._inlines.map((i) => ({ ...i })),
        min: node._minWidth,
        max: node._maxWidth,
      });
    }
    return out;
  };
}
