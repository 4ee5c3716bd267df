// Tagged PDF (renderPdf's `tagged` option, `nianbao convert --tagged`): structure tree read back with pdf.js.
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.ts";
import { type RenderAssets, renderPdf } from "../../src/core/render/index.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { openPdf, pdfText } from "../support/pdf.ts";
import { fixtures } from "../support/render-fixtures.ts";

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
  alt?: string;
  lang?: string;
}

let assets: RenderAssets;
beforeAll(async () => {
  assets = await nodeAssets();
});

/** Roles of the structure tree of every page, depth first (pdf.js's "content" leaves left out). */
async function structure(
  pdf: Uint8Array,
): Promise<{ roles: string[]; marked: boolean; trees: StructNode[] }> {
  const { doc, close } = await openPdf(pdf);
  try {
    const roles: string[] = [];
    const trees: StructNode[] = [];
    const walk = (n: StructNode) => {
      if (n.role) roles.push(n.role);
      for (const c of n.children ?? []) walk(c);
    };
    for (let i = 1; i <= doc.numPages; i++) {
      const tree = (await (await doc.getPage(i)).getStructTree()) as StructNode | null;
      if (tree) {
        trees.push(tree);
        walk(tree);
      }
    }
    // pdf.js answers a Map (Marked, UserProperties, Suspects), or null without /MarkInfo.
    const info = (await doc.getMarkInfo()) as unknown as Map<string, unknown> | null;
    return { roles, marked: info?.get("Marked") === true, trees };
  } finally {
    await close();
  }
}

/** Counts the marked-content leaves (text drawn inside an element) under each role. */
function contentUnder(trees: StructNode[], role: string): number {
  let n = 0;
  const walk = (node: StructNode, inside: boolean) => {
    if (node.type === "content" && inside) n++;
    for (const c of node.children ?? []) walk(c, inside || node.role === role);
  };
  for (const t of trees) walk(t, false);
  return n;
}

describe.each(fixtures().filter((f) => f.name === "report-2021" || f.name === "seed-000"))(
  "$name",
  ({ report }) => {
    it("tagged: Document with H1 title, H2 headings, paragraphs and tables of rows with header and data cells", async () => {
      const pdf = await renderPdf(report as Report, assets, { tagged: true });
      const { roles, marked, trees } = await structure(pdf);
      expect(marked).toBe(true);
      expect(new TextDecoder("latin1").decode(pdf)).toContain("/Lang (zh-CN)");
      for (const role of ["Document", "H1", "H2", "P", "Table", "TR", "TH", "TD"])
        expect(roles, role).toContain(role);
      expect(roles.filter((r) => r === "H1")).toHaveLength(1);
      expect(roles.filter((r) => r === "H2").length).toBeGreaterThanOrEqual(6);
      // Every element holds drawn text, and the text is what the untagged PDF shows.
      for (const role of ["H1", "H2", "P", "TH", "TD"])
        expect(contentUnder(trees, role), role).toBeGreaterThan(0);
      const plain = await renderPdf(report as Report, assets);
      expect((await pdfText(pdf)).text).toBe((await pdfText(plain)).text);
    });

    it("untagged by default: no structure tree, no /MarkInfo", async () => {
      const pdf = await renderPdf(report as Report, assets);
      const { roles, marked } = await structure(pdf);
      expect(marked).toBe(false);
      expect(roles).toEqual([]);
    });
  },
);
