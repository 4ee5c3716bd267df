// Build step: bundles the CLI (src/runtime/cli.ts) into dist/cli.mjs for Node 20+, packages left external.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { writeOutputs } from "./write-changed.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export default async function buildCli() {
  const result = await build({
    // The pool's worker thread is its own file beside the CLI (src/runtime/pool-node.ts loads it).
    entryPoints: {
      cli: join(root, "src/runtime/cli.ts"),
      "pool-thread": join(root, "src/runtime/pool-thread.ts"),
    },
    outdir: join(root, "dist"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    legalComments: "none",
    write: false,
  });
  writeOutputs(result);
}
