// Tagged PDF: a structure tree (Document > H1/H2/H3/P, Table > TR > TH/TD) built while pdfmake draws each line.
import type { ContentNode } from "./keep-together.ts";
import type { Patch } from "./patch.ts";

/** The structure element a line of text belongs to; set on pdfmake's text nodes by tagContent(). */
interface Tag {
  /** Structure type: H1 (title), H2 (「一、」), H3 (「（一）」), P, TH, TD. */
  s: string;
  /** Same id: the same element (the lines of one paragraph or cell). */
  id: number;
  /** Table cells: their table and row. */
  table?: number;
  row?: number;
  scope?: "Row" | "Column";
}

const BY_STYLE: Record<string, string> = { title: "H1", heading: "H2", subheading: "H3" };

/**
 * Marks every text node of the document with its structure element (pdfmake keeps unknown keys on nodes). Tables:
 * header rows and label cells (`th` from the template) are TH with their scope, the numbers TD.
 */
export function tagContent(content: readonly ContentNode[]): void {
  let next = 0;
  const mark = (node: ContentNode | undefined, tag: Tag) => {
    if (!node || typeof node !== "object") return;
    if (node.text !== undefined) node.nbTag = tag;
    for (const child of node.stack ?? []) mark(child, tag);
  };
  const visit = (node: ContentNode) => {
    if (node.keepTogether || (node.stack && node.style === undefined && !node.text)) {
      for (const child of node.stack ?? []) visit(child);
      return;
    }
    const table = node.table as { headerRows?: number; body?: ContentNode[][] } | undefined;
    if (table?.body) {
      const id = next++;
      table.body.forEach((row, r) => {
        for (const cell of row) {
          if (cell.text === undefined && cell.stack === undefined) continue;
          const header = r < (table.headerRows ?? 0) || typeof cell.th === "string";
          const scope = (cell.th as Tag["scope"]) ?? (header ? "Column" : undefined);
          mark(cell, { s: header ? "TH" : "TD", id: next++, table: id, row: r, ...(scope ? { scope } : {}) });
        }
      });
      return;
    }
    mark(node, { s: BY_STYLE[node.style as string] ?? "P", id: next++ });
  };
  for (const node of content) visit(node);
}

interface StructElement {
  add(child: unknown): StructElement;
}
interface TaggedDoc {
  options?: { tagged?: boolean };
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(e: StructElement): void;
  markStructureContent(tag: string): unknown;
  markContent(tag: string, options?: Record<string, unknown>): void;
  endMarkedContent(): void;
  page: { markings: { tag: string }[] };
  nbTagger?: Tagger;
}

/** The structure elements of one document, made in reading order as their first line is drawn. */
class Tagger {
  private readonly doc: TaggedDoc;
  private readonly root: StructElement;
  private readonly elements = new Map<string, StructElement>();
  constructor(doc: TaggedDoc) {
    this.doc = doc;
    this.root = doc.struct("Document");
    doc.addStructure(this.root);
  }
  private element(key: string, make: () => StructElement, parent: StructElement): StructElement {
    let e = this.elements.get(key);
    if (!e) {
      e = make();
      parent.add(e);
      this.elements.set(key, e);
    }
    return e;
  }
  /** The element a tag's lines go into (its table and row made first). */
  target(tag: Tag): StructElement {
    if (tag.table === undefined) return this.element(`e${tag.id}`, () => this.doc.struct(tag.s), this.root);
    const table = this.element(`t${tag.table}`, () => this.doc.struct("Table"), this.root);
    const row = this.element(`t${tag.table}r${tag.row}`, () => this.doc.struct("TR"), table);
    const options = tag.scope ? { scope: tag.scope } : {};
    return this.element(`e${tag.id}`, () => this.doc.struct(tag.s, options), row);
  }
  /** Content outside the structure (rules, page numbers) is an artifact; consecutive pieces share one. */
  artifact(on: boolean): void {
    const open = this.doc.page.markings.at(-1)?.tag === "Artifact";
    if (on && !open) this.doc.markContent("Artifact");
    else if (!on && open) this.doc.endMarkedContent();
  }
}

interface RendererLike {
  pdfDocument: TaggedDoc;
}

function taggerOf(doc: TaggedDoc): Tagger | undefined {
  if (!doc.options?.tagged) return undefined;
  if (!doc.nbTagger) doc.nbTagger = new Tagger(doc);
  return doc.nbTagger;
}

/**
 * pdfmake passes `tagged` to pdfkit, which then writes /MarkInfo and a structure tree root, but marks no content: the
 * tree stayed empty. Here each line drawn is marked content of its element (the tag its text node carries: lines
 * keep their node's tag, set in buildNextLine), and vectors and untagged lines (page numbers) are artifacts.
 */
export const taggedStructure: Patch = {
  id: "tagged-structure",
  kind: "fix",
  targets: ["LayoutBuilder.buildNextLine", "Renderer.renderLine", "Renderer.renderVector"],
  upstream:
    "pdfmake 0.3.11: `tagged: true` gives pdfkit's /MarkInfo and an empty StructTreeRoot; no content is marked (not filed)",
  apply(p) {
    p.wrap(
      "LayoutBuilder.buildNextLine",
      (build) =>
        function (this: unknown, node: ContentNode, ...rest: unknown[]) {
          const line = build.call(this, node, ...rest) as Record<string, unknown> | null;
          if (line && node?.nbTag) line.nbTag = node.nbTag;
          return line;
        },
    );
    p.wrap(
      "Renderer.renderLine",
      (render) =>
        function (this: RendererLike, line: { nbTag?: Tag }, ...rest: unknown[]) {
          const tagger = taggerOf(this.pdfDocument);
          if (!tagger) return render.call(this, line, ...rest);
          if (!line.nbTag) {
            tagger.artifact(true);
            return render.call(this, line, ...rest);
          }
          tagger.artifact(false);
          const element = tagger.target(line.nbTag);
          const content = this.pdfDocument.markStructureContent(line.nbTag.s);
          try {
            return render.call(this, line, ...rest);
          } finally {
            this.pdfDocument.endMarkedContent();
            element.add(content);
          }
        },
    );
    p.wrap(
      "Renderer.renderVector",
      (render) =>
        function (this: RendererLike, ...args: unknown[]) {
          taggerOf(this.pdfDocument)?.artifact(true);
          return render.apply(this, args);
        },
    );
  },
};
