// The fenced pdfmake adapter: pinned versions, one installer policy, no state on library prototypes, the speed-up
// switch drawing the same pixels (pdf.js rasters of every fixture), row-spanning cells centred (pdf.js positions).
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESULTS_GROUP, requestRows } from "../../src/core/labels.ts";
import { type RenderAssets, renderPdf } from "../../src/core/render/index.ts";
import { bundle } from "../../src/core/render/pdfmake/bundle.ts";
import {
  applyPatches,
  installPdfmake,
  patchOwners,
  setPdfmakeSpeedups,
} from "../../src/core/render/pdfmake/install.ts";
import type { Patch } from "../../src/core/render/pdfmake/patch.ts";
import { PATCHES } from "../../src/core/render/pdfmake/patches.ts";
import { PINNED, versionMismatches } from "../../src/core/render/pdfmake/versions.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { fixtures } from "../support/render-fixtures.ts";

let assets: RenderAssets;
beforeAll(async () => {
  assets = await nodeAssets();
});
afterAll(() => setPdfmakeSpeedups(true));

describe("versions", () => {
  it("package.json pins pdfmake, pdfkit and fontkit exactly to what the patches were written for", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    for (const [name, version] of Object.entries(PINNED)) expect(pkg.dependencies[name], name).toBe(version);
  });

  it("the build recorded the bundled versions, and they are the pinned ones", () => {
    expect(bundle.versions).toEqual(PINNED);
    expect(versionMismatches(bundle.versions)).toEqual([]);
    expect(versionMismatches({ ...PINNED, pdfkit: "0.20.0" })).toEqual([
      "pdfkit 0.20.0 bundled, 0.19.1 expected",
    ]);
    expect(versionMismatches(undefined)).toHaveLength(3);
  });
});

describe("the patch list and the installer's policy", () => {
  it("declares each patch as fix or speed with targets and an upstream note; every target exists in the bundle", () => {
    const owners = patchOwners(assets.fonts.body.data);
    for (const p of PATCHES) {
      expect(["fix", "speed"]).toContain(p.kind);
      expect(p.upstream.length, p.id).toBeGreaterThan(10);
      for (const t of p.targets) {
        const at = t.lastIndexOf(".");
        const owner = owners.get(t.slice(0, at)) as Record<string, unknown> | undefined;
        expect(typeof owner?.[t.slice(at + 1)], `${p.id}: ${t}`).toBe("function");
      }
    }
    expect(new Set(PATCHES.map((p) => p.id)).size).toBe(PATCHES.length);
    expect(PATCHES.filter((p) => p.kind === "fix").map((p) => p.id)).toEqual([
      "unbreakable-blocks",
      "row-breaks",
      "row-span-centring",
      "tagged-structure",
    ]);
  });

  const owner = () => new Map<string, object>([["Thing", { draw: () => "original", size: () => 1 }]]);
  const patch = (id: string, kind: Patch["kind"], target: string): Patch => ({
    id,
    kind,
    targets: [target],
    upstream: "a test patch, no upstream",
    apply: (p) => p.wrap(target, (original) => () => `${id}(${original()})`),
  });

  it("a fix with a missing target throws and leaves nothing installed", () => {
    const found = owner();
    const thing = found.get("Thing") as { draw(): string };
    expect(() =>
      applyPatches([patch("a", "speed", "Thing.draw"), patch("b", "fix", "Thing.gone")], found, {
        speedups: true,
        warn: () => {},
      }),
    ).toThrow(/fix "b" cannot be installed, missing Thing.gone/);
    expect(thing.draw()).toBe("original");
  });

  it("a speed-up with a missing target is logged and skipped; speed-ups off installs fixes only; undo restores", () => {
    const found = owner();
    const thing = found.get("Thing") as { draw(): string };
    const warned: string[] = [];
    const list = [
      patch("fix", "fix", "Thing.draw"),
      patch("fast", "speed", "Thing.draw"),
      patch("gone", "speed", "Nope.x"),
    ];
    const on = applyPatches(list, found, { speedups: true, warn: (l) => warned.push(l) });
    expect(on.status).toEqual({
      speedups: true,
      installed: ["fix", "fast"],
      skipped: [{ id: "gone", missing: ["Nope.x"] }],
    });
    expect(warned).toEqual(['pdfmake adapter: speed-up "gone" skipped, missing Nope.x']);
    expect(thing.draw()).toBe("fast(fix(original))");
    on.undo();
    expect(thing.draw()).toBe("original");
    const off = applyPatches(list, found, { speedups: false, warn: () => {} });
    expect(off.status.installed).toEqual(["fix"]);
    expect(thing.draw()).toBe("fix(original)");
    off.undo();
  });

  it("a patch may only replace the targets it declares", () => {
    const sneaky: Patch = {
      ...patch("s", "speed", "Thing.draw"),
      apply: (p) => p.wrap("Thing.size", (o) => o),
    };
    expect(() => applyPatches([sneaky], owner(), { speedups: true, warn: () => {} })).toThrow(
      /does not declare/,
    );
  });

  it("installs every patch on the real bundle and keeps its state off the library's prototypes", async () => {
    setPdfmakeSpeedups(true);
    await renderPdf(fixtures()[0]?.report as never, assets);
    const status = installPdfmake(assets.fonts.body.data);
    expect(status).toEqual({ speedups: true, installed: PATCHES.map((p) => p.id), skipped: [] });
    for (const [name, o] of patchOwners(assets.fonts.body.data)) {
      const own = Object.getOwnPropertyNames(o).filter((k) => /nianbao/i.test(k));
      expect(own, name).toEqual([]);
    }
  });
});

