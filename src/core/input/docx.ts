// .docx → document blocks in body order: paragraphs, text boxes, tables with w:gridSpan/w:vMerge resolved into the grid, nested and split tables.
import { parseDocument } from "htmlparser2";
import { NianbaoError } from "../errors.ts";
import type { DocBlock, DocCell, DocTable } from "./layout.ts";
import { Numbering } from "./numbering.ts";
import { DOCX_ZIP_LIMITS, openZip, type ZipArchive } from "./zip.ts";

/** The parts of domhandler's nodes this walker reads. */
interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

/** Deeper XML is refused before the recursive walks below (Word nests a few dozen levels). */
const MAX_DEPTH = 200;

const isEl = (n: Node, name?: string) => n.type === "tag" && (name === undefined || n.name === name);
const kids = (n: Node) => n.children ?? [];
const child = (n: Node, name: string) => kids(n).find((c) => isEl(c, name));
const val = (n: Node | undefined) => n?.attribs?.["w:val"];

/** Whether the XML nests elements deeper than `max`: one pass over the text, before any tree is built. */
function tooDeep(xml: string, max: number): boolean {
  let depth = 0;
  for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x2f)
      depth--; // </
    else if (next !== 0x3f && next !== 0x21) {
      // <? and <! (declarations, comments, CDATA) do not nest; <x/> opens and closes.
      const end = xml.indexOf(">", i);
      if (end < 0) break;
      if (xml.charCodeAt(end - 1) !== 0x2f && ++depth > max) return true;
      i = end;
    }
  }
  return false;
}

/**
 * The XML without the `<name>` elements (run properties: fonts, sizes, colours — never read here, yet a third of a
 * Word document's markup), so the tree below is built of what is read. One forward pass with indexOf: linear on any
 * input; an element nested in one of its own kind (w:rPr inside w:rPrChange inside w:rPr) goes with the outer one.
 */
