// Build step: bundles the CLI (src/runtime/cli.ts) into dist/cli.mjs for Node 20+, packages left external.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export default async function buildCli() {
  await build({
    entryPoints: [join(root, "src/runtime/cli.ts")],
    outfile: join(root, "dist/cli.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    legalComments: "none",
  });
}
