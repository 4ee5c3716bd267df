// The PDF's line grid (GB/T 9704: 22 lines a page): headings take whole grid lines, so the body stays on the grid.
import { beforeAll, describe, expect, it } from "vitest";
import { type RenderAssets, renderPdf } from "../../src/core/render/index.ts";
import { A4, PAGE } from "../../src/core/render/page.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { pdfFacts } from "../support/pdf.ts";
import { fixtures } from "../support/render-fixtures.ts";

let assets: RenderAssets;
beforeAll(async () => {
  assets = await nodeAssets();
});

type Kind = "body" | "heading" | "other";
interface Line {
  y: number;
  kind: Kind;
  text: string;
}

/** Lines of a page top to bottom: 16 pt 仿宋 is body, 16 pt 黑体/楷体 a heading, anything else (tables, title, notes, page number) other. */
function pageLines(items: { str: string; y: number; height: number; font: string }[]): Line[] {
  const lines: Line[] = [];
  for (const it of items) {
    if (!it.str.trim()) continue;
    const kind: Kind =
      Math.abs(it.height - PAGE.bodyFontSize) > 0.1
        ? "other"
        : /FandolFang/.test(it.font)
          ? "body"
          : /NotoSansSC|NianbaoKai/.test(it.font)
            ? "heading"
            : "other";
    const same = lines.find((l) => Math.abs(l.y - it.y) < 6);
    if (!same) lines.push({ y: it.y, kind, text: it.str });
    else if (same.kind !== kind) same.kind = "other";
    else same.text += it.str;
  }
  return lines.sort((a, b) => b.y - a.y);
}

/** The top of the text block and its bottom (page numbers are below it), in PDF points from the page's bottom. */
const TOP = A4.height - PAGE.margins[1];
const BOTTOM = PAGE.margins[3];
/** A line's place on the page's grid: grid lines from the top of the text block. */
const at = (l: Line) => (TOP - l.y) / PAGE.linePitch;

describe.each(fixtures())("$name", ({ report }) => {
  it("headings take whole grid lines: body lines stay on one grid across them, and under a heading atop a page", async () => {
    const { pageList } = await pdfFacts(await renderPdf(report, assets));
    const pages = pageList.map((page) => ({
      number: page.number,
      lines: pageLines(page.items.filter((i) => i.y > BOTTOM)),
    }));
    // Where a body line sits in its grid line: on a page prose runs on to (its first line is body).
    const prose = pages.find((p) => p.lines[0]?.kind === "body")?.lines[0];
    let checked = 0;
    for (const { number, lines } of pages) {
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as Line;
        if (line.kind !== "body") continue;
        // The next body line after only headings (none, or some): whole pitches below, at least one per line skipped
        // (more where a blank line is left, as before the signature).
        let j = i + 1;
        while (lines[j]?.kind === "heading") j++;
        const next = lines[j];
        if (next?.kind !== "body") continue;
        const pitches = (line.y - next.y) / PAGE.linePitch;
        const where = `page ${number}: 「${line.text}」 → 「${next.text}」`;
        expect(pitches, where).toBeCloseTo(Math.round(pitches), 2);
        expect(Math.round(pitches), where).toBeGreaterThanOrEqual(j - i);
        if (j > i + 1) checked++;
      }
      // A heading that moved on to the top of a page with its first line: that line sits on the grid of prose, at
      // least one grid line down per heading line.
      let k = 0;
      while (lines[k]?.kind === "heading") k++;
      const first = lines[k];
      if (k === 0 || first?.kind !== "body" || !prose) continue;
      const pitches = at(first) - at(prose);
      const where = `page ${number}: 「${lines[0]?.text}」 → 「${first.text}」`;
      expect(pitches, where).toBeCloseTo(Math.round(pitches), 2);
      expect(Math.round(pitches), where).toBeGreaterThanOrEqual(k);
      checked++;
    }
    // Every report with prose has a heading between two body lines somewhere: on one page, or as a page's first line.
    if (report.sections.some((s) => s.blocks.length > 1)) expect(checked).toBeGreaterThan(0);
  });

  it("a page of prose holds the grid's 22 lines, and page 1's body sits on the same grid as the pages after it", async () => {
    const { pageList } = await pdfFacts(await renderPdf(report, assets));
    /** Where a body line sits in its grid line (0–1), from the top of the text block. */
    const phase = (l: Line) => ((at(l) % 1) + 1) % 1;
    const phases: number[] = [];
    const textLines = (i: number) =>
      pageLines(pageList[i]?.items ?? []).filter((l) => !/^—\d+—$/.test(l.text.replace(/\s/g, "")));
    for (const [i, page] of pageList.slice(0, -1).entries()) {
      const lines = textLines(i);
      // The body lines above the page's first table (on page 1: under the title).
      const run: Line[] = [];
      for (const l of lines) {
        if (l.kind === "other" && !(page.number === 1 && run.length === 0)) break;
        if (l.kind !== "other") run.push(l);
      }
      const body = run.filter((l) => l.kind === "body");
      if (body[0]) phases.push(phase(body[0]));
      // Prose running on to the next page fills this one (a heading moves on with its first line, so may leave one).
      if (lines.every((l) => l.kind !== "other") && textLines(i + 1)[0]?.kind === "body")
        expect(lines, `page ${page.number}`).toHaveLength(22);
    }
    for (const p of phases) expect(p).toBeCloseTo(phases[0] as number, 2);
  });
});
