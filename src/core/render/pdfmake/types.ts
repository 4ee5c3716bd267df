// Types for the parts of the bundled pdfmake server build (src/generated/pdfmake.js) the renderer and the adapter use.
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

/** pdfkit's document as pdfmake extends it (constructed by the installer only to reach pdfkit's inner classes). */
export interface PdfKitDocumentClass {
  new (
    fonts: object,
    images: object,
    patterns: object,
    attachments: object,
    options: Record<string, unknown>,
  ): { font(data: Uint8Array): unknown; _font: { subset: object }; _root: object };
  prototype: object;
}

/** What scripts/build-0-pdfmake.mjs bundles into src/generated/pdfmake.js. */
export interface PdfMakeBundle {
  pdfmake: PdfMake;
  PDFDocument: PdfKitDocumentClass;
  fontkit: { create(data: Uint8Array): unknown };
  StyleContextStack: { prototype: object };
  TextInlines: { prototype: object };
  Renderer: { prototype: object };
  LayoutBuilder: { prototype: object };
  PageElementWriter: { prototype: object };
  TableProcessor: { prototype: object };
  zlib: { deflateSync(data: Uint8Array, options?: { level?: number }): Uint8Array };
  /** The versions bundled, read from node_modules by the build. */
  versions: { pdfmake: string; pdfkit: string; fontkit: string };
}
