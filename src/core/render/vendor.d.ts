// Types for font files imported as Data modules by wrangler.
/** Font files imported as Data modules by wrangler (`[[rules]]` type "Data", **\/*.ttf). */
declare module "*.ttf" {
  const data: ArrayBuffer;
  export default data;
}
/** OpenType (CFF) font files, imported the same way (**\/*.otf). */
declare module "*.otf" {
  const data: ArrayBuffer;
  export default data;
}
