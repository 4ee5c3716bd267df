// The workbench's own scripts and styles, built into src/generated/web-assets.ts, addressed with their content hash.
import { WEB_ASSETS } from "../generated/web-assets.ts";

export type AssetName = "workbench.js" | "workbench.css" | "docs.js" | "report.css";

/** `/ui/{name}?v={hash}`: served with a long cache, the hash changes with the content. */
export function assetUrl(name: AssetName): string {
  const asset = WEB_ASSETS[name];
  return `/ui/${name}${asset ? `?v=${asset.etag}` : ""}`;
}

export function asset(name: string): { type: string; etag: string; body: string } | undefined {
  return Object.hasOwn(WEB_ASSETS, name) ? WEB_ASSETS[name] : undefined;
}
