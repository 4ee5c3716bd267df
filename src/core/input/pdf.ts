// PDF → document blocks: pdf.js text items with positions → lines, cells split by gaps, table rows with columns from the values' x-ranges, wrapped and spanning labels joined, page numbers dropped.
import { getResolvedPDFJS } from "unpdf";
import { NianbaoError } from "../errors.ts";
import type { DocBlock, DocCell, DocTable } from "./layout.ts";

/** Far above a real report (5–8 pages, a few thousand text items). */
export const PDF_LIMITS = {
  pages: 300,
  /** Text items of the whole document. */
  items: 300_000,
} as const;

export interface PdfOptions {
  /** The pdf.js module to use (default: unpdf's serverless build, which unpdf loads on first use). */
  pdfjs?: () => Promise<PdfJs>;
}

/** The part of pdf.js this reader uses. */
export interface PdfJs {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDoc>; destroy(): Promise<void> };
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}
interface PdfPage {
  getViewport(o: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup(): void;
}

/** A run of text on a page, in top-down coordinates (y of the baseline from the page top). */
interface Item {
  s: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/** Text pieces of one line split where there is a gap wider than a character: a cell, or a prose line. */
interface Chunk extends Item {
  numeric: boolean;
}

interface Line {
  y: number;
  size: number;
  chunks: Chunk[];
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]/;
const NUMERIC = /^(?:[0-9０-９][0-9０-９.,，．]*%?|[/／—–－-]|无)$/;
const PAGE_MARK = /^[-—–－\s]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?[-—–－\s]*$/;

/** Joins two pieces of text: nothing between Chinese, a space between Latin words or numbers. */
function glue(a: string, b: string): string {
  if (a === "") return b;
  const last = a[a.length - 1] ?? "";
  const first = b[0] ?? "";
  return CJK.test(last) || CJK.test(first) ? a + b : `${a} ${b}`;
}

/** Spaces inside Chinese text come from letter spacing (「商 业 企」): dropped. */
const tidy = (s: string) =>
  s
    .replace(
      /(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”0-9])/g,
      "",
    )
    .replace(/(?<=[0-9.]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”])/g, "")
    .trim();

const shortText = (s: string) => s.replace(/[\s、，。．.]/g, "").length <= 2;

/**
 * A label written one or two characters a line (the vertical 「三、本年度办理结果」, a header cell
 * 「社会/公益/组织」): three or more short pieces stacked at the same x become one piece at the first's place.
 */
function joinVertical(items: Item[]): Item[] {
  const out: Item[] = [];
  const used = new Set<Item>();
  const sorted = [...items].sort((a, b) => a.x - b.x || a.y - b.y);
  for (const it of sorted) {
    if (used.has(it)) continue;
    if (!shortText(it.s) || NUMERIC.test(tidy(it.s))) {
      out.push(it);
      continue;
    }
    const chain = [it];
    for (const next of sorted) {
      const last = chain[chain.length - 1] as Item;
      if (next === last || used.has(next) || next.y <= last.y) continue;
      if (Math.abs(next.x - it.x) > 1 || !shortText(next.s) || NUMERIC.test(tidy(next.s))) continue;
      if (next.y - last.y <= 2.1 * Math.max(next.size, last.size)) chain.push(next);
    }
    if (chain.length >= 3) {
      for (const c of chain) used.add(c);
      out.push({ ...it, s: chain.map((c) => tidy(c.s)).join(""), w: Math.max(...chain.map((c) => c.w)) });
    } else out.push(it);
  }
  return out;
}

function toLines(items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { y: number; size: number; items: Item[] }[] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(it.y - line.y) <= 0.45 * Math.min(it.size, line.size)) {
      line.items.push(it);
      // The line's y is its pieces' mean: labels and values of a row sit a point or two apart.
      line.y += (it.y - line.y) / line.items.length;
    } else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  return lines.map((l) => {
    const items = l.items.sort((a, b) => a.x - b.x);
    const chunks: Chunk[] = [];
    for (const it of items) {
      const prev = chunks[chunks.length - 1];
      const gap = prev ? it.x - (prev.x + prev.w) : Number.POSITIVE_INFINITY;
      const numericPair = prev && NUMERIC.test(tidy(prev.s)) && NUMERIC.test(tidy(it.s));
      if (prev && gap < Math.min(prev.size, it.size) * (numericPair ? 0.4 : 0.5)) {
        prev.s = glue(prev.s, it.s);
        prev.w = it.x + it.w - prev.x;
        prev.size = Math.max(prev.size, it.size);
      } else chunks.push({ ...it, numeric: false });
    }
    for (const c of chunks) {
      c.s = tidy(c.s);
      c.numeric = NUMERIC.test(c.s);
    }
    return { y: l.y, size: Math.min(...items.map((i) => i.size)), chunks: chunks.filter((c) => c.s !== "") };
  });
}

