// A horizontal bar chart as SVG text (no DOM): role="img", a <title>, a <desc> and every number as <text>.
import type { Chart } from "./figures.ts";
import { changeText, figureSentence, valueText } from "./text.ts";

export const BAR_LAYOUT = { width: 360, labelWidth: 118, valueWidth: 64, row: 34, barHeight: 14, top: 8 };

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** The largest value drawn (this or last year), at least 1 so that all-zero charts draw empty bars. */
export function chartMax(chart: Chart): number {
  let max = 1;
  for (const f of chart.items) {
    if (f.value !== null && f.value > max) max = f.value;
    if (typeof f.previous === "number" && f.previous > max) max = f.previous;
  }
  return max;
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/** The chart as an inline SVG element; `idPrefix` keeps element ids unique on a page. */
export function barChartSvg(chart: Chart, idPrefix = "c"): string {
  const L = BAR_LAYOUT;
  const id = `${idPrefix}-${chart.id}`;
  const barArea = L.width - L.labelWidth - L.valueWidth;
  const max = chartMax(chart);
  const height = L.top * 2 + chart.items.length * L.row;
  const desc = chart.items.map((f) => figureSentence(f, chart.unit)).join("；");
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${L.width} ${height}" width="100%" aria-labelledby="${id}-t ${id}-d">`,
    `<title id="${id}-t">${escapeXml(chart.title)}（单位：${escapeXml(chart.unit)}）</title>`,
    `<desc id="${id}-d">${escapeXml(desc)}</desc>`,
  ];
  chart.items.forEach((f, i) => {
    const y = L.top + i * L.row;
    const mid = y + L.barHeight / 2;
    out.push(
      `<text class="label" x="${L.labelWidth - 6}" y="${num(mid)}" text-anchor="end" dominant-baseline="central">${escapeXml(f.label)}</text>`,
    );
    // No bar for 0 or a blank; a small number still gets a visible bar.
    if (f.value !== null && f.value > 0) {
      const w = Math.max((f.value / max) * barArea, 1);
      out.push(`<rect class="bar" x="${L.labelWidth}" y="${y}" width="${num(w)}" height="${L.barHeight}"/>`);
    }
    if (typeof f.previous === "number" && f.previous > 0) {
      const w = Math.max((f.previous / max) * barArea, 1);
      out.push(
        `<rect class="prev" x="${L.labelWidth}" y="${y + L.barHeight + 2}" width="${num(w)}" height="4"/>`,
      );
    }
    out.push(
      `<text class="value${f.value === null ? " blank" : ""}" x="${L.width - L.valueWidth + 4}" y="${num(mid)}" dominant-baseline="central">${escapeXml(valueText(f.value))}</text>`,
    );
    const change = changeText(f);
    if (change) {
      out.push(
        `<text class="change" x="${L.labelWidth}" y="${y + L.barHeight + 14}">${escapeXml(change)}</text>`,
      );
    }
  });
  out.push("</svg>");
  return out.join("\n");
}
