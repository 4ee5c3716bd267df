// The document as read from a .docx or PDF (paragraphs and tables with their places) → HTML for the parser, and each HTML line's place.

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

/** Where each line of the HTML came from: a paragraph, or a table row with the column where each of its cells starts. */
interface LinePlace {
  place: Place;
  /** For a row: [column (1-based) where the cell's <td> starts, grid column]. */
  cells?: [number, number][];
}

function tableHtml(t: DocTable, out: string[], places: LinePlace[]): void {
  out.push("<table>\n");
  places.push({ place: t.place });
  t.rows.forEach((row, r) => {
    let line = "<tr>";
    const cells: [number, number][] = [];
    const nested: DocTable[] = [];
    for (const c of row) {
      const span = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ""}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ""}`;
      cells.push([line.length + 1, c.col]);
      line += `<td${span}>${escapeHtml(c.text)}`;
      if (c.nested) {
        // A nested table goes on lines of its own, closed on the next line.
        out.push(`${line}\n`);
        places.push({ place: { ...t.place, ...t.rowPlaces[r], row: r }, cells: [...cells] });
        tableHtml(c.nested, out, places);
        nested.push(c.nested);
        line = "</td>";
        cells.length = 0;
        continue;
      }
      line += "</td>";
    }
    out.push(`${line}</tr>\n`);
    places.push({ place: { ...t.place, ...t.rowPlaces[r], row: r }, ...(cells.length ? { cells } : {}) });
  });
  out.push("</table>\n");
  places.push({ place: t.place });
}

/** Looks up the place of a line (1-based) and column (1-based) of the HTML the parser reads. */
export type Locate = (line: number, column?: number) => Place | undefined;

/**
 * HTML of the blocks, one line per paragraph and per table row (tables with rowspan/colspan, empty cells
 * empty), and the place in the file of each line and cell of it.
 */
export function blocksToHtml(blocks: readonly DocBlock[]): { html: string; locate: Locate } {
  const out: string[] = ["<!doctype html><html><body>\n"];
  const places: LinePlace[] = [{ place: {} }];
  for (const b of blocks) {
    if (b.kind === "p") {
      for (const [i, part] of b.text.split("\n").entries()) {
        out.push(
          `${i === 0 ? "<p>" : "<br>"}${escapeHtml(part)}${i === b.text.split("\n").length - 1 ? "</p>" : ""}\n`,
        );
        places.push({ place: b.place });
      }
    } else tableHtml(b, out, places);
  }
  out.push("</body></html>\n");
  const locate: Locate = (line, column) => {
    const hit = places[line - 1];
    if (!hit) return undefined;
    if (!hit.cells || column === undefined) return { ...hit.place };
    let cell: number | undefined;
    for (const [start, col] of hit.cells) if (start <= column) cell = col;
    return cell === undefined ? { ...hit.place } : { ...hit.place, cell };
  };
  return { html: out.join(""), locate };
}

/** Fills page, paragraph, table, row and cell into sources (line/column in the HTML) found by `locate`. */
export function placeSources<T extends { line: number; column: number }>(
  sources: Record<string, T>,
  locate: Locate,
): Record<string, T & Place> {
  const out: Record<string, T & Place> = {};
  for (const [pointer, s] of Object.entries(sources)) out[pointer] = { ...s, ...locate(s.line, s.column) };
  return out;
}
