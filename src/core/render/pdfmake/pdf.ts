// Report → PDF bytes: the edition's PDF template yields a pdfmake document definition (JSON); pdfmake draws it.
import type { Report } from "../../model.ts";
import { FACE_ROLES, type FaceRole, type FontFile, faceFile, type RenderAssets } from "../fonts/assets.ts";
import { emHeight } from "../fonts/metrics.ts";
import { runTemplate } from "../handlebars.ts";
import { PAGE } from "../page.ts";
import { PDF_FAMILY } from "../text/runs.ts";
import { CELL_PAD, RULE } from "../view/tables.ts";
import { bundle } from "./bundle.ts";
import { useFonts } from "./fonts-vfs.ts";
import { installPdfmake } from "./install.ts";
import { type ContentNode, keepTogether, type Styles } from "./keep-together.ts";
import { tagContent } from "./tagging.ts";

export interface PdfOptions {
  /**
   * A tagged PDF: structure tree (H1 title, H2/H3 headings, P, Table > TR > TH/TD), /MarkInfo, rules and page
   * numbers as artifacts. Off by default: measured +5–42% render CPU and +38 KiB per seed (struct elements are plain
   * objects; pdfkit writes no object streams).
   */
  tagged?: boolean;
}

/** Vertical cell padding: table 三 with its header fits one A4 page (so no row span is cut by a page break). */
const CELL_PAD_V = 1.5;

import { RENDERER_VERSION } from "../version.ts";
import { buildView } from "../view/view.ts";

/** (ascent − descent) / em of the fonts the line heights below were tuned with (Noto Serif SC), to keep table geometry. */
const TUNED_EM = 1.437;

const { pdfmake } = bundle;

/** Line heights from the fonts' own vertical extents: every face lands on the 22-line grid whatever fonts are used. */
function layoutFor(assets: RenderAssets) {
  const em = (role: FaceRole) => emHeight(faceFile(assets, role));
  return {
    lineHeight: onGrid(PAGE.linePitch / (PAGE.bodyFontSize * em("body"))),
    titleLineHeight: round((1.15 * TUNED_EM) / em("title")),
    characterSpacing: -0.2, // 28 characters of 16 pt in the 156 mm line
    tableFontSize: 10.5,
    noteFontSize: 9,
    tableLineHeight: round((0.92 * TUNED_EM) / em("body")),
    headingLineHeight: onGrid(PAGE.linePitch / (PAGE.bodyFontSize * em("heading"))),
    subheadingLineHeight: onGrid(PAGE.linePitch / (PAGE.bodyFontSize * em("subheading"))),
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * A grid line's height factor, rounded down: 22 lines then fit the 225 mm text block. Rounded to nearest, a body line
 * came out 0.003 pt over the pitch, 22 lines 0.05 pt over the block, and every page held 21 lines.
 */
function onGrid(n: number): number {
  return Math.floor(n * 1000) / 1000;
}

let configured = false;
function configureOnce(): void {
  if (configured) return;
  configured = true;
  pdfmake.addTableLayouts({
    official: {
      hLineWidth: () => RULE,
      vLineWidth: () => RULE,
      hLineColor: () => "#000000",
      vLineColor: () => "#000000",
      paddingLeft: () => CELL_PAD,
      paddingRight: () => CELL_PAD,
      paddingTop: () => CELL_PAD_V,
      paddingBottom: () => CELL_PAD_V,
    },
  });
}

/** The font families the templates name (PDF_FAMILY), each with its role's file. */
function fontFamilies(assets: RenderAssets): Record<string, FontFile> {
  const families: Record<string, FontFile> = {};
  for (const role of FACE_ROLES) families[PDF_FAMILY[role]] = faceFile(assets, role);
  families[PDF_FAMILY.fallback] = assets.fallback ?? assets.fonts.body;
  return families;
}

/**
 * The title block (its lines and the space after it) takes whole lines of the page's grid, so the body under it sits
 * on the same 22-line grid as on every other page (GB/T 9704); the space after the title is the template's, moved to
 * the nearest grid line and never under one line's worth of title and blank together. Without this the body of page 1
 * sat half a line off the grid of the pages after it.
 */
function titleOnGrid(content: ContentNode[], styles: Styles, titleEm: number): void {
  const node = content[0] as { style?: string; stack?: unknown[]; margin?: number[] } | undefined;
  const style = styles.title as { fontSize?: number; lineHeight?: number; margin?: number[] } | undefined;
  if (node?.style !== "title" || !node.stack?.length || !style?.fontSize || !style.lineHeight) return;
  const lines = node.stack.length;
  const line = style.fontSize * style.lineHeight * titleEm;
  const after = style.margin?.[3] ?? 0;
  const pitches = Math.max(lines + 1, Math.round((lines * line + after) / PAGE.linePitch));
  node.margin = [0, 0, 0, round(pitches * PAGE.linePitch - lines * line)];
}

function footer(currentPage: number) {
  const odd = currentPage % 2 === 1;
  return {
    text: `— ${currentPage} —`,
    font: PDF_FAMILY.body,
    fontSize: 14,
    characterSpacing: 0,
    lineHeight: 1,
    alignment: odd ? "right" : "left",
    // 7 mm below the text block; one character in from the outside edge of the text block.
    margin: [PAGE.margins[0] + 14, 20, PAGE.margins[2] + 14, 0],
  };
}

/** Renders a report to PDF bytes. Deterministic: the same report and fonts give the same bytes. */
export async function renderPdf(
  report: Report,
  assets: RenderAssets,
  options: PdfOptions = {},
): Promise<Uint8Array> {
  configureOnce();
  // The patched pdfmake (fixes always; speed-ups unless switched off); installed at the first render.
  installPdfmake(assets.fonts.body.data);
  const view = buildView(report);
  const layout = layoutFor(assets);
  const json = runTemplate(`report-${report.edition}.pdf`, view, { assets, layout });
  // The page geometry first, as the template's JSON had it.
  const doc: Record<string, unknown> = {
    pageSize: PAGE.size,
    pageMargins: [...PAGE.margins],
    ...JSON.parse(json),
  };
  const date = new Date(`${view.documentDate}T00:00:00Z`);
  doc.info = {
    ...(doc.info as object),
    producer: `nianbao ${RENDERER_VERSION} (pdfmake)`,
    creationDate: date,
    modDate: date,
  };
  titleOnGrid(doc.content as ContentNode[], doc.styles as Styles, emHeight(faceFile(assets, "title")));
  doc.content = keepTogether(doc.content as ContentNode[], doc.styles as Styles);
  if (options.tagged) {
    doc.tagged = true;
    tagContent(doc.content as ContentNode[]);
  }
  doc.footer = footer;
  useFonts(fontFamilies(assets));
  const out = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
