// Types for untyped imports: subset-font, and font files imported as Data modules by wrangler.
declare module "subset-font" {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: "truetype" | "woff" | "woff2" | "sfnt"; noHinting?: boolean },
  ): Promise<Uint8Array>;
}

/** Font files imported as Data modules by wrangler (`[[rules]]` type "Data", **\/*.ttf). */
declare module "*.ttf" {
  const data: ArrayBuffer;
  export default data;
}
