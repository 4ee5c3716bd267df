// Types for the parts of pdfmake's server build the renderer uses (the bundle in src/generated/pdfmake.js).
export interface OutputDocument {
  getBuffer(): Promise<Uint8Array>;
}

export interface PdfMake {
  virtualfs: {
    existsSync(name: string): boolean;
    writeFileSync(name: string, content: Uint8Array): void;
  };
  setFonts(
    fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>,
  ): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  addTableLayouts(layouts: Record<string, unknown>): void;
  createPdf(doc: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
}
