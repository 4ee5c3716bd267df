#!/usr/bin/env node
// Launcher of the nianbao CLI: runs the bundle dist/cli.mjs (built by npm install / npm run build).
try {
  await import("../dist/cli.mjs");
} catch (e) {
  if (e?.code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes("dist/cli.mjs")) {
    process.stderr.write("nianbao: dist/cli.mjs is missing; run `npm run build` first\n");
    process.exit(2);
  }
  throw e;
}
