// HTTP throughput (Node 22: node bench/http.ts): conversions/s and p50/p99 latency at concurrency 10, over real HTTP,
// for `nianbao serve` (Node, filesystem store) and `wrangler dev` (workerd, local R2). BENCH_SECONDS sets the duration.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { fetchRetrying, randomPort, startChild, wranglerDevArgs } from "./child-server.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const base = JSON.parse(readFileSync(join(root, "test/fixtures/service/valid-2020.json"), "utf8")) as {
  title: string;
};

interface Target {
  name: string;
  url: string;
  stop(): void;
}

/** Starts a server and resolves once GET /healthz answers; rate limiting off (it would answer 429: this measures the
 * service). */
async function start(name: string, args: string[], port: number): Promise<Target> {
  const { child, url } = await startChild(name, args, port, { cwd: root, env: { RATE_LIMIT_WRITES: "0" } });
  return { name, url, stop: () => child.kill("SIGTERM") };
}

/** wrangler dev reloads when a source file changes under it: a closed connection is tried again. */
const fetchRetry = (url: string, init: RequestInit) => fetchRetrying(url, init, 60, () => 1000);

interface Row {
  target: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
}

/** `path` joins the target's URL (autocannon itself takes the path from the URL or from `requests`). */
async function run(
  target: Target,
  scenario: string,
  path: string,
  opts: Partial<autocannon.Options> = {},
): Promise<Row> {
  const r = await autocannon({
    url: `${target.url}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...opts,
  });
  const ok = r["2xx"];
  return {
    target: target.name,
    scenario,
    rps: ok / SECONDS,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok,
    errors: r.non2xx + r.errors + r.timeouts,
  };
}

async function scenarios(target: Target): Promise<Row[]> {
  const rows: Row[] = [];
  // Warm-up: fonts, templates and JIT.
  for (let i = 0; i < 3; i++) {
    await fetchRetry(`${target.url}/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...base, title: `warm-${i}-${Date.now()}` }),
    });
  }
  rows.push(
    // autocannon puts a fresh 27-character id in place of [<id>] in every request: a new report each time.
    await run(target, "POST /v1/reports (new report each: validate+render+store)", "/v1/reports", {
      method: "POST",
      headers: { "content-type": "application/json", prefer: "return=minimal" },
      body: JSON.stringify({ ...base, title: `${target.name}年报[<id>]` }),
      idReplacement: true,
    }),
  );
  const res = await fetchRetry(`${target.url}/v1/reports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(base),
  });
  const { links } = (await res.json()) as { links: { pdf: string } };
  rows.push(
    await run(target, "POST /v1/reports (same report again: no work)", "/v1/reports", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(base),
    }),
  );
  rows.push(await run(target, "GET {id}.pdf", new URL(links.pdf).pathname));
  return rows;
}

const rows: Row[] = [];
const data = mkdtempSync(join(tmpdir(), "nianbao-bench-"));
try {
  const nodePort = randomPort();
  const node = await start(
    "node",
    [join(root, "bin/nianbao.js"), "serve", "--port", String(nodePort), "--data", join(data, "node")],
    nodePort,
  );
  try {
    rows.push(...(await scenarios(node)));
  } finally {
    node.stop();
  }
  const wPort = randomPort();
  const wrangler = await start(
    "wrangler dev",
    wranglerDevArgs(root, wPort, join(data, "wrangler"), { RATE_LIMIT_WRITES: "0" }),
    wPort,
  );
  try {
    rows.push(...(await scenarios(wrangler)));
  } finally {
    wrangler.stop();
  }
} finally {
  rmSync(data, { recursive: true, force: true });
}

console.log(`\nHTTP bench: ${CONNECTIONS} connections, ${SECONDS} s per scenario (autocannon)\n`);
console.log(
  `${"target".padEnd(13)} ${"scenario".padEnd(58)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"ok".padStart(7)} ${"errors".padStart(7)}`,
);
for (const r of rows) {
  console.log(
    `${r.target.padEnd(13)} ${r.scenario.padEnd(58)} ${r.rps.toFixed(1).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.ok).padStart(7)} ${String(r.errors).padStart(7)}`,
  );
}
