// Page breaks in one layout pass: tables, headings with what follows and the signature as unbreakable blocks.
import { LAYOUT_STATE } from "./layout-state.ts";
import type { Patch } from "./patch.ts";
import { splittable, textBlock } from "./row-breaks.ts";
import { tableBlocks } from "./table-blocks.ts";

/** The parts of a pdfmake content node this module reads or sets. */
export interface ContentNode {
  stack?: ContentNode[];
  table?: unknown;
  headlineLevel?: number;
  unbreakable?: boolean;
  /** Set on the blocks made here, so a layout that cannot keep one on a page can undo them. */
  keepTogether?: boolean;
  /** Kept on one page with the last line before it (the signature). */
  keepWithPrevious?: boolean;
  /** A block ending in a table that may break between its rows (row-breaks.ts). */
  splitRows?: boolean;
  /** Whether the block's layout began at the top of a page. */
  startedAtTop?: boolean;
  [key: string]: unknown;
}

interface TableNode extends ContentNode {
  table: { dontBreakRows?: boolean };
}
const isTable = (n: ContentNode): n is TableNode => typeof n.table === "object" && n.table !== null;

/** A heading: a stack of lines marked with their headline level (see the `lines` template helper). */
const isHeading = (n: ContentNode | undefined) => n?.stack?.[0]?.headlineLevel !== undefined;
type Margin = [number, number, number, number];
export type Styles = Record<string, { margin?: Margin } | undefined>;

/**
 * An unbreakable block of nodes. Its tables do not keep each row unbreakable: the block is, and pdfmake's row-span
 * arithmetic for unbreakable rows assumes each row has a layout context of its own, which rows inside a block do not
 * (row-spanning cells were placed hundreds of points too low). The bottom margin of its last node moves onto the
 * block: pdfmake counts a block's bottom margin in its height, so a block that fills a page exactly would not fit.
 */
function group(stack: ContentNode[], styles: Styles): ContentNode {
  stack.forEach((node, i) => {
    if (isTable(node) && node.table.dontBreakRows)
      stack[i] = { ...node, table: { ...node.table, dontBreakRows: false } };
  });
  const last = stack[stack.length - 1] as ContentNode;
  const margin = (last.margin as Margin | undefined) ?? styles[last.style as string]?.margin;
  if (!margin || margin[3] === 0) return { stack, unbreakable: true, keepTogether: true };
  stack[stack.length - 1] = { ...last, margin: [margin[0], margin[1], margin[2], 0] };
  return { stack, unbreakable: true, keepTogether: true, margin: [0, 0, 0, margin[3]] };
}

/**
 * Groups the document's top-level content so that pdfmake moves a block to the next page whole instead of breaking it:
 * a table (pdfmake misdraws a row span cut by a page break), a run of headings with the first line of what follows (or
 * the whole table that follows), and the signature with the last line before it. pdfmake decides these in the one
 * layout pass; a pageBreakBefore rule cost one more full layout per break it added and, deciding each node once on
 * positions taken before earlier breaks moved it, still split tables and left headings at the foot of a page.
 */
export function keepTogether(input: readonly ContentNode[], styles: Styles = {}): ContentNode[] {
  // A table of blocks (table 一) is kept whole block by block, so a page break can fall between its blocks.
  const content = input.flatMap((n) =>
    isTable(n) ? tableBlocks(n, (n.margin as Margin | undefined) ?? styles[n.style as string]?.margin) : [n],
  );
  const out: ContentNode[] = [];
  for (let i = 0; i < content.length; ) {
    const node = content[i] as ContentNode;
    if (node.table !== undefined) {
      out.push(group([node], styles));
      i++;
      continue;
    }
    if (!isHeading(node)) {
      out.push(node);
      i++;
      continue;
    }
    const heads: ContentNode[] = [];
    while (i < content.length && isHeading(content[i])) heads.push(content[i++] as ContentNode);
    const next = content[i];
    if (next?.stack && next.stack.length > 1 && !next.unbreakable) {
      // The first line goes with the headings; the rest follows as a stack of the same style (block styles have no
      // margins, so the two stacks are drawn as the one was).
      heads.push({ ...next, stack: next.stack.slice(0, 1) });
      content[i] = { ...next, stack: next.stack.slice(1) };
    } else if (next) {
      heads.push(next);
      i++;
    }
    out.push(group(heads, styles));
  }
  // A table block with rows to spare may break between them (row-breaks.ts).
  for (const node of withPrevious(out, styles))
    if (node.keepTogether && splittable(node)) node.splitRows = true;
  return out;
}

/** Lines of text a node marked keepWithPrevious (the signature) keeps with it on its page. */
const KEPT_LINES = 2;

