// The real engine: the core's analyzeInput and renderers, with a runtime's fonts bound in.
import { analyzeInput } from "../core/analyze.ts";
import {
  fontSet,
  RENDERER_VERSION,
  type RenderAssets,
  renderHtml,
  renderPdf,
  withGlyphFindings,
} from "../core/render/index.ts";
import { renderTujieHtml, renderTujiePdf } from "../core/tujie/index.ts";
import type { Engine } from "./engine.ts";

/**
 * `assets` is asked for on each call (runtimes cache it). analyze adds `font.missing-glyph` findings, so HTTP, the
 * queue and the CLI report the characters the fonts cannot draw.
 */
export function coreEngine(assets: () => Promise<RenderAssets>): Engine {
  return {
    analyze: async (input, hint) => withGlyphFindings(analyzeInput(input, hint), await assets()),
    renderPdf: async (report, options) => renderPdf(report, await assets(), options),
    renderHtml: async (report) => renderHtml(report, await assets()),
    renderTujie: async (report, previous) => {
      const a = await assets();
      const [html, pdf] = await Promise.all([
        renderTujieHtml(report, a, previous),
        renderTujiePdf(report, a, previous),
      ]);
      return { html, pdf };
    },
    rendererVersion: RENDERER_VERSION,
    outputVersion: async () => `${RENDERER_VERSION} fonts ${fontSet(await assets())}`,
  };
}