export function dropElements(xml: string, name: string): string {
  const open = `<${name}`;
  const close = `</${name}>`;
  /** The index just after the open tag at `i` if it is one of `name` (not a longer name), and whether it closes itself. */
  // Asked at rising positions: the next ">" is searched again only once passed (-1: there is none).
  let gt = -2;
  const tagAt = (i: number): [number, boolean] | undefined => {
    const c = xml.charCodeAt(i + open.length);
    if (c !== 0x3e && c !== 0x2f && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return undefined;
    if (gt !== -1 && gt < i) gt = xml.indexOf(">", i);
    return gt < 0 ? undefined : [gt + 1, xml.charCodeAt(gt - 1) === 0x2f];
  };
  const parts: string[] = [];
  let at = 0;
  let i = xml.indexOf(open);
  while (i >= 0) {
    const tag = tagAt(i);
    if (!tag) {
      i = xml.indexOf(open, i + 1);
      continue;
    }
    let end = tag[0];
    if (!tag[1]) {
      // Up to the matching close tag, counting same-named elements opened inside.
      let depth = 1;
      let nextOpen = xml.indexOf(open, end);
      let nextClose = xml.indexOf(close, end);
      while (depth > 0 && nextClose >= 0) {
        if (nextOpen >= 0 && nextOpen < nextClose) {
          const inner = tagAt(nextOpen);
          if (inner && !inner[1]) depth++;
          nextOpen = xml.indexOf(open, nextOpen + 1);
        } else {
          depth--;
          end = nextClose + close.length;
          nextClose = xml.indexOf(close, end);
        }
      }
      // Not closed: left as it is for the parser to judge.
      if (depth > 0) break;
    }
    parts.push(xml.slice(at, i));
    at = end;
    i = xml.indexOf(open, end);
  }
  parts.push(xml.slice(at));
  return parts.join("");
}

/** Joins pieces of a cell or paragraph: nothing between Chinese, a space between two Latin words or numbers. */
function join(parts: readonly string[]): string {
  let out = "";
  for (const p of parts) {
    const t = p.trim();
    if (t === "") continue;
    out += out !== "" && /[0-9A-Za-z]$/.test(out) && /^[0-9A-Za-z]/.test(t) ? ` ${t}` : t;
  }
  return out;
}

class Reader {
  paragraphs = 0;
  tables = 0;

  /** Word's list numbering, when the document uses it: 「一、」「（一）」 drawn by Word become text. */
  private readonly numbering: Numbering | undefined;

  constructor(numbering?: Numbering) {
    this.numbering = numbering;
  }

  /** Block-level children of the body, a cell, a text box or a content control, in order. */
  blocks(container: Node, out: DocBlock[]): void {
    for (const c of kids(container)) {
      if (!isEl(c)) continue;
      switch (c.name) {
        case "w:p":
          this.paragraph(c, out);
          break;
        case "w:tbl":
          out.push(this.table(c));
          break;
        case "w:sdt": {
          const content = child(c, "w:sdtContent");
          if (content) this.blocks(content, out);
          break;
        }
        case "w:customXml":
        case "w:ins":
        case "w:smartTag":
          this.blocks(c, out);
          break;
        case "mc:AlternateContent": {
          const choice = child(c, "mc:Choice") ?? child(c, "mc:Fallback");
          if (choice) this.blocks(choice, out);
          break;
        }
      }
    }
  }

  /** A paragraph's text; text boxes anchored in it follow it as blocks of their own. */
  paragraph(p: Node, out: DocBlock[]): void {
    const boxes: DocBlock[] = [];
    let text = "";
    const walk = (n: Node): void => {
      for (const c of kids(n)) {
        if (c.type === "text") continue;
        if (!isEl(c)) continue;
        switch (c.name) {
          case "w:t":
            text += kids(c)
              .map((t) => t.data ?? "")
              .join("");
            break;
          case "w:tab":
          case "w:ptab":
            text += " ";
            break;
          case "w:br":
          case "w:cr":
            if (c.attribs?.["w:type"] !== "page" && c.attribs?.["w:type"] !== "column") text += "\n";
            break;
          case "w:noBreakHyphen":
            text += "-";
            break;
          case "w:txbxContent":
            this.blocks(c, boxes);
            break;
          case "mc:AlternateContent": {
            // The same drawing twice: the modern form and a VML fallback. Read one.
            const choice = child(c, "mc:Choice") ?? child(c, "mc:Fallback");
            if (choice) walk(choice);
            break;
          }
          // Deleted revisions, field codes, footnote marks and properties hold no visible text.
          case "w:delText":
          case "w:instrText":
          case "w:pPr":
          case "w:rPr":
          case "w:del":
          case "w:moveFrom":
            break;
          default:
            walk(c);
        }
      }
    };
    walk(p);
    const label = this.numbering?.label(child(p, "w:pPr")) ?? "";
    const clean = text
      .split("\n")
      .map((l) => l.replace(/[ \u00a0\u3000]+$/g, "").replace(/^[ \u00a0]+/, ""))
      .join("\n")
      .trim();
    const index = this.paragraphs++;
    if (clean !== "") out.push({ kind: "p", text: label + clean, place: { paragraph: index } });
    out.push(...boxes);
  }

  /** A cell's text (its paragraphs joined) and a nested table if it has one. */
  cellContent(tc: Node): { text: string; nested?: DocTable } {
    const inner: DocBlock[] = [];
    this.blocks(tc, inner);
    const texts: string[] = [];
    let nested: DocTable | undefined;
    for (const b of inner) {
      if (b.kind === "p") texts.push(b.text.replace(/\n/g, ""));
      else if (!nested) nested = b;
      else
        nested = {
          ...nested,
          rows: [...nested.rows, ...b.rows],
          rowPlaces: [...nested.rowPlaces, ...b.rowPlaces],
        };
    }
    const text = join(texts);
    return nested ? { text, nested } : { text };
  }

  table(tbl: Node): DocTable {
    const index = this.tables++;
    const rows: DocCell[][] = [];
    const header: boolean[] = [];
    /** The cell that a w:vMerge continuation in each grid column extends. */
    const open = new Map<number, DocCell>();
    const rowNodes: Node[] = [];
    const collectRows = (n: Node) => {
      for (const c of kids(n)) {
        if (isEl(c, "w:tr")) rowNodes.push(c);
        else if (isEl(c, "w:sdt")) collectRows(child(c, "w:sdtContent") ?? c);
        else if (isEl(c, "w:customXml")) collectRows(c);
      }
    };
    collectRows(tbl);
    for (const tr of rowNodes) {
      const trPr = child(tr, "w:trPr");
      let col = Number(val(trPr && child(trPr, "w:gridBefore")) ?? 0) || 0;
      const row: DocCell[] = [];
      const cells: Node[] = [];
      const collectCells = (n: Node) => {
        for (const c of kids(n)) {
          if (isEl(c, "w:tc")) cells.push(c);
          else if (isEl(c, "w:sdt")) collectCells(child(c, "w:sdtContent") ?? c);
          else if (isEl(c, "w:customXml")) collectCells(c);
        }
      };
      collectCells(tr);
      for (const tc of cells) {
        const tcPr = child(tc, "w:tcPr");
        const span = Math.max(1, Math.min(64, Number(val(tcPr && child(tcPr, "w:gridSpan")) ?? 1) || 1));
        const vMerge = tcPr && child(tcPr, "w:vMerge");
        const content = this.cellContent(tc);
        const above = open.get(col);
        if (vMerge && val(vMerge) !== "restart" && above) {
          above.rowSpan++;
          if (content.text !== "") above.text = join([above.text, content.text]);
        } else {
          const cell: DocCell = { text: content.text, col, colSpan: span, rowSpan: 1 };
          if (content.nested) cell.nested = content.nested;
          row.push(cell);
          for (let k = col; k < col + span; k++) open.delete(k);
          if (vMerge) open.set(col, cell);
        }
        col += span;
      }
      rows.push(row);
      header.push(
        trPr !== undefined &&
          child(trPr, "w:tblHeader") !== undefined &&
          val(child(trPr, "w:tblHeader")) !== "0",
      );
    }
    return {
      kind: "table",
      rows,
      place: { table: index },
      rowPlaces: rows.map(() => ({ table: index })),
      header,
    };
  }
}

const gridWidth = (t: DocTable) =>
  Math.max(0, ...t.rows.map((r) => r.reduce((n, c) => Math.max(n, c.col + c.colSpan), 0)));

/**
 * A table continued after a page break as a second Word table (nothing but empty paragraphs between,
 * the same grid): one table, its repeated header rows dropped.
 */
function joinSplitTables(blocks: DocBlock[]): DocBlock[] {
  const out: DocBlock[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (
      b.kind === "table" &&
      prev?.kind === "table" &&
      gridWidth(prev) === gridWidth(b) &&
      gridWidth(b) > 1
    ) {
      const marks = b.header ?? [];
      const keep = b.rows.map((_, i) => !marks[i]);
      const sameHead = (i: number) =>
        i < prev.rows.length &&
        norm(prev.rows[i] ?? []) === norm(b.rows[i] ?? []) &&
        /[\u4e00-\u9fff]/.test(norm(b.rows[i] ?? []));
      // A repeated header written out by hand instead of marked: the continuation starts with the same rows.
      for (let i = 0; i < b.rows.length && sameHead(i); i++) keep[i] = false;
      b.rows.forEach((r, i) => {
        if (keep[i]) {
          prev.rows.push(r);
          prev.rowPlaces.push(b.rowPlaces[i] ?? b.place);
        }
      });
      continue;
    }
    out.push(b);
  }
  return out;
}

const norm = (row: readonly DocCell[]) => row.map((c) => c.text.replace(/\s+/g, "")).join("|");

/** A part's XML as a tree, refused when nested deeper than Word writes, without its run properties. */
function parseXml(xml: string): Node {
  if (tooDeep(xml, MAX_DEPTH))
    throw new NianbaoError("input_limit", `Word 文档嵌套超过 ${MAX_DEPTH} 层，无法读取`);
  return parseDocument(dropElements(xml, "w:rPr"), { xmlMode: true }) as unknown as Node;
}

/**
 * Word's list numbering (word/numbering.xml, and word/styles.xml for styles that number their paragraphs), read
 * only when the document or a style uses a list.
 */
function numberingOf(zip: ZipArchive, documentXml: string): Numbering | undefined {
  const part = (name: string) => zip.entries.find((e) => e.name === name);
  const numbering = part("word/numbering.xml");
  if (!numbering) return undefined;
  const styles = part("word/styles.xml");
  const stylesXml = styles ? new TextDecoder().decode(zip.read(styles)) : "";
  const styled = stylesXml.includes("<w:numPr");
  if (!styled && !documentXml.includes("<w:numPr")) return undefined;
  const lists = new Numbering(
    parseXml(new TextDecoder().decode(zip.read(numbering))),
    styled ? parseXml(stylesXml) : undefined,
  );
  return lists.empty ? undefined : lists;
}

/** The blocks of a .docx's main document, in body order. Throws NianbaoError for a damaged or oversized file. */
export function readDocx(bytes: Uint8Array): DocBlock[] {
  const zip = openZip(bytes, DOCX_ZIP_LIMITS);
  const entry = zip.entries.find((e) => e.name === "word/document.xml");
  if (!entry) throw new NianbaoError("damaged_file", "文件不是完整的 Word 文档（缺少 word/document.xml）");
  if (entry.flags & 1)
    throw new NianbaoError("encrypted_file", "文档已加密，请在 Word/WPS 中取消密码后再提交");
  const xml = new TextDecoder().decode(zip.read(entry));
  const doc = parseXml(xml);
  const root = kids(doc).find((n) => isEl(n, "w:document"));
  const body = root && child(root, "w:body");
  if (!body) throw new NianbaoError("damaged_file", "文件不是完整的 Word 文档（没有正文）");
  const reader = new Reader(numberingOf(zip, xml));
  const blocks: DocBlock[] = [];
  reader.blocks(body, blocks);
  return joinSplitTables(blocks);
}
