// The document as read from a .docx or PDF (paragraphs and tables with their places) → HTML for the parser, and each parsed line's place.
import { htmlToText } from "../parse/html.ts";

/** Where a piece of text was in the file: page (PDF, 1-based), paragraph, table, row and cell (0-based, grid column). */
export interface Place {
  page?: number;
  paragraph?: number;
  table?: number;
  row?: number;
  cell?: number;
}

export interface DocCell {
  text: string;
  /** Grid column where the cell starts. */
  col: number;
  colSpan: number;
  rowSpan: number;
  /** A table nested in the cell, read as its own table. */
  nested?: DocTable;
}

export interface DocTable {
  kind: "table";
  rows: DocCell[][];
  place: Place;
  /** The place of each row (a table split over pages has rows on two pages). */
  rowPlaces: Place[];
  /** Rows Word marks as a header repeated on each page (w:tblHeader). */
  header?: boolean[];
}

export type DocBlock = { kind: "p"; text: string; place: Place } | DocTable;

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function tableHtml(t: DocTable, out: string[]): void {
  out.push("<table>");
  for (const row of t.rows) {
    out.push("<tr>");
    for (const c of row) {
      const span = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ""}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ""}`;
      out.push(`<td${span}>${escapeHtml(c.text)}`);
      if (c.nested) tableHtml(c.nested, out);
      out.push("</td>");
    }
    out.push("</tr>");
  }
  out.push("</table>\n");
}

/** HTML of the blocks: one <p> per paragraph, tables with rowspan/colspan, empty cells empty. */
export function blocksToHtml(blocks: readonly DocBlock[]): string {
  const out: string[] = ["<!doctype html><html><body>\n"];
  for (const b of blocks) {
    if (b.kind === "p") out.push(`<p>${escapeHtml(b.text).replace(/\n/g, "<br>")}</p>\n`);
    else tableHtml(b, out);
  }
  out.push("</body></html>\n");
  return out.join("");
}

interface Expected {
  text: string;
  place: Place;
  /** Grid column of each tab-separated cell of a table row line. */
  cells?: number[];
}

const norm = (s: string) => s.replace(/[\s\u00a0]+/g, "");

function expectedLines(blocks: readonly DocBlock[], out: Expected[]): void {
  for (const b of blocks) {
    if (b.kind === "p") {
      for (const part of b.text.split("\n")) out.push({ text: norm(part), place: b.place });
      continue;
    }
    b.rows.forEach((row, r) => {
      const place = { ...b.place, ...b.rowPlaces[r], row: r };
      out.push({ text: norm(row.map((c) => c.text).join("")), place, cells: row.map((c) => c.col) });
      for (const c of row) if (c.nested) expectedLines([c.nested], out);
    });
  }
}

/** Looks up the place of a line (1-based) and column (1-based) of the text the parser reads from the HTML. */
export type Locate = (line: number, column?: number) => Place | undefined;

/**
 * The lines the HTML parser makes of `html` (htmlToText), matched in order to the blocks they came from:
 * a line → its paragraph, or its table row, and by its tabs the cell.
 */
export function locator(html: string, blocks: readonly DocBlock[]): { text: string; locate: Locate } {
  const text = htmlToText(html);
  const lines = text.split("\n");
  const expected: Expected[] = [];
  expectedLines(blocks, expected);
  const found: (Expected | undefined)[] = [];
  let j = 0;
  for (const line of lines) {
    const want = norm(line);
    let hit: Expected | undefined;
    if (want !== "")
      for (let k = j; k < Math.min(expected.length, j + 64); k++)
        if (expected[k]?.text === want) {
          hit = expected[k];
          j = k + 1;
          break;
        }
    found.push(hit);
  }
  const locate: Locate = (line, column) => {
    const hit = found[line - 1];
    if (!hit) return undefined;
    if (!hit.cells || column === undefined) return { ...hit.place };
    const before = (lines[line - 1] ?? "").slice(0, Math.max(0, column - 1));
    const index = before.split("\t").length - 1;
    return { ...hit.place, cell: hit.cells[index] ?? hit.cells[hit.cells.length - 1] };
  };
  return { text, locate };
}
