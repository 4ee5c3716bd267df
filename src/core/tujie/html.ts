// The 图解 as one self-contained, phone-first HTML page: key figures, SVG charts, the numbers as text; body font embedded.
import type { Report } from "../model.ts";
import type { RenderAssets } from "../render/fonts/assets.ts";
import { base64 } from "../render/fonts/base64.ts";
import { subsetTtf } from "../render/fonts/ttf-subset.ts";
import { runTemplate } from "../render/handlebars.ts";
import { buildTujie, type TujieView } from "./figures.ts";
import { barChartSvg } from "./svg.ts";
import { changeText, valueText } from "./text.ts";
import { TUJIE_VERSION } from "./version.ts";

/** The template's context: the view with every number already worded. */
export function tujiePage(view: TujieView) {
  return {
    version: TUJIE_VERSION,
    title: view.title,
    organ: view.organ,
    year: view.year,
    previousYear: view.previousYear,
    keyFigures: view.keyFigures.map((f) => ({
      label: f.label,
      value: valueText(f.value),
      change: changeText(f),
    })),
    charts: view.charts.map((c) => ({
      id: c.id,
      title: c.title,
      unit: c.unit,
      source: c.source,
      svg: barChartSvg(c),
      rows: c.items.map((f) => ({
        label: f.label,
        value: valueText(f.value),
        previous: f.previous === undefined ? "" : valueText(f.previous),
        change: changeText(f),
      })),
    })),
  };
}

/** Renders the 图解 page of a report; `previous` is the organ's report of the year before, when known. */
export async function renderTujieHtml(
  report: Report,
  assets: RenderAssets,
  previous: Report | null = null,
): Promise<string> {
  const page = tujiePage(buildTujie(report, previous));
  // First pass without fonts gives the exact characters to embed.
  const bare = runTemplate("tujie.html", page, { assets, fontFaces: "" });
  const chars = [...new Set(bare.replace(/<[^>]*>/g, ""))].join("");
  const subset = assets.subsetFont ?? (async (font: Uint8Array, text: string) => subsetTtf(font, text));
  const bytes = await subset(assets.fonts.body.data, chars);
  const fontFaces = `@font-face { font-family: "NB Body"; font-weight: 400; font-style: normal; font-display: block; src: url(data:font/ttf;base64,${base64(bytes)}) format("truetype"); }`;
  return runTemplate("tujie.html", page, { assets, fontFaces });
}
