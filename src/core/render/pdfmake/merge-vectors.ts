// Draws runs of table rules as one stroked path: pdfmake draws each cell border as its own line with all its state.
import type { Patch } from "./patch.ts";

interface Line {
  type: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
  strokeOpacity?: number;
  dash?: unknown;
  color?: unknown;
  linearGradient?: unknown;
  lineJoin?: unknown;
  lineCap?: unknown;
  fillOpacity?: unknown;
}

/** Segments drawn with one stroke: the first segment's style holds for all. */
interface Lines {
  type: "lines";
  segments: Line[];
  lineWidth?: number;
  lineColor?: string;
  strokeOpacity?: number;
}

interface PageItem {
  type: string;
  item: unknown;
}

interface Doc {
  lineWidth(w: number): Doc;
  undash(): Doc;
  lineJoin(j: string): Doc;
  lineCap(c: string): Doc;
  moveTo(x: number, y: number): Doc;
  lineTo(x: number, y: number): Doc;
  strokeColor(color: unknown, opacity: number): Doc;
  resolveColor(color: unknown, fallback: string): unknown;
  stroke(): Doc;
}

interface RendererLike {
  pdfDocument: Doc;
  renderPages(pages: { items: PageItem[] }[]): void;
  renderVector(vector: unknown): void;
}

/** A plain stroked line: no dash, fill, gradient or non-default joins and caps (what table rules are). */
const plainLine = (v: Line) =>
  v.type === "line" &&
  !v.dash &&
  !v.color &&
  !v.linearGradient &&
  v.lineJoin === undefined &&
  v.lineCap === undefined &&
  v.fillOpacity === undefined;

const styleKey = (v: Line) => `${v.lineWidth}|${v.lineColor}|${v.strokeOpacity}`;

/** Page items with each run of two or more consecutive plain lines of one style replaced by one "lines" vector. */
export function mergeLines(items: PageItem[]): PageItem[] {
  const out: PageItem[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length === 1) out.push({ type: "vector", item: run[0] });
    else if (run.length > 1) {
      const first = run[0] as Line;
      const lines: Lines = {
        type: "lines",
        segments: run,
        lineWidth: first.lineWidth,
        lineColor: first.lineColor,
        strokeOpacity: first.strokeOpacity,
      };
      out.push({ type: "vector", item: lines });
    }
    run = [];
  };
  for (const it of items) {
    const v = it.item as Line;
    if (it.type === "vector" && plainLine(v)) {
      if (run.length > 0 && styleKey(run[0] as Line) !== styleKey(v)) flush();
      run.push(v);
      continue;
    }
    flush();
    out.push(it);
  }
  flush();
  return out;
}

/**
 * pdfmake sets line width, dash, join, cap, stroke colour and opacity for every line and strokes it alone (12
 * operators per cell border, 650 borders on a table page); the same pixels come from setting them once per run of
 * lines and stroking all of the run's segments together.
 */
export const lineMerge: Patch = {
  id: "line-merge",
  kind: "speed",
  targets: ["Renderer.renderPages", "Renderer.renderVector"],
  upstream: "none filed: pdfmake's Renderer strokes each table border on its own; size and time only",
  apply(p) {
    p.wrap(
      "Renderer.renderPages",
      (renderPages) =>
        function (this: RendererLike, pages: { items: PageItem[] }[]) {
          for (const page of pages) page.items = mergeLines(page.items);
          return renderPages.call(this, pages);
        },
    );
    p.wrap(
      "Renderer.renderVector",
      (renderVector) =>
        function (this: RendererLike, vector: unknown) {
          const v = vector as Lines;
          if (v.type !== "lines") return renderVector.call(this, vector);
          // pdfmake's renderVector for a stroked line, once for all segments.
          const doc = this.pdfDocument;
          doc.lineWidth(v.lineWidth || 1);
          doc.undash();
          doc.lineJoin("miter");
          doc.lineCap("butt");
          for (const s of v.segments) {
            doc.moveTo(s.x1, s.y1);
            doc.lineTo(s.x2, s.y2);
          }
          const opacity = typeof v.strokeOpacity === "number" ? v.strokeOpacity : 1;
          doc.strokeColor(doc.resolveColor(v.lineColor, "black"), opacity);
          doc.stroke();
        },
    );
  },
};
