// `npm run golden`: sha256 of the PDF and HTML bytes of every render fixture with the renderer version, written to
// test/fixtures/golden/render.json; test/node/golden.test.ts fails when the bytes change and the version does not.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Report } from "../src/core/model.ts";
import { RENDERER_VERSION, renderHtml, renderPdf } from "../src/core/render/index.ts";
import { nodeAssets } from "../src/runtime/assets-node.ts";

export const GOLDEN_FILE = new URL("../test/fixtures/golden/render.json", import.meta.url);
const FIXTURES = new URL("../test/fixtures/render/", import.meta.url);

export interface GoldenManifest {
  rendererVersion: string;
  /** Fixture name → sha256 (hex) of its PDF and HTML bytes. */
  files: Record<string, { pdf: string; html: string }>;
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/** Renders every fixture of test/fixtures/render/ with the Node assets and hashes the bytes. */
export async function goldenManifest(): Promise<GoldenManifest> {
  const assets = await nodeAssets();
  const files: GoldenManifest["files"] = {};
  const names = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .sort();
  for (const f of names) {
    const report = JSON.parse(readFileSync(new URL(f, FIXTURES), "utf8")) as Report;
    const [pdf, html] = await Promise.all([renderPdf(report, assets), renderHtml(report, assets)]);
    files[f.replace(/\.json$/, "")] = { pdf: sha256(pdf), html: sha256(html) };
  }
  return { rendererVersion: RENDERER_VERSION, files };
}

export function readGolden(): GoldenManifest {
  return JSON.parse(readFileSync(GOLDEN_FILE, "utf8")) as GoldenManifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const manifest = await goldenManifest();
  writeFileSync(GOLDEN_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${fileURLToPath(GOLDEN_FILE).split("/").slice(-4).join("/")} (${RENDERER_VERSION})`);
}
