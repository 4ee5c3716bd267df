// Report → PDF bytes: the edition's PDF template yields a pdfmake document definition (JSON); pdfmake draws it.
import type { Report } from "../../model.ts";
import { FACE_ROLES, type FontFile, faceFile, type RenderAssets } from "../fonts/assets.ts";
import { runTemplate } from "../handlebars.ts";
import { PAGE } from "../page.ts";
import { PDF_FAMILY } from "../text/runs.ts";
import { CELL_PAD, RULE } from "../view/tables.ts";
import { bundle } from "./bundle.ts";
import { installPdfmake } from "./install.ts";
import { type ContentNode, keepTogether, type Styles } from "./keep-together.ts";

/** Vertical cell padding: table 三 with its header fits one A4 page (so no row span is cut by a page break). */
const CELL_PAD_V = 1.5;

import { RENDERER_VERSION } from "../version.ts";
import { buildView } from "../view/view.ts";

/** Per face: (ascent − descent) / em of the stand-in fonts, to turn the pitch into pdfmake line heights. */
const EM_HEIGHT = { serif: 1.437, sans: 1.448, kai: 1.184 };

const { pdfmake } = bundle;

const LAYOUT = {
  lineHeight: round(PAGE.linePitch / (PAGE.bodyFontSize * EM_HEIGHT.serif)),
  titleLineHeight: 1.15,
  characterSpacing: -0.2, // 28 characters of 16 pt in the 156 mm line
  tableFontSize: 10.5,
  noteFontSize: 9,
  tableLineHeight: 0.92,
  headingLineHeight: round(PAGE.linePitch / (PAGE.bodyFontSize * EM_HEIGHT.sans)),
  subheadingLineHeight: round(PAGE.linePitch / (PAGE.bodyFontSize * EM_HEIGHT.kai)),
};

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

let configured = false;
function configureOnce(): void {
  if (configured) return;
  configured = true;
  // Never fetch: no URL and no local file is read while rendering.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
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

/** Font data written into pdfmake's virtual file system once per isolate (keyed by file name and data identity). */
const written = new Map<string, Uint8Array>();
function vfsName(font: FontFile): string {
  const name = `nianbao/${font.name}`;
  if (written.get(name) !== font.data) {
    pdfmake.virtualfs.writeFileSync(name, font.data);
    written.set(name, font.data);
  }
  return name;
}

function fontTable(assets: RenderAssets) {
  const family = (file: FontFile) => {
    const name = vfsName(file);
    return { normal: name, bold: name, italics: name, bolditalics: name };
  };
  const fonts: Record<string, ReturnType<typeof family>> = {};
  for (const role of FACE_ROLES) fonts[PDF_FAMILY[role]] = family(faceFile(assets, role));
  fonts[PDF_FAMILY.fallback] = family(assets.fallback ?? assets.fonts.body);
  return fonts;
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
export async function renderPdf(report: Report, assets: RenderAssets): Promise<Uint8Array> {
  configureOnce();
  // The patched pdfmake (fixes always; speed-ups unless switched off); installed at the first render.
  installPdfmake(assets.fonts.body.data);
  const view = buildView(report);
  const json = runTemplate(`report-${report.edition}.pdf`, view, { assets, layout: LAYOUT });
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
  doc.content = keepTogether(doc.content as ContentNode[], doc.styles as Styles);
  doc.footer = footer;
  pdfmake.setFonts(fontTable(assets));
  const out = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
