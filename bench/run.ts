// `npm run bench`: runs the parse, render and HTTP benchmarks one after another and fails if any fails.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = ["parse", "input", "render", "tujie", "http", "workbench", "hostile"].filter(
  (b) => only.length === 0 || only.includes(b),
);

let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench: ${name} ===`);
  const run = spawnSync(process.execPath, [join(here, `${name}.ts`)], { stdio: "inherit" });
  if (run.status !== 0) {
    failed++;
    console.error(`bench ${name} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
