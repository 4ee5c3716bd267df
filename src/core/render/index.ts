// Public API of the renderer: report → PDF bytes and HTML page, glyph check, renderer version, assets type.

export { type FaceRole, type FontFile, fontSet, type RenderAssets } from "./fonts/assets.ts";
export { checkGlyphs, withGlyphFindings } from "./fonts/glyphs.ts";
export { renderHtml } from "./html/html.ts";
export { type PdfOptions, renderPdf } from "./pdfmake/pdf.ts";
export { RENDERER_VERSION } from "./version.ts";
export { buildView } from "./view/view.ts";
