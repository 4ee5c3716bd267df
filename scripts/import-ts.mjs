// Imports a TypeScript module of src/ from a plain Node script: bundled by esbuild (packages stay external) into the cache.
import { mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The module at `entry` (a path from the project root), freshly bundled. */
export async function importTs(entry) {
  const { build } = await import("esbuild");
  const outfile = join(root, "node_modules/.cache/nianbao", basename(entry).replace(/\.ts$/, ".mjs"));
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "warning",
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
