// Render speed (Node 22: node bench/render.ts): PDF (untagged and tagged) and HTML p50/p95 per seed in Node and in
// workerd, PDF bytes,
// Worker bundle size (gzip), and headless Chromium printing the same HTML to PDF with a warm browser, as a ratio.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Report } from "../src/core/model.ts";
import { renderHtml, renderPdf } from "../src/core/render/index.ts";
import { nodeAssets } from "../src/runtime/assets-node.ts";
import { launchChromium } from "../test/support/chromium.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
/** Warm-up runs per seed: the first seed measured would otherwise still be partly unoptimised by the JIT. */
const WARMUP = 20;

const seeds = readdirSync(join(root, "test/fixtures/render"))
  .filter((f) => f.startsWith("seed-") && f.endsWith(".json"))
  .sort()
  .map((f) => ({
    name: f.replace(/\.json$/, ""),
    report: JSON.parse(readFileSync(join(root, "test/fixtures/render", f), "utf8")) as Report,
  }));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const f1 = (n: number) => n.toFixed(1).padStart(6);

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

interface Row {
  name: string;
  pdf: number[];
  /** CPU time of the process per PDF render (user + system, ms): steadier than wall time on a busy machine. */
  pdfCpu: number[];
  html: number[];
  bytes: number;
  chromium?: number[];
  wPdf?: number[];
  wHtml?: number[];
  /** The tagged PDF (structure tree, /MarkInfo): bytes, Node wall and CPU, workerd. */
  taggedBytes: number;
  tPdf: number[];
  tPdfCpu: number[];
  wTagged?: number[];
}

const TAGGED = { tagged: true } as const;

// ---- Node ----
const assets = await nodeAssets();
const rows: Row[] = [];
for (const { name, report } of seeds) {
  const bytes = (await renderPdf(report, assets)).length;
  const taggedBytes = (await renderPdf(report, assets, TAGGED)).length;
  for (let i = 0; i < WARMUP; i++) {
    await renderPdf(report, assets);
    await renderPdf(report, assets, TAGGED);
  }
  const html = await time(() => renderHtml(report, assets));
  rows.push({ name, bytes, taggedBytes, pdf: [], pdfCpu: [], tPdf: [], tPdfCpu: [], html });
}
// PDF timings in rounds over the seeds, so a slow spell of a shared machine falls on every seed alike: each round
// renders a seed once untimed (its font subsets back in the cache), then times two renders of it, untagged then
// tagged, so both meet the same load.
for (let round = 0; round < Math.ceil(RUNS / 2); round++)
  for (const [i, { report }] of seeds.entries()) {
    const row = rows[i] as Row;
    for (const [options, wall, cpu] of [
      [{}, row.pdf, row.pdfCpu],
      [TAGGED, row.tPdf, row.tPdfCpu],
    ] as const) {
      await renderPdf(report, assets, options);
      for (let k = 0; k < 2; k++) {
        const c = process.cpuUsage();
        const t = performance.now();
        await renderPdf(report, assets, options);
        wall.push(performance.now() - t);
        const d = process.cpuUsage(c);
        cpu.push((d.user + d.system) / 1000);
      }
    }
  }

// ---- Node, the seeds in turn: each render's glyph sets differ from the one before (no cached font subsets) ----
const rotated: number[] = [];
for (let k = 0; k < Math.max(4, Math.ceil(RUNS / 5)); k++)
  for (const { report } of seeds) {
    const t = performance.now();
    await renderPdf(report, assets);
    rotated.push(performance.now() - t);
  }

