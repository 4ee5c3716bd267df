// The renderer's version: part of content-addressed artifact ids; bump it whenever output bytes may change.
export const RENDERER_VERSION = "render-5";
