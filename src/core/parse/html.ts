// HTML (a portal page or Word's "save as HTML") → text lines: each data-table row one tab-separated line, other blocks as lines; layout tables read as blocks.

import { parseDocument } from "htmlparser2";
import { NianbaoError } from "../errors.ts";

/** The parts of domhandler's nodes this walker reads. */
interface Node {
  type: string;
  name?: string;
  data?: string;
  children?: Node[];
}

const BLOCK = new Set([
  "p",
  "div",
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
  "blockquote",
  "pre",
  "hr",
  "dd",
  "dt",
  "dl",
  "center",
  "title",
  "tr",
  "td",
  "th",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "caption",
  "main",
  "aside",
  "form",
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

const isTag = (n: Node, name?: string) =>
  (n.type === "tag" || n.type === "script" || n.type === "style") && (name === undefined || n.name === name);

function hasTable(n: Node): boolean {
  for (const c of n.children ?? []) if (isTag(c, "table") || hasTable(c)) return true;
  return false;
}

function findTag(n: Node, name: string): Node | undefined {
  for (const c of n.children ?? []) {
    if (isTag(c, name)) return c;
    const found = isTag(c, "body") ? undefined : findTag(c, name);
    if (found) return found;
  }
  return undefined;
}

/** A data cell's text: whitespace collapsed, line breaks inside the cell joined. */
function cellText(n: Node): string {
  if (n.type === "text") return (n.data ?? "").replace(/[\s\u00a0]+/g, " ");
  if (!isTag(n) || SKIP.has(n.name ?? "")) return "";
  return (n.children ?? []).map(cellText).join("");
}

function rowsOf(n: Node, out: Node[][]): void {
  for (const c of n.children ?? []) {
    if (!isTag(c)) continue;
    if (c.name === "tr") out.push((c.children ?? []).filter((x) => isTag(x, "td") || isTag(x, "th")));
    else rowsOf(c, out);
  }
}

/** Deeper nesting is refused: the walks below recurse, and real report pages nest a few dozen levels. */
const MAX_DEPTH = 400;

function tooDeep(root: Node): boolean {
  // Two parallel stacks (no pair allocated per node).
  const nodes: Node[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const n = nodes.pop() as Node;
    const depth = depths.pop() as number;
    if (depth > MAX_DEPTH) return true;
    for (const c of n.children ?? []) {
      nodes.push(c);
      depths.push(depth + 1);
    }
  }
  return false;
}

/** Converts HTML to the text the raw-text parser reads. */
export function htmlToText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true }) as unknown as Node;
  if (tooDeep(doc)) throw new NianbaoError("input_limit", `HTML 嵌套超过 ${MAX_DEPTH} 层，无法读取`);
  const out: string[] = [];
  let line = "";
  const newline = () => {
    // Source line breaks between Chinese characters became spaces: drop them (「政府信息公 开」).
    // Each replace only where its spaces are (most lines are cut at tags with none to drop).
    let t =
      line.includes(" ") || line.includes("\u00a0") ? line.replace(/^[ \u00a0]+|[ \u00a0]+$/g, "") : line;
    if (t.includes(" "))
      t = t.replace(
        /(?<=[\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e]) +(?=[\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e])/g,
        "",
      );
    if (t !== "") out.push(t);
    line = "";
  };
  const walk = (n: Node): void => {
    if (n.type === "text") {
      line += (n.data ?? "").replace(/[\r\n\t]+/g, " ");
      return;
    }
    if (!isTag(n) && n.type !== "root") return;
    const name = n.name ?? "";
    if (SKIP.has(name)) return;
    if (name === "br") {
      newline();
      return;
    }
    if (name === "table" && !hasTable(n)) {
      const rows: Node[][] = [];
      rowsOf(n, rows);
      const texts = rows.map((r) => r.map((c) => cellText(c).trim()));
      // A data table has rows of several short cells; a one-cell box of prose is layout, read as blocks.
      const data =
        texts.length >= 2 &&
        texts.some((r) => r.length >= 2) &&
        texts.every((r) => r.every((c) => c.length <= 300));
      if (data) {
        newline();
        for (const r of texts) out.push(r.join("\t"));
        out.push("");
        return;
      }
    }
    const block = BLOCK.has(name);
    if (block) newline();
    for (const c of n.children ?? []) walk(c);
    if (block) newline();
  };
  // The page <title> first (inside <head>, which is otherwise skipped): a candidate when the body has no title line.
  const title = findTag(doc, "title");
  if (title) out.push(cellText(title).trim());
  walk(doc);
  newline();
  return out.join("\n");
}