/** Each page of a PDF rasterized by pdf.js (on @napi-rs/canvas) as RGBA. */
async function rasterize(
  pdf: Uint8Array,
  scale = 1.5,
): Promise<{ width: number; height: number; data: Uint8ClampedArray }[]> {
  const task = getDocument({ data: pdf.slice(), useSystemFonts: false });
  const doc = await task.promise;
  const out = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: context, viewport, canvas } as never).promise;
    out.push({
      width: canvas.width,
      height: canvas.height,
      data: context.getImageData(0, 0, canvas.width, canvas.height).data,
    });
  }
  await task.destroy();
  return out;
}

interface CanvasFactory {
  create(
    w: number,
    h: number,
  ): {
    canvas: { width: number; height: number };
    context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  };
}

/** Pixels whose grey level differs by more than `threshold` (of 255), and the dark pixels of `a` (ink). */
function pixelDiff(
  a: Uint8ClampedArray,
  b: Uint8ClampedArray,
  threshold = 64,
): { differ: number; ink: number } {
  let differ = 0;
  let ink = 0;
  for (let i = 0; i < a.length; i += 4) {
    const ga = ((a[i] ?? 0) + (a[i + 1] ?? 0) + (a[i + 2] ?? 0)) / 3;
    const gb = ((b[i] ?? 0) + (b[i + 1] ?? 0) + (b[i + 2] ?? 0)) / 3;
    if (ga < 128) ink++;
    if (Math.abs(ga - gb) > threshold) differ++;
  }
  return { differ, ink };
}

describe("the speed-up switch: the same pixels either way", () => {
  it.each(fixtures().map((f) => [f.name, f.report] as const))(
    "%s",
    async (_name, report) => {
      setPdfmakeSpeedups(true);
      const fast = await renderPdf(report, assets);
      setPdfmakeSpeedups(false);
      const plain = await renderPdf(report, assets);
      setPdfmakeSpeedups(true);
      expect(installPdfmake(assets.fonts.body.data).speedups).toBe(true);
      // The switch does something: the bytes differ (fewer operators, other deflate levels).
      expect(Buffer.from(fast).equals(Buffer.from(plain))).toBe(false);
      const [a, b] = await Promise.all([rasterize(fast), rasterize(plain)]);
      expect(a.length).toBe(b.length);
      a.forEach((page, i) => {
        const other = b[i] as (typeof b)[number];
        expect([other.width, other.height]).toEqual([page.width, page.height]);
        const { differ, ink } = pixelDiff(page.data, other.data);
        expect(ink, `page ${i + 1} has ink`).toBeGreaterThan(1000);
        expect(differ, `page ${i + 1}: ${differ} of ${ink} ink pixels differ`).toBe(0);
      });
    },
    120_000,
  );
});

interface TextItem {
  page: number;
  y: number;
  str: string;
}

/** pdf.js text items with their page and baseline (PDF units from the bottom), in content order. */
async function textItems(pdf: Uint8Array): Promise<TextItem[]> {
  const task = getDocument({ data: pdf.slice(), useSystemFonts: false });
  const doc = await task.promise;
  const out: TextItem[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items)
      if ("str" in item && item.str.trim())
        out.push({ page: n, y: item.transform[5] as number, str: item.str });
  }
  await task.destroy();
  return out;
}

/** The lines of a cell: the run of consecutive items that spell `text` (a narrow cell wraps it, line by line). */
function cellLines(items: TextItem[], text: string): TextItem[] {
  for (let i = 0; i < items.length; i++) {
    let joined = "";
    for (let j = i; j < items.length && text.startsWith(joined + (items[j] as TextItem).str); j++) {
      joined += (items[j] as TextItem).str;
      if (joined === text) return items.slice(i, j + 1);
    }
  }
  return [];
}

describe("row-spanning cells are centred on their rows (the row-span-centring fix)", () => {
  it.each(["report-2019", "report-2021"])(
    "%s: each group label of table 三 sits midway between its rows",
    async (name) => {
      const report = fixtures().find((f) => f.name === name)?.report as NonNullable<
        ReturnType<typeof fixtures>[number]
      >["report"];
      const items = await textItems(await renderPdf(report, assets));
      const rows = requestRows(report.edition);
      const members = new Map<string, string[]>();
      for (const r of rows) {
        if (r.group === undefined) continue;
        const group = r.group === RESULTS_GROUP ? [RESULTS_GROUP] : [RESULTS_GROUP, r.group];
        for (const g of group) members.set(g, [...(members.get(g) ?? []), r.label]);
      }
      let checked = 0;
      for (const [group, labels] of members) {
        if (labels.length < 2) continue;
        const lines = cellLines(items, group);
        expect(lines.length, group).toBeGreaterThan(0);
        const first = cellLines(items, labels[0] as string)[0];
        const last = cellLines(items, labels[labels.length - 1] as string).at(-1);
        expect(first && last, `rows of ${group}`).toBeTruthy();
        if (!first || !last) continue;
        expect(new Set([first.page, last.page, ...lines.map((l) => l.page)]).size, group).toBe(1);
        const centre = ((lines[0] as TextItem).y + (lines.at(-1) as TextItem).y) / 2;
        // Half a table row; pdfmake's own arithmetic put these cells hundreds of points away.
        expect(Math.abs(centre - (first.y + last.y) / 2), group).toBeLessThan(8);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(2);
    },
  );
});
