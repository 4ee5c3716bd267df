// Build step: bundles the CLI (src/runtime/cli.ts) into dist/cli.mjs (+ shared chunks) for Node 20+, packages left external.
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
    // Shared code in chunks and each command's module loaded when it runs (src/cli/main.ts), so the packages only
    // `serve` or `convert` need are not imported by `--help`, a usage error or `validate`.
    splitting: true,
    chunkNames: "chunk-[hash]",
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
