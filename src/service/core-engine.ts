// The real engine: the core's analyzeInput and renderers, with a runtime's fonts bound in.
import { analyzeInput } from "../core/analyze.ts";
import { fontSet, RENDERER_VERSION, type RenderAssets, renderHtml, renderPdf } from "../core/render/index.ts";
import type { Engine } from "./engine.ts";

/** `assets` is asked for on each render (runtimes cache it), so validation works even before fonts load. */
export function coreEngine(assets: () => Promise<RenderAssets>): Engine {
  return {
    analyze: async (input, hint) => analyzeInput(input, hint),
    renderPdf: async (report) => renderPdf(report, await assets()),
    renderHtml: async (report) => renderHtml(report, await assets()),
    rendererVersion: RENDERER_VERSION,
    outputVersion: async () => `${RENDERER_VERSION} fonts ${fontSet(await assets())}`,
  };
}
