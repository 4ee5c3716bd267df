// Public API of the renderer: report → PDF bytes and HTML page, glyph check, renderer version, assets type.
export { type FaceRole, type FontFile, fontSet, type RenderAssets } from "./assets.ts";
export { RENDER_CODES } from "./codes.ts";
export { checkGlyphs, withGlyphFindings } from "./glyphs.ts";
export { renderHtml } from "./html.ts";
export { renderPdf } from "./pdf.ts";
export { RENDERER_VERSION } from "./version.ts";
export { buildView, type ReportView } from "./view.ts";
