// The 图解 renderer's version: part of the page's generator tag and of the artifact's metadata.
export const TUJIE_VERSION = "tujie-1";