const isValueLine = (l: Line) => {
  const numbers = l.chunks.filter((c) => c.numeric).length;
  return numbers >= 2 || (numbers === 1 && l.chunks.length >= 2 && !l.chunks[0]?.numeric);
};

/** Column x-ranges: the values of a table overlap their column's neighbours above and below, not the next column's. */
function columnsOf(values: Chunk[]): { x0: number; x1: number }[] {
  const cols: { x0: number; x1: number }[] = [];
  for (const v of [...values].sort((a, b) => a.x - b.x)) {
    const col = cols.find((c) => v.x <= c.x1 + 1 && v.x + v.w >= c.x0 - 1);
    if (col) {
      col.x0 = Math.min(col.x0, v.x);
      col.x1 = Math.max(col.x1, v.x + v.w);
    } else cols.push({ x0: v.x, x1: v.x + v.w });
  }
  // Two ranges that grew into each other are one column.
  cols.sort((a, b) => a.x0 - b.x0);
  const merged: { x0: number; x1: number }[] = [];
  for (const c of cols) {
    const last = merged[merged.length - 1];
    if (last && c.x0 <= last.x1) last.x1 = Math.max(last.x1, c.x1);
    else merged.push({ ...c });
  }
  return merged;
}

interface Group {
  /** Header lines above the first value line. */
  header: Line[];
  /** The lines with values (a line of one number counts inside a table). */
  values: Set<Line>;
  /** Value lines and the label pieces between them, in order. */
  body: Line[];
}

/** Splits a page's lines into prose and table groups. */
function groupPage(lines: Line[], contentWidth: number): (Line | Group)[] {
  const out: (Line | Group)[] = [];
  let group: Group | undefined;
  let tableSize = 0;
  /** Lines after a table's last value line are not part of it. */
  const close = () => {
    if (!group) return;
    const tail: Line[] = [];
    while (group.body.length > 0 && !group.values.has(group.body[group.body.length - 1] as Line))
      tail.unshift(group.body.pop() as Line);
    out.push(...tail);
    group = undefined;
  };
  const prosy = (l: Line) =>
    l.chunks.length === 1 && (l.chunks[0]?.w ?? 0) > 0.55 * contentWidth && !(l.chunks[0]?.numeric ?? false);
  const headerish = (l: Line) => l.chunks.length >= 2 && l.chunks.every((c) => !c.numeric);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const lone = group !== undefined && l.chunks.length > 0 && l.chunks.every((c) => c.numeric);
    if (isValueLine(l) || lone) {
      if (!group) {
        // Header lines: the non-prose lines right above, of the table's size, up to eight.
        const header: Line[] = [];
        while (header.length < 8 && out.length > 0) {
          const prev = out[out.length - 1];
          if (!prev || "header" in prev || prosy(prev) || prev.size > l.size * 1.3 + 0.5) break;
          const next = header[0] ?? l;
          if (next.y - prev.y > 4 * Math.max(prev.size, next.size)) break;
          header.unshift(prev);
          out.pop();
        }
        group = { header, body: [], values: new Set() };
        tableSize = l.size;
        out.push(group);
      }
      group.body.push(l);
      group.values.add(l);
      tableSize = Math.min(tableSize, l.size);
      continue;
    }
    if (group) {
      const last = group.body[group.body.length - 1] as Line;
      const far = l.y - last.y > 4 * Math.max(l.size, last.size);
      const bigger = l.size > tableSize * 1.25 + 0.5;
      // A header line after the values starts the next table (table 二's parts have a header each).
      if (!far && !bigger && !prosy(l) && !headerish(l)) {
        group.body.push(l);
        continue;
      }
      close();
    }
    out.push(l);
  }
  close();
  return out;
}

/** Header lines → rows; a cell wrapped over lines (「商业企」「业」) is joined into its first line. */
function headerRows(lines: Line[]): string[][] {
  const rows = lines.map((l) => l.chunks.map((c) => ({ ...c })));
  for (let i = 1; i < rows.length; i++) {
    const prevLine = lines[i - 1] as Line;
    const line = lines[i] as Line;
    if (line.y - prevLine.y > 1.9 * Math.max(line.size, prevLine.size)) continue;
    const row = rows[i] as Chunk[];
    for (let k = row.length - 1; k >= 0; k--) {
      const c = row[k] as Chunk;
      const above = (rows[i - 1] as Chunk[]).find((a) => Math.abs(a.x - c.x) <= 2 && !a.numeric);
      if (above && !c.numeric) {
        above.s = glue(above.s, c.s);
        row.splice(k, 1);
      }
    }
  }
  return rows.filter((r) => r.length > 0).map((r) => r.map((c) => c.s));
}

