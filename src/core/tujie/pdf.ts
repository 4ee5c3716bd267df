// The 图解 as an A4 PDF: key figures and the same charts as vector bars (pdfmake canvas), every number as text.
import { defaultTitle } from "../labels.ts";
import type { Report } from "../model.ts";
import { type FontFile, faceFile, type RenderAssets } from "../render/fonts/assets.ts";
import { A4 } from "../render/page.ts";
import { bundle } from "../render/pdfmake/bundle.ts";
import { useFonts } from "../render/pdfmake/fonts-vfs.ts";
import { installPdfmake } from "../render/pdfmake/install.ts";
import { buildTujie, type Chart, type TujieView } from "./figures.ts";
import { chartMax } from "./svg.ts";
import { changeText, valueText } from "./text.ts";
import { TUJIE_VERSION } from "./version.ts";

const { pdfmake } = bundle;

const ACCENT = "#c0392b";
const PREV = "#9aa3ad";
const MUTED = "#5c6470";
/** A4 with 20 mm margins: 481.9 pt of text width. */
const MARGIN = 56.7;
const WIDTHS = { label: 130, value: 52, change: 78 };
const BAR_AREA = A4.width - 2 * MARGIN - WIDTHS.label - WIDTHS.value - WIDTHS.change - 4 * 8;
/** Charts from this one on start page 2 (two charts and the key figures fill page 1). */
const SECOND_PAGE_FROM = 2;

const FAMILY = { body: "TujieBody", heading: "TujieHeading" } as const;

/** The two families the 图解 names, with the body and 黑体 heading files. */
function fontFamilies(assets: RenderAssets): Record<string, FontFile> {
  return { [FAMILY.body]: assets.fonts.body, [FAMILY.heading]: faceFile(assets, "heading") };
}

function keyFigures(view: TujieView): object {
  const cells: object[] = view.keyFigures.map((f) => ({
    stack: [
      { text: f.label, fontSize: 9, color: MUTED },
      {
        text: valueText(f.value),
        fontSize: f.value === null ? 12 : 20,
        color: f.value === null ? MUTED : ACCENT,
      },
      { text: changeText(f) || " ", fontSize: 8, color: MUTED },
    ],
    margin: [4, 4, 4, 4],
  }));
  const rows: object[][] = [];
  for (let i = 0; i < cells.length; i += 3) {
    const row = cells.slice(i, i + 3);
    while (row.length < 3) row.push({ text: "" });
    rows.push(row);
  }
  return {
    table: { widths: ["*", "*", "*"], body: rows },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => "#d0d4d9",
      vLineColor: () => "#d0d4d9",
    },
    margin: [0, 0, 0, 14],
  };
}

function bar(value: number | null | undefined, max: number, height: number, color: string): object | null {
  if (typeof value !== "number" || value <= 0) return null;
  return { type: "rect", x: 0, y: 0, w: Math.max((value / max) * BAR_AREA, 0.8), h: height, color };
}

function chartBlock(chart: Chart, view: TujieView, index: number): object {
  const max = chartMax(chart);
  const rows = chart.items.map((f) => {
    const shapes: object[] = [];
    const now = bar(f.value, max, 9, ACCENT);
    if (now) shapes.push(now);
    const before = bar(typeof f.previous === "number" ? f.previous : null, max, 3, PREV);
    if (before) shapes.push({ ...before, y: 11 });
    return [
      { text: f.label, fontSize: 9.5, alignment: "right" },
      shapes.length > 0 ? { canvas: shapes, margin: [0, 2, 0, 0] } : { text: "" },
      { text: valueText(f.value), fontSize: 9.5, color: f.value === null ? MUTED : "#000000" },
      { text: changeText(f), fontSize: 8, color: MUTED },
    ];
  });
  const note = view.previousYear ? `；灰色细条为${view.previousYear}年度` : "";
  return {
    stack: [
      { text: chart.title, font: FAMILY.heading, fontSize: 13, margin: [0, 0, 0, 2] },
      {
        text: `数据来源：${chart.source}；单位：${chart.unit}${note}`,
        fontSize: 8,
        color: MUTED,
        margin: [0, 0, 0, 4],
      },
      {
        table: { widths: [WIDTHS.label, BAR_AREA, WIDTHS.value, WIDTHS.change], body: rows },
        layout: "noBorders",
      },
    ],
    margin: [0, 0, 0, 14],
    ...(index === SECOND_PAGE_FROM ? { pageBreak: "before" } : {}),
  };
}

/** The pdfmake document of a 图解 (exported for tests of its structure). */
export function tujieDocument(view: TujieView): Record<string, unknown> {
  const compare = view.previousYear ? `，与${view.previousYear}年度对比` : "";
  return {
    pageSize: "A4",
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    info: {
      title: view.title,
      author: view.organ,
      subject: `${view.organ}${view.year}年度政府信息公开工作报告图解`,
      producer: `nianbao ${TUJIE_VERSION} (pdfmake)`,
      creationDate: new Date(Date.UTC(view.year + 1, 0, 1)),
      modDate: new Date(Date.UTC(view.year + 1, 0, 1)),
    },
    defaultStyle: { font: FAMILY.body, fontSize: 10, lineHeight: 1.2 },
    content: [
      { text: view.title, font: FAMILY.heading, fontSize: 18, alignment: "center", margin: [0, 0, 0, 4] },
      {
        text: `${view.organ} · ${view.year}年度${compare}`,
        fontSize: 10,
        color: MUTED,
        alignment: "center",
        margin: [0, 0, 0, 12],
      },
      keyFigures(view),
      ...view.charts.map((c, i) => chartBlock(c, view, i)),
      {
        text: `本图解根据${defaultTitle(view.organ, view.year)}的表格数据生成，数字以报告正文为准。`,
        fontSize: 8,
        color: MUTED,
        margin: [0, 6, 0, 0],
      },
    ],
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      fontSize: 8,
      color: MUTED,
      alignment: "center",
      font: FAMILY.body,
    }),
  };
}

/** Renders the 图解 PDF of a report; `previous` is the organ's report of the year before, when known. */
export async function renderTujiePdf(
  report: Report,
  assets: RenderAssets,
  previous: Report | null = null,
): Promise<Uint8Array> {
  // The renderer's fenced adapter (its fixes, and caches: each font file parsed once, styles resolved once).
  installPdfmake(assets.fonts.body.data);
  const doc = tujieDocument(buildTujie(report, previous));
  useFonts(fontFamilies(assets));
  const out = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
