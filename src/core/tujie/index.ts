// Public API of the 图解 (illustrated summary): its figures, the HTML page and the A4 PDF.
export { buildTujie } from "./figures.ts";
export { renderTujieHtml } from "./html.ts";
export { renderTujiePdf } from "./pdf.ts";