/** A table group → rows of cells: label cells, then one cell per column (blank where the row has no value). */
function groupTable(g: Group, page: number, index: number): DocTable {
  const valueLines = g.body.filter((l) => g.values.has(l));
  const firstValue = (l: Line) =>
    l.chunks.findIndex(
      (c, i) => c.numeric && (i > 0 || l.chunks.length === 1 || l.chunks.every((x) => x.numeric)),
    );
  const values: Chunk[] = [];
  for (const l of valueLines) {
    const f = firstValue(l);
    values.push(...l.chunks.slice(f).filter((c) => c.numeric));
  }
  const cols = columnsOf(values);
  const valueStart = cols[0]?.x0 ?? Number.POSITIVE_INFINITY;
  interface Row {
    y: number;
    size: number;
    cells: string[];
    /** Label pieces of the row: on its line, and wrapped above or below it. */
    pieces: Chunk[];
    /** Label cells, left to right: pieces at one x joined top to bottom. */
    labels: { x: number; top: number; bottom: number; text: string }[];
  }
  const rows: Row[] = valueLines.map((l) => {
    const cells = cols.map(() => "");
    for (const c of l.chunks) {
      if (c.x + c.w <= valueStart + 1) continue;
      const k = cols.findIndex((col) => c.x <= col.x1 + 1 && c.x + c.w >= col.x0 - 1);
      const at = k < 0 ? cols.length - 1 : k;
      cells[at] = glue(cells[at] ?? "", c.s);
    }
    return { y: l.y, size: l.size, cells, pieces: [], labels: [] };
  });
  // Every label piece goes to the row whose line is nearest: a label wrapped over two or three lines sits
  // around its row's values.
  for (const l of g.body)
    for (const c of l.chunks) {
      if (g.values.has(l) && c.x + c.w > valueStart + 1) continue;
      let best: Row | undefined;
      for (const r of rows) if (!best || Math.abs(r.y - l.y) < Math.abs(best.y - l.y)) best = r;
      best?.pieces.push({ ...c, y: l.y });
    }
  for (const r of rows) {
    const byX = [...r.pieces].sort((a, b) => a.x - b.x || a.y - b.y);
    for (const p of byX) {
      const cell = r.labels.find(
        (c) => Math.abs(c.x - p.x) <= 3 || (p.x > c.x && p.x < c.x + 2 * p.size && p.y > c.top),
      );
      if (cell) {
        cell.text = p.y < cell.top ? glue(p.s, cell.text) : glue(cell.text, p.s);
        cell.top = Math.min(cell.top, p.y);
        cell.bottom = Math.max(cell.bottom, p.y);
      } else r.labels.push({ x: p.x, top: p.y, bottom: p.y, text: p.s });
    }
    r.labels.sort((a, b) => a.x - b.x);
  }
  // A label spanning rows (「（三）不」「予公开」) was shared out among them: joined into its first row.
  for (let i = 0; i + 1 < rows.length; i++) {
    const r = rows[i] as Row;
    const next = rows[i + 1] as Row;
    const lead = r.labels.length > 1 ? r.labels[0] : undefined;
    const cont = next.labels.length > 1 ? next.labels[0] : undefined;
    if (
      lead &&
      cont &&
      Math.abs(lead.x - cont.x) <= 3 &&
      cont.top - lead.bottom <= 3 * Math.max(r.size, next.size)
    ) {
      lead.text = glue(lead.text, cont.text);
      lead.bottom = cont.bottom;
      next.labels.shift();
      i--;
    }
  }
  const header = headerRows(g.header);
  const cellsOf = (texts: string[]): DocCell[] =>
    texts.map((text, col) => ({ text, col, colSpan: 1, rowSpan: 1 }));
  const all: DocCell[][] = [
    ...header.map(cellsOf),
    ...rows.map((r) => cellsOf([...r.labels.map((c) => c.text), ...r.cells])),
  ];
  return {
    kind: "table",
    rows: all,
    place: { page, table: index },
    rowPlaces: all.map(() => ({ page, table: index })),
  };
}

/** unpdf's serverless pdf.js build, which unpdf loads on first use (no worker thread, no eval). */
async function defaultPdfJs(): Promise<PdfJs> {
  return (await getResolvedPDFJS()) as unknown as PdfJs;
}

function itemsOf(content: { items: unknown[] }, height: number): Item[] {
  const out: Item[] = [];
  for (const raw of content.items) {
    const it = raw as { str?: string; transform?: number[]; width?: number };
    if (typeof it.str !== "string" || it.str.trim() === "" || !it.transform) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    // Vertical presentation forms (「︑」 in a label written top to bottom) are the ordinary marks.
    const str = it.str.replace(/[\ufe10-\ufe19\ufe30-\ufe4f]/g, (c) => c.normalize("NFKC"));
    out.push({ s: str, x: e, y: height - f, w: it.width ?? 0, size });
  }
  return out;
}

