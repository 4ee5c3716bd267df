// The real engine: the core's analyzeInput and renderers, with a runtime's fonts bound in.
import { analyzeInput } from "../core/analyze.ts";
import { RENDERER_VERSION, type RenderAssets, renderHtml, renderPdf } from "../core/render/index.ts";
import type { Engine } from "./engine.ts";

export function coreEngine(assets: RenderAssets): Engine {
  return {
    analyze: (input, hint) => analyzeInput(input, hint),
    renderPdf: (report) => renderPdf(report, assets),
    renderHtml: (report) => renderHtml(report, assets),
    rendererVersion: RENDERER_VERSION,
  };
}
