// The bundled pdfmake server build (pdfmake, pdfkit, fontkit: scripts/build-0-pdfmake.mjs), typed; the one import of it.
import bundle from "../../../generated/pdfmake.js";

export { bundle };
