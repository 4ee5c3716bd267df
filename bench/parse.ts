// Parse speed: every corpus seed and parser fixture text, parsed repeatedly; prints reports/s and mean ms per report (Node 22: node bench/parse.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeInput } from "../src/core/parse/decode.ts";
import { parseReport } from "../src/core/parse/index.ts";

const here = dirname(fileURLToPath(import.meta.url));
const dirs = [
  resolve(here, "../test/fixtures/seeds"),
  resolve(here, "../test/fixtures/parse"),
  resolve(here, "../test/fixtures/blind"),
];

interface Input {
  name: string;
  seed: boolean;
  text: string;
  kind: "text" | "html";
}

const inputs: Input[] = [];
for (const dir of dirs) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) {
    if (!/\.(txt|html)$/.test(f)) continue;
    inputs.push({
      name: f,
      seed: dir === dirs[0],
      text: decodeInput(new Uint8Array(readFileSync(join(dir, f)))), // UTF-8, UTF-16, GB18030 as the service reads them
      kind: f.endsWith(".html") ? "html" : "text",
    });
  }
}
if (inputs.length === 0) throw new Error("no seed or fixture texts found");

/** Parses the list repeatedly for at least `minMs`; time is this process's CPU time (robust on a busy machine). */
function measure(list: readonly Input[], minMs: number): { reports: number; ms: number; wallMs: number } {
  let reports = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  let now = start;
  while (now - start < minMs) {
    for (const input of list) parseReport(input.text, input.kind);
    reports += list.length;
    now = performance.now();
  }
  const used = process.cpuUsage(cpu);
  return { reports, ms: (used.user + used.system) / 1000, wallMs: now - start };
}

measure(inputs, 300); // warm-up
const seeds = inputs.filter((i) => i.seed);
const all = measure(inputs, 2000);
const rows: [string, number, number][] = [];
if (seeds.length > 0) {
  const s = measure(seeds, 2000);
  rows.push([`seeds (${seeds.length})`, (s.reports / s.ms) * 1000, s.ms / s.reports]);
}
rows.push([
  `seeds + fixtures + blind (${inputs.length})`,
  (all.reports / all.ms) * 1000,
  all.ms / all.reports,
]);
const slowest = inputs
  .map((i) => {
    const m = measure([i], 100);
    return [i.name, m.ms / m.reports] as const;
  })
  .sort((a, b) => b[1] - a[1])
  .slice(0, 3);
console.log("parse: one core, parseReport(text) only, CPU time of this process");
for (const [name, perSec, ms] of rows)
  console.log(`  ${name.padEnd(34)} ${perSec.toFixed(0).padStart(7)} reports/s   ${ms.toFixed(3)} ms/report`);
console.log(`  slowest: ${slowest.map(([n, ms]) => `${n} ${ms.toFixed(3)} ms`).join(", ")}`);