// ---- headless Chromium, warm browser: the same HTML printed to PDF ----
// The test helpers' browser: the npm-carried Chromium, else a system one; none is a printed skip of this row only.
const browser = await launchChromium().catch((e: unknown) => {
  console.error(`(no Chromium: comparison skipped: ${e instanceof Error ? e.message : String(e)})`);
  return undefined;
});
if (browser) {
  const page = await browser.newPage();
  for (const row of rows) {
    const html = await renderHtml(seeds.find((s) => s.name === row.name)?.report as Report, assets);
    row.chromium = await time(async () => {
      await page.setContent(html, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      await page.pdf({ format: "A4", preferCSSPageSize: true });
    }, 10);
  }
  await browser.close();
}

// ---- workerd: the bench Worker under wrangler's local runtime ----
try {
  // No network: miniflare would otherwise fetch a Request.cf sample from the internet.
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
  const { unstable_startWorker } = await import("wrangler");
  const worker = await unstable_startWorker({
    entrypoint: join(root, "bench/render-worker.ts"),
    config: join(root, "wrangler.toml"),
    dev: { server: { port: 0 }, inspector: false, logLevel: "error" },
  } as Parameters<typeof unstable_startWorker>[0]);
  await worker.ready;
  for (const row of rows) {
    const body = JSON.stringify(seeds.find((s) => s.name === row.name)?.report);
    const call = async (path: string) => {
      const res = await worker.fetch(`http://bench${path}`, { method: "POST", body });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    // Timed from outside (workerd's clock stands still during a request); includes a local HTTP round trip.
    row.wPdf = await time(() => call("/pdf"));
    row.wTagged = await time(() => call("/pdf?tagged"));
    row.wHtml = await time(() => call("/html"));
  }
  await worker.dispose();
} catch (e) {
  console.error(`(workerd part failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
}

// ---- Worker bundle size ----
function bundleSize(entry: string | undefined): string {
  const out = mkdtempSync(join(tmpdir(), "nianbao-bundle-"));
  const args = [join(root, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", out];
  if (entry) args.push(entry);
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
  });
  rmSync(out, { recursive: true, force: true });
  const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(`${r.stdout}${r.stderr}`);
  return m
    ? `${(Number(m[1]) / 1024).toFixed(2)} MiB, gzip ${(Number(m[2]) / 1024).toFixed(2)} MiB`
    : "build failed";
}

// ---- report ----
const { loadavg, cpus } = await import("node:os");
console.log(
  `\nRender bench: ${RUNS} timed runs per seed (PDF: in rounds over the seeds) after ${WARMUP} warm-up runs, ms (p50 / p95); load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs\n`,
);
console.log(
  "seed       PDF bytes | Node PDF p50   p95 (CPU p50) | Node HTML p50  p95 | workerd PDF p50 p95 | workerd HTML p50 p95 | Chromium print p50 (ratio to Node PDF)",
);
for (const r of rows) {
  const w =
    r.wPdf && r.wHtml
      ? `${f1(pct(r.wPdf, 50))} ${f1(pct(r.wPdf, 95))} | ${f1(pct(r.wHtml, 50))} ${f1(pct(r.wHtml, 95))}`
      : "   n/a          |   n/a       ";
  const c = r.chromium
    ? `${f1(pct(r.chromium, 50))} (${(pct(r.chromium, 50) / pct(r.pdf, 50)).toFixed(1)}×)`
    : "n/a";
  console.log(
    `${r.name.padEnd(9)} ${String(r.bytes).padStart(9)} | ${f1(pct(r.pdf, 50))} ${f1(pct(r.pdf, 95))} (${f1(pct(r.pdfCpu, 50))}) | ${f1(pct(r.html, 50))} ${f1(pct(r.html, 95))} | ${w} | ${c}`,
  );
}
console.log("\nTagged PDF    bytes (+%) | Node p50   p95 (CPU p50, +% CPU) | workerd p50  p95 (+%)");
for (const r of rows) {
  const plus = (a: number, b: number) => `${a >= b ? "+" : ""}${(((a - b) / b) * 100).toFixed(0)}%`;
  const w =
    r.wTagged && r.wPdf
      ? `${f1(pct(r.wTagged, 50))} ${f1(pct(r.wTagged, 95))} (${plus(pct(r.wTagged, 50), pct(r.wPdf, 50))})`
      : "n/a";
  console.log(
    `${r.name.padEnd(9)} ${String(r.taggedBytes).padStart(9)} (${plus(r.taggedBytes, r.bytes)}) | ${f1(pct(r.tPdf, 50))} ${f1(pct(r.tPdf, 95))} (${f1(pct(r.tPdfCpu, 50))}, ${plus(pct(r.tPdfCpu, 50), pct(r.pdfCpu, 50))}) | ${w}`,
  );
}
console.log(
  `\nNode PDF, the seeds rendered in turn (new glyph sets each time, as for reports never seen): p50 ${f1(pct(rotated, 50))} p95 ${f1(pct(rotated, 95))} ms`,
);
console.log(
  `\nWorker bundle (wrangler deploy --dry-run): service ${bundleSize(undefined)}; renderer alone ${bundleSize("bench/render-worker.ts")}`,
);