interface PageText {
  width: number;
  height: number;
  items: Item[];
}

/**
 * A copy of the PDF whose font programs pdf.js will not find (「/FontFile」 → 「/FontFilZ」, same length, so
 * every offset holds). Text needs only the fonts' widths and ToUnicode maps; checking the embedded CJK
 * fonts' glyphs is most of pdf.js's time. Dictionaries inside compressed object streams are left as they are.
 */
function withoutFontPrograms(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const key = [0x2f, 0x46, 0x6f, 0x6e, 0x74, 0x46, 0x69, 0x6c, 0x65]; // "/FontFile"
  for (let i = out.indexOf(0x2f); i >= 0 && i + key.length <= out.length; i = out.indexOf(0x2f, i + 1)) {
    let k = 1;
    while (k < key.length && out[i + k] === key[k]) k++;
    if (k === key.length) out[i + 8] = 0x5a;
  }
  return out;
}

/** Text that came out wrong without the font programs: replacement or private-use characters, or no Chinese. */
function looksWrong(pages: readonly PageText[]): boolean {
  let chars = 0;
  let bad = 0;
  let cjk = 0;
  for (const p of pages)
    for (const it of p.items)
      for (const ch of it.s) {
        chars++;
        const c = ch.codePointAt(0) ?? 0;
        if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c < 0x20) bad++;
        else if (c >= 0x4e00 && c <= 0x9fff) cjk++;
      }
  return chars > 0 && (bad > chars * 0.01 || cjk === 0);
}

/** The text items of every page. Throws NianbaoError: encrypted_file, damaged_file, input_limit. */
async function pagesOf(pdfjs: PdfJs, bytes: Uint8Array): Promise<PageText[]> {
  // pdf.js takes the buffer over: it gets its own copy.
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PdfDoc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = e instanceof Error ? e.name : "";
    if (name === "PasswordException")
      throw new NianbaoError("encrypted_file", "PDF 已加密，请去掉打开密码后再提交");
    throw new NianbaoError("damaged_file", "PDF 已损坏，无法读取", {}, { cause: e });
  }
  try {
    if (doc.numPages > PDF_LIMITS.pages)
      throw new NianbaoError("input_limit", `输入超过处理限制：PDF 页数不能超过 ${PDF_LIMITS.pages}`);
    const pages: PageText[] = [];
    let items = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const pageItems = itemsOf(await page.getTextContent(), height);
      page.cleanup();
      items += pageItems.length;
      if (items > PDF_LIMITS.items)
        throw new NianbaoError("input_limit", `输入超过处理限制：PDF 文字块数不能超过 ${PDF_LIMITS.items}`);
      pages.push({ width, height, items: pageItems });
    }
    return pages;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** The blocks of a PDF with a text layer. Throws NianbaoError: encrypted_file, damaged_file, input_limit, no_text_layer. */
export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<DocBlock[]> {
  const pdfjs = await (options.pdfjs ?? defaultPdfJs)();
  let pages = await pagesOf(pdfjs, withoutFontPrograms(bytes));
  if (looksWrong(pages)) pages = await pagesOf(pdfjs, bytes.slice());
  {
    const blocks: DocBlock[] = [];
    let chars = 0;
    let paragraph = 0;
    let table = 0;
    for (const [i, { width, height, items: pageItems }] of pages.entries()) {
      const n = i + 1;
      let lines = toLines(joinVertical(pageItems));
      // Page numbers 「- 1 -」 in the top or bottom margin.
      lines = lines.filter(
        (l) =>
          !(
            l.chunks.length === 1 &&
            PAGE_MARK.test(l.chunks[0]?.s ?? "") &&
            (l.y < height * 0.1 || l.y > height * 0.88)
          ),
      );
      const xs = lines.flatMap((l) => l.chunks.map((c) => [c.x, c.x + c.w] as const));
      const contentWidth = xs.length
        ? Math.max(...xs.map((x) => x[1])) - Math.min(...xs.map((x) => x[0]))
        : width;
      for (const part of groupPage(lines, contentWidth)) {
        if ("header" in part) {
          blocks.push(groupTable(part, n, table++));
          continue;
        }
        const text = part.chunks.reduce((t, c) => glue(t, c.s), "");
        chars += text.length;
        blocks.push({ kind: "p", text, place: { page: n, paragraph: paragraph++ } });
      }
    }
    const tableChars = blocks.reduce((k, b) => k + (b.kind === "table" ? b.rows.length : 0), 0);
    if (chars + tableChars < 20) throw new NianbaoError("no_text_layer");
    return blocks;
  }
}
