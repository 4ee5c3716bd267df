// Test helper: .docx files built by hand (OOXML zipped with fflate), from our own rendered HTML or from parts, with the shapes Word writes.
import { zipSync } from "fflate";
import { parseDocument } from "htmlparser2";

interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

/** A paragraph; runs split where Word would (every few characters), with a tab and a field code to ignore. */
export function para(text: string): string {
  const runs: string[] = [];
  for (let i = 0; i < text.length; i += 7)
    runs.push(
      `<w:r><w:rPr><w:rFonts w:ascii="仿宋"/></w:rPr><w:t xml:space="preserve">${xml(text.slice(i, i + 7))}</w:t></w:r>`,
    );
  return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${runs.join("")}</w:p>`;
}

/** A text box anchored in an empty paragraph, written twice as Word does (DrawingML and the VML fallback). */
export function textBox(inner: string): string {
  const box = `<w:txbxContent>${inner}</w:txbxContent>`;
  return `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
}

export interface Cell {
  text: string;
  span?: number;
  /** restart: the first cell of a vertical merge; continue: a cell it covers. */
  vMerge?: "restart" | "continue";
  /** OOXML put inside the cell instead of the text (a nested table). */
  inner?: string;
}

export function table(rows: Cell[][], header: boolean[] = []): string {
  const trs = rows.map((r, i) => {
    const trPr = header[i] ? "<w:trPr><w:tblHeader/></w:trPr>" : "";
    const tcs = r.map((c) => {
      const pr = `${c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ""}${
        c.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : c.vMerge === "continue" ? "<w:vMerge/>" : ""
      }`;
      const body = c.inner ?? (c.text === "" ? "<w:p/>" : c.text.split("\n").map(para).join(""));
      return `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${pr}</w:tcPr>${body}</w:tc>`;
    });
    return `<w:tr>${trPr}${tcs.join("")}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblStyle w:val="a"/></w:tblPr><w:tblGrid/>${trs.join("")}</w:tbl>`;
}

/** A page break as Word writes it between the two parts of a split table. */
export const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** The zipped .docx of a body. */
export function docx(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const enc = new TextEncoder();
  return zipSync({
    "[Content_Types].xml": enc.encode(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": enc.encode(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": enc.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
    ...extra,
  });
}

const kids = (n: Node) => n.children ?? [];
const text = (n: Node): string =>
  n.type === "text" ? (n.data ?? "") : n.name === "style" ? "" : kids(n).map(text).join("");

/** Rows of an HTML table → Word rows: colspan → gridSpan, rowspan → vMerge restart + continue cells. */
export function htmlTableRows(t: Node): Cell[][] {
  const trs: Node[] = [];
  const collect = (n: Node) => {
    for (const c of kids(n))
      if (c.name === "tr") trs.push(c);
      else if (c.type === "tag") collect(c);
  };
  collect(t);
  const covered = new Map<string, number>(); // "row,col" → colspan of the cell merged down into it
  return trs.map((tr, r) => {
    const out: Cell[] = [];
    let col = 0;
    const flushCovered = () => {
      for (let span = covered.get(`${r},${col}`); span !== undefined; span = covered.get(`${r},${col}`)) {
        out.push({ text: "", span, vMerge: "continue" });
        col += span;
      }
    };
    for (const td of kids(tr).filter((c) => c.name === "td" || c.name === "th")) {
      flushCovered();
      const span = Number(td.attribs?.colspan ?? 1);
      const rows = Number(td.attribs?.rowspan ?? 1);
      for (let k = 1; k < rows; k++) covered.set(`${r + k},${col}`, span);
      out.push({ text: text(td).trim(), span, ...(rows > 1 ? { vMerge: "restart" as const } : {}) });
      col += span;
    }
    flushCovered();
    return out;
  });
}

export interface FromHtml {
  /** Split the table with this id after this many rows, its first `repeat` rows repeated as marked headers. */
  split?: { id: string; after: number; repeat: number };
  /** Every table inside a one-cell layout table (a Word document laid out in a frame). */
  nest?: boolean;
  /** The title (h1) in a text box. */
  titleInTextBox?: boolean;
  /**
   * Headings numbered by Word's list feature instead of typed: 「一、」 paragraphs get a heading style that Word
   * numbers (styles.xml → numbering.xml level 0, 「%1、」 chineseCounting), 「（一）」 paragraphs a w:numPr of level 1
   * (「（%2）」); their typed numbers are removed. Only where Word's count gives the same number as the text.
   */
  autoNumber?: { converted: number };
}

/** Chinese numbers as Word's chineseCounting writes them, 1–30, for the builder's own count. */
const CHINESE =
  "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 二十一 二十二 二十三 二十四 二十五 二十六 二十七 二十八 二十九 三十".split(
    " ",
  );

/** numbering.xml with one list: 「一、」 linked to heading style 2, 「（一）」 below it; and styles.xml with that style. */
export const NUMBERING_PARTS = (() => {
  const enc = new TextEncoder();
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return {
    "word/numbering.xml": enc.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}><w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="2"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`,
    ),
    "word/styles.xml": enc.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>`,
    ),
  };
})();

/** A paragraph numbered by Word: by its style (level 0) or by its own w:numPr (level 1). */
function numberedPara(text: string, level: 0 | 1): string {
  const pPr =
    level === 0
      ? '<w:pPr><w:pStyle w:val="2"/></w:pPr>'
      : '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr>';
  return para(text).replace('<w:pPr><w:jc w:val="both"/></w:pPr>', pPr);
}

/** Our rendered HTML page as a Word document: headings and paragraphs, the tables with their merges. */
export function docxFromHtml(html: string, options: FromHtml = {}): Uint8Array {
  const doc = parseDocument(html) as unknown as Node;
  const body: string[] = [];
  // Word's count of the list, kept here to number only what Word would number the same.
  const count = [0, 0];
  const numbered = (t: string): string | undefined => {
    const top = /^([一二三四五六七八九十]+)、(.+)$/s.exec(t);
    if (top && top[1] === CHINESE[count[0] ?? 0]) {
      count[0] = (count[0] ?? 0) + 1;
      count[1] = 0;
      return numberedPara(top[2] as string, 0);
    }
    const sub = /^（([一二三四五六七八九十]+)）(.+)$/s.exec(t);
    if (sub && (count[0] ?? 0) > 0 && sub[1] === CHINESE[count[1] ?? 0]) {
      count[1] = (count[1] ?? 0) + 1;
      return numberedPara(sub[2] as string, 1);
    }
    return undefined;
  };
  const walk = (n: Node) => {
    for (const c of kids(n)) {
      if (c.type !== "tag") continue;
      if (c.name === "head" || c.name === "style" || c.name === "script") continue;
      if (c.name === "table") {
        const rows = htmlTableRows(c);
        const id = c.attribs?.id ?? "";
        const parts: string[] = [];
        if (options.split?.id === id) {
          const { after, repeat } = options.split;
          parts.push(table(rows.slice(0, after)), PAGE_BREAK);
          const head = rows.slice(0, repeat);
          parts.push(
            table(
              [...head, ...rows.slice(after)],
              head.map(() => true),
            ),
          );
        } else parts.push(table(rows));
        body.push(
          options.nest
            ? table([[{ text: "", inner: `${para("")}${parts.join("")}${para("")}` }]])
            : parts.join(""),
        );
        continue;
      }
      if (/^(h[1-6]|p)$/.test(c.name ?? "")) {
        const t = text(c).trim();
        const auto = options.autoNumber ? numbered(t) : undefined;
        if (auto !== undefined && options.autoNumber) options.autoNumber.converted++;
        body.push(auto ?? (c.name === "h1" && options.titleInTextBox ? textBox(para(t)) : para(t)));
        continue;
      }
      walk(c);
    }
  };
  walk(doc);
  return docx(body.join(""), options.autoNumber ? NUMBERING_PARTS : {});
}
