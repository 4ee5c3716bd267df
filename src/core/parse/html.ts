// HTML (a portal page or Word's "save as HTML") → text lines: each table row one tab-separated line, other blocks as lines.
import { Parser } from "htmlparser2";

const BLOCK = new Set([
  "p",
  "div",
  "br",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "section",
  "article",
  "header",
  "footer",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "blockquote",
  "pre",
  "hr",
  "dd",
  "dt",
  "dl",
  "center",
  "title",
]);
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "head",
  "template",
  "svg",
  "iframe",
  "button",
  "select",
  "nav",
]);

/** Converts HTML to the text the raw-text parser reads. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = "";
  let skip = 0;
  const tables: { row: string[] | undefined; cell: string | undefined }[] = [];
  const cur = () => tables[tables.length - 1];
  const newline = () => {
    out.push(line);
    line = "";
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) {
          skip++;
          return;
        }
        if (skip) return;
        const t = cur();
        if (name === "table") {
          if (line.trim() !== "") newline();
          tables.push({ row: undefined, cell: undefined });
        } else if (name === "tr" && t) t.row = [];
        else if ((name === "td" || name === "th") && t) {
          if (!t.row) t.row = [];
          t.cell = "";
        } else if (!t?.row && BLOCK.has(name)) {
          if (line !== "") newline();
        }
      },
      ontext(text) {
        if (skip) return;
        const clean = text.replace(/[\r\n\t]+/g, " ");
        const t = cur();
        if (t?.cell !== undefined) t.cell += clean.replace(/^ +| +$/g, "");
        else if (t?.row) return;
        else line += clean;
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        const t = cur();
        if ((name === "td" || name === "th") && t?.row && t.cell !== undefined) {
          t.row.push(t.cell.replace(/[\s\u00a0]+$/, ""));
          t.cell = undefined;
        } else if (name === "tr" && t?.row) {
          out.push(t.row.join("\t"));
          t.row = undefined;
        } else if (name === "table") {
          tables.pop();
          out.push("");
        } else if (!t?.row && BLOCK.has(name)) {
          if (line !== "") newline();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  if (line !== "") newline();
  return out.map((l) => (l.includes("\t") ? l : l.replace(/^[ \u00a0]+|[ \u00a0]+$/g, ""))).join("\n");
}
