// Word and PDF in (Node 22: node bench/input.ts): read + parse time of a seed as .docx, of a 6-page agency PDF and of our own PDFs, in Node and in workerd, against the budgets.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeInput } from "../src/core/analyze.ts";
import { readInput } from "../src/core/input/index.ts";
import { renderHtml, renderPdf } from "../src/core/render/index.ts";
import { nodeAssets } from "../src/runtime/assets-node.ts";
import { docxFromHtml } from "../test/support/docx-build.ts";
import { fixtures } from "../test/support/render-fixtures.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REAL = resolve(root, "../shared/corpus/real/huaian-gov-2024.pdf");

/** Budgets (ms per file, read + parse), from issue #11. */
const BUDGET = { docx: 10, pdfNode: 150, pdfWorkerd: 300 };

/** Mean CPU time of this process per call: robust on a busy machine (pdf.js runs on this thread). */
async function cpuMs(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / runs;
}

async function p50(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn(); // warm-up: pdf.js is loaded on first use
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const parse = async (bytes: Uint8Array, name: string) => {
  const read = await readInput(bytes, { filename: name });
  return analyzeInput(read.input, read.hint);
};

const assets = await nodeAssets();
const seed = fixtures().find((f) => f.name === "seed-002") ?? fixtures()[0];
if (!seed) throw new Error("no render fixture");
const model = analyzeInput(JSON.stringify(seed.report)).report;
const files: { name: string; bytes: Uint8Array; budget: number; workerd?: number }[] = [
  { name: `${seed.name}.docx`, bytes: docxFromHtml(await renderHtml(model, assets)), budget: BUDGET.docx },
  {
    // Headings numbered by Word's list feature: numbering.xml and styles.xml read too.
    name: `${seed.name}.docx (Word-numbered)`,
    bytes: docxFromHtml(await renderHtml(model, assets), { autoNumber: { converted: 0 } }),
    budget: BUDGET.docx,
  },
  { name: `${seed.name}.pdf (ours)`, bytes: await renderPdf(model, assets), budget: BUDGET.pdfNode },
];
if (existsSync(REAL))
  files.push({
    name: "huaian-gov-2024.pdf (6 pages, WPS)",
    bytes: new Uint8Array(readFileSync(REAL)),
    budget: BUDGET.pdfNode,
    workerd: BUDGET.pdfWorkerd,
  });
else console.error("(../shared/corpus/real/ absent: the 6-page agency PDF is skipped)");

let over = 0;
console.log(
  "input: read + parse of one file; Node: CPU time (checked against the budget) and p50 wall; workerd: p50 wall",
);
for (const f of files) {
  const runs = f.name.includes(".docx") ? 200 : 20;
  const ms = await cpuMs(() => parse(f.bytes, f.name), runs);
  const wall = await p50(() => parse(f.bytes, f.name), runs);
  const ok = ms <= f.budget;
  if (!ok) over++;
  console.log(
    `  Node     ${f.name.padEnd(36)} ${ms.toFixed(1).padStart(7)} ms CPU (wall ${wall.toFixed(1)})   budget ${f.budget} ms ${ok ? "ok" : "OVER"}`,
  );
}

// ---- workerd: the input Worker under wrangler's local runtime, timed from outside (includes a local HTTP round trip) ----
try {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
  const { unstable_startWorker } = await import("wrangler");
  const worker = await unstable_startWorker({
    entrypoint: join(root, "bench/input-worker.ts"),
    config: join(root, "wrangler.toml"),
    dev: { server: { port: 0 }, inspector: false, logLevel: "error" },
  } as Parameters<typeof unstable_startWorker>[0]);
  await worker.ready;
  for (const f of files) {
    if (f.workerd === undefined) continue;
    const budget = f.workerd;
    const ms = await p50(async () => {
      const res = await worker.fetch(`http://bench/?name=${encodeURIComponent(f.name)}`, {
        method: "POST",
        body: f.bytes as Uint8Array<ArrayBuffer>,
      });
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }, 10);
    // Wall time from outside only (workerd's clock stands still in a request): shown, not failed on.
    console.log(
      `  workerd  ${f.name.padEnd(36)} ${ms.toFixed(1).padStart(7)} ms wall   budget ${budget} ms ${ms <= budget ? "ok" : "over (wall time, busy machine?)"}`,
    );
  }
  await worker.dispose();
} catch (e) {
  console.error(`(workerd part failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
}
process.exit(over === 0 ? 0 : 1);
