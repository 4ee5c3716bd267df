// Reads a PDF with pdf.js for the tests: text with positions, fonts, metadata, outline, pages, and rasters on @napi-rs/canvas.
import { getDocument, type PDFDocumentProxy, type PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

/** One run of text as pdf.js reads it, in content-stream order; x, y in PDF points from the page's bottom left. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The PDF name of the font it is drawn in (e.g. ABCDEF+NotoSerifSC-Regular); pdfText() gives pdf.js's id instead. */
  font: string;
}

export interface PdfFont {
  /** The BaseFont name, with its six-letter subset tag when it has one. */
  name: string;
  /** The font program is in the file. */
  embedded: boolean;
  /** The name carries a subset tag (six capitals and "+"), as pdffonts decides it. */
  subset: boolean;
  /** Every character drawn in it maps to real Unicode text: none lost, none in the private use area. */
  unicode: boolean;
  /** PDF font type, e.g. Type0, TrueType, Type1. */
  type: string;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  /** Page size in points. */
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Text line by line, top to bottom, runs on one line in x order separated by spaces (like pdftotext). */
  text: string;
  /** Text in content-stream order (like pdftotext -raw): a label wrapped inside a table cell stays in one piece. */
  raw: string;
}

/** The text of a PDF, page by page: what pdfText() reads (fast: no font programs loaded). */
export interface PdfText {
  pages: number;
  pageList: PdfPage[];
  /** The pages' text joined with form feeds, as pdftotext prints them. */
  text: string;
  raw: string;
}

/** Everything pdfFacts() reads: the text and, loading every font the pages draw with, fonts, metadata and outline. */
export interface PdfFacts extends PdfText {
  /** The document information dictionary: Title, Author, Subject, Keywords, Creator, Producer, CreationDate... */
  info: Record<string, string>;
  /** XMP metadata as pdf.js parses it (dc:title etc.), empty when the file has none. */
  xmp: Record<string, unknown>;
  fonts: PdfFont[];
  /** Outline (bookmark) titles, depth-first. */
  outline: string[];
}

/** Opens a PDF with pdf.js (the bytes are copied: pdf.js takes the buffer); close() frees it. */
export async function openPdf(
  pdf: Uint8Array,
): Promise<{ doc: PDFDocumentProxy; close: () => Promise<void> }> {
  const task = getDocument({
    data: pdf.slice(),
    useSystemFonts: false,
    fontExtraProperties: true,
    verbosity: 0,
  });
  return { doc: await task.promise, close: () => task.destroy() };
}

/** Characters that say a glyph has no Unicode: replacement character, private use area, C0 controls. */
function notUnicode(s: string): boolean {
  for (const ch of s) {
    const n = ch.codePointAt(0) ?? 0;
    if (n === 0xfffd || (n >= 0xe000 && n <= 0xf8ff) || n < 0x09 || (n >= 0x0e && n < 0x20)) return true;
  }
  return false;
}

/** Same baseline within this many points: one line of text. */
const LINE_TOLERANCE = 2;