/** A node marked keepWithPrevious (the signature) stays on a page with the last two lines before it. */
function withPrevious(out: ContentNode[], styles: Styles): ContentNode[] {
  for (let i = 1; i < out.length; i++) {
    const node = out[i] as ContentNode;
    const prev = out[i - 1] as ContentNode;
    if (!node.keepWithPrevious) continue;
    if (!prev.keepTogether && !prev.unbreakable && prev.stack && prev.stack.length > KEPT_LINES) {
      const last = { ...prev, stack: prev.stack.slice(-KEPT_LINES) };
      out.splice(i - 1, 2, { ...prev, stack: prev.stack.slice(0, -KEPT_LINES) }, group([last, node], styles));
    } else if (
      !prev.keepTogether &&
      (prev.stack?.length ?? 1) < KEPT_LINES &&
      out[i - 2]?.keepTogether &&
      !splittable(out[i - 2] as ContentNode)
    ) {
      // A line left over from a heading's block (the heading took the first): the block goes too, so that the
      // signature has two lines of text above it.
      out.splice(i - 2, 3, group([out[i - 2] as ContentNode, prev, node], styles));
    } else out.splice(i - 1, 2, group([prev, node], styles));
  }
  return out;
}

interface Writer {
  transactionLevel: number;
  context(): {
    y: number;
    pages: unknown[];
    availableWidth: number;
    pageMargins: { top: number; bottom: number };
    getCurrentPage(): { pageSize: { height: number } };
  };
}

interface Builder {
  linearNodeList?: { resetXY(): void }[];
  writer: Writer;
}

/**
 * A group that did not fit on one page as a plain stack starting on a new page (unless it started at the top of one):
 * its table breaks over pages, each row kept whole, and its heading stays above it.
 */
function breakable(group: ContentNode, nested = false): void {
  group.unbreakable = false;
  if (!group.startedAtTop && !nested) group.pageBreak = "before";
  for (const child of group.stack ?? []) {
    if (child.keepTogether) breakable(child, true);
    if (!isTable(child)) continue;
    child.table.dontBreakRows = true;
    for (const key of LAYOUT_STATE) delete child[key];
    for (const row of (child.table as { body?: Record<string, unknown>[][] }).body ?? [])
      for (const cell of row) for (const key of LAYOUT_STATE) delete cell[key];
  }
}

/** The outermost group being laid out, and the groups that did not fit on a page. */
let current: ContentNode | undefined;
let overflowed: ContentNode[] = [];

/**
 * An unbreakable block gets a page's height (pdfmake 0.3 gives it NaN, so it never overflows and is drawn past the
 * bottom margin). A group that does not fit on one page — a table taller than a page — makes pdfmake keep only its
 * first page: the document is then laid out once more with that group as a plain stack.
 */
export const unbreakableBlocks: Patch = {
  id: "unbreakable-blocks",
  kind: "fix",
  targets: [
    "PageElementWriter.beginUnbreakableBlock",
    "PageElementWriter.commitUnbreakableBlock",
    "LayoutBuilder.processNode",
    "LayoutBuilder.layoutDocument",
  ],
  upstream:
    "pdfmake 0.3.11: an unbreakable block without a given height gets NaN (not filed); a block taller than a page keeps only its first page: bpampuch/pdfmake#207, #1667",
  apply(p) {
    p.wrap(
      "PageElementWriter.beginUnbreakableBlock",
      (begin) =>
        function (this: Writer, width?: number, height?: number) {
          if (this.transactionLevel > 0 || width !== undefined || height !== undefined)
            return begin.call(this, width, height);
          const ctx = this.context();
          return begin.call(this, ctx.availableWidth, textBlock(ctx));
        },
    );
    p.wrap(
      "PageElementWriter.commitUnbreakableBlock",
      (commit) =>
        function (this: Writer, ...args: unknown[]) {
          if (current && this.transactionLevel === 1 && this.context().pages.length > 1)
            overflowed.push(current);
          commit.apply(this, args);
        },
    );
    p.wrap(
      "LayoutBuilder.processNode",
      (processNode) =>
        function (this: Builder, node: ContentNode, ...rest: unknown[]) {
          if (!node.keepTogether || !node.unbreakable) return processNode.call(this, node, ...rest);
          const ctx = this.writer.context();
          node.startedAtTop = ctx.y <= ctx.pageMargins.top + 0.5;
          const outer = current;
          current = outer ?? node;
          try {
            return processNode.call(this, node, ...rest);
          } finally {
            current = outer;
          }
        },
    );
    p.wrap(
      "LayoutBuilder.layoutDocument",
      (layout) =>
        function (this: Builder, ...args: unknown[]) {
          overflowed = [];
          let pages = layout.apply(this, args);
          // Each pass makes the groups that overflowed breakable, so this ends (a breakable group cannot overflow).
          while (overflowed.length > 0) {
            for (const node of this.linearNodeList ?? []) node.resetXY();
            for (const group of overflowed) breakable(group);
            overflowed = [];
            pages = layout.apply(this, args);
          }
          return pages;
        },
    );
  },
};
