// Types for the untyped packages the renderer uses: pdfmake's server build and subset-font.
declare module "pdfmake/js/index.js" {
  interface OutputDocument {
    getBuffer(): Promise<Uint8Array>;
  }
  interface PdfMake {
    virtualfs: {
      existsSync(name: string): boolean;
      writeFileSync(name: string, content: Uint8Array): void;
      storage: Record<string, unknown>;
    };
    setFonts(
      fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>,
    ): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
    addTableLayouts(layouts: Record<string, unknown>): void;
    createPdf(doc: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
declare module "pdfmake/js/PDFDocument.js" {
  const PDFDocument: unknown;
  export default PDFDocument;
}
declare module "subset-font" {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: "truetype" | "woff" | "woff2" | "sfnt"; noHinting?: boolean },
  ): Promise<Uint8Array>;
}