function lines(items: PdfTextItem[]): string {
  const rows: { y: number; items: PdfTextItem[] }[] = [];
  for (const item of items) {
    if (!item.str.trim()) continue;
    const row = rows.find((r) => Math.abs(r.y - item.y) <= LINE_TOLERANCE);
    if (row) row.items.push(item);
    else rows.push({ y: item.y, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows
    .map((r) => {
      r.items.sort((a, b) => a.x - b.x);
      let out = "";
      let end = Number.NEGATIVE_INFINITY;
      for (const it of r.items) {
        // A gap wider than a fifth of the text height separates two runs, as pdftotext puts a space there.
        if (out && it.x - end > Math.max(1, it.height * 0.2)) out += " ";
        out += it.str;
        end = it.x + it.width;
      }
      return out;
    })
    .join("\n");
}

function rawText(items: PdfTextItem[], eols: boolean[]): string {
  let out = "";
  for (const [i, it] of items.entries()) {
    const prev = items[i - 1];
    if (prev && !eols[i - 1] && Math.abs(prev.y - it.y) > LINE_TOLERANCE) out += "\n";
    out += it.str;
    if (eols[i]) out += "\n";
  }
  return out;
}

async function readPage(page: PDFPageProxy, fonts: Map<string, PdfFont> | undefined): Promise<PdfPage> {
  const [, , width, height] = page.view as [number, number, number, number];
  // The operator list makes pdf.js load every font the page draws with (four times the cost of the text alone).
  if (fonts) await page.getOperatorList();
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  const eols: boolean[] = [];
  const names = new Map<string, string>();
  for (const item of content.items) {
    if (!("str" in item)) continue;
    let name = names.get(item.fontName);
    if (name === undefined) {
      const font = page.commonObjs.has(item.fontName)
        ? (page.commonObjs.get(item.fontName) as {
            name?: string;
            missingFile?: boolean;
            type?: string;
          })
        : undefined;
      name = font?.name ?? item.fontName;
      names.set(item.fontName, name);
      if (fonts && !fonts.has(name))
        fonts.set(name, {
          name,
          embedded: font ? !font.missingFile : false,
          subset: /^[A-Z]{6}\+/.test(name),
          unicode: true,
          type: font?.type ?? "",
        });
    }
    const f = fonts?.get(name);
    if (f && item.str && notUnicode(item.str)) f.unicode = false;
    const [, , , d = 0, e = 0, fy = 0] = item.transform as number[];
    items.push({
      str: item.str,
      x: e,
      y: fy,
      width: item.width,
      height: item.height || Math.abs(d),
      font: name,
    });
    eols.push(item.hasEOL);
  }
  return {
    number: page.pageNumber,
    width,
    height,
    items,
    text: lines(items),
    raw: rawText(items, eols),
  };
}

type OutlineNode = { title: string; items?: OutlineNode[] };
const flattenOutline = (nodes: OutlineNode[]): string[] =>
  nodes.flatMap((n) => [n.title, ...flattenOutline(n.items ?? [])]);

async function readPages(doc: PDFDocumentProxy, fonts: Map<string, PdfFont> | undefined): Promise<PdfText> {
  const pageList: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    pageList.push(await readPage(page, fonts));
    page.cleanup();
  }
  return {
    pages: doc.numPages,
    pageList,
    text: pageList.map((p) => p.text).join("\n\f"),
    raw: pageList.map((p) => p.raw).join("\n\f"),
  };
}

/** The text of every page with positions, read by pdf.js without loading font programs. */
export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
  const { doc, close } = await openPdf(pdf);
  try {
    return await readPages(doc, undefined);
  } finally {
    await close();
  }
}

/** Everything the tests check in a PDF, read by pdf.js: text, fonts, metadata, outline. */
export async function pdfFacts(pdf: Uint8Array): Promise<PdfFacts> {
  const { doc, close } = await openPdf(pdf);
  try {
    const fonts = new Map<string, PdfFont>();
    const text = await readPages(doc, fonts);
    const meta = await doc.getMetadata();
    const info: Record<string, string> = {};
    for (const [k, v] of Object.entries((meta.info ?? {}) as Record<string, unknown>))
      if (typeof v === "string") info[k] = v;
    const xmp = meta.metadata ? Object.fromEntries(meta.metadata) : {};
    const outline = flattenOutline(((await doc.getOutline()) ?? []) as OutlineNode[]);
    return { ...text, info, xmp, fonts: [...fonts.values()], outline };
  } finally {
    await close();
  }
}

/** Outline (bookmark) titles, depth-first. */
export async function pdfOutline(pdf: Uint8Array): Promise<string[]> {
  const { doc, close } = await openPdf(pdf);
  try {
    return flattenOutline(((await doc.getOutline()) ?? []) as OutlineNode[]);
  } finally {
    await close();
  }
}

/** Each page's text in content-stream order, one string per page. */
export async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  return (await pdfText(pdf)).pageList.map((p) => p.raw);
}

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row from the top. */
  data: Uint8ClampedArray;
  /** The same pixels as a PNG file, to look at or keep beside a failed test. */
  png(): Buffer;
}

/**
 * Draws one page (1-based) with pdf.js on @napi-rs/canvas at `scale` (1 = 72 dpi) on white.
 * Fonts are drawn from the file's embedded programs, so the result needs no system font.
 */
export async function rasterPage(pdf: Uint8Array, pageNumber = 1, scale = 1): Promise<Raster> {
  const { createCanvas } = await import("@napi-rs/canvas");
  const { doc, close } = await openPdf(pdf);
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: ctx as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    page.cleanup();
    return {
      width: canvas.width,
      height: canvas.height,
      data: image.data,
      png: () => canvas.toBuffer("image/png"),
    };
  } finally {
    await close();
  }
}

/** Share of pixels (0–1) whose any channel differs by more than `tolerance` between two rasters of one size. */
export function pixelDifference(a: Raster, b: Raster, tolerance = 32): number {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`raster sizes differ: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  let differ = 0;
  for (let i = 0; i < a.data.length; i += 4)
    for (let c = 0; c < 3; c++)
      if (Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0)) > tolerance) {
        differ++;
        break;
      }
  return differ / (a.width * a.height);
}

/** Share of pixels (0–1) that are not near white: how much of the page is inked. */
export function inkCoverage(r: Raster, threshold = 200): number {
  let ink = 0;
  for (let i = 0; i < r.data.length; i += 4)
    if (Math.min(r.data[i] ?? 255, r.data[i + 1] ?? 255, r.data[i + 2] ?? 255) < threshold) ink++;
  return ink / (r.width * r.height);
}
