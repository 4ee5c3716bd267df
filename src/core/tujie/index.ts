// Public API of the 图解 (illustrated summary): figures, SVG charts, the HTML page and the A4 PDF.
export { buildTujie, type Chart, type Figure, sumCells, type TujieView } from "./figures.ts";
export { renderTujieHtml, tujiePage } from "./html.ts";
export { renderTujiePdf, tujieDocument } from "./pdf.ts";
export { barChartSvg } from "./svg.ts";
export { changeText, valueText } from "./text.ts";
export { TUJIE_VERSION } from "./version.ts";
