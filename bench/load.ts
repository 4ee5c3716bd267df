// npm run load: a bounded load test on loopback — 50 and 200 connections for 30 s each against `nianbao serve` (Node) and `wrangler dev`
// (workerd), mixing POST /v1/reports (seed texts and model JSON), artifact and portal reads, and bad requests. Prints throughput, p50/p99,
// status counts, errors (dropped connections, timeouts) and peak memory (VmHWM of the server process; for wrangler dev, of the workerd
// process, as a proxy for one isolate). LOAD_SECONDS and LOAD_CONNECTIONS (comma-separated) change the defaults.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { fetchRetrying, randomPort, startChild } from "./child-server.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Math.min(120, Number(process.env.LOAD_SECONDS ?? 30));
const CONNECTIONS = (process.env.LOAD_CONNECTIONS ?? "50,200").split(",").map(Number);
const TOKEN = "load-token-0123456789abcdef";
const seedDir = join(root, "test/fixtures/seeds");
const seeds = readdirSync(seedDir)
  .filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), "utf8"));
const model = readFileSync(join(root, "test/fixtures/validate/report-2021.json"), "utf8");
const organ = (JSON.parse(model) as { organ: string; year: number }).organ;
const year = (JSON.parse(model) as { year: number }).year;

interface Target {
  name: string;
  url: string;
  /** The process whose memory is reported. */
  memoryPid: () => number | undefined;
  /** The JS heap of the Worker's isolate in MB (wrangler dev, through its inspector). */
  isolateHeap?: () => Promise<number | undefined>;
  stop(): void;
}

/** Runtime.getHeapUsage over the DevTools protocol of wrangler dev's inspector (it wants an Origin header). */
async function inspectorHeap(port: number): Promise<() => Promise<number | undefined>> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, {
    headers: { origin: "http://localhost" },
  } as unknown as string[]);
  const pending = new Map<number, (v: number | undefined) => void>();
  let id = 0;
  ws.onmessage = (e) => {
    const m = JSON.parse(String(e.data)) as { id?: number; result?: { usedSize?: number } };
    const done = m.id === undefined ? undefined : pending.get(m.id);
    if (done && m.id !== undefined) {
      pending.delete(m.id);
      done(m.result?.usedSize === undefined ? undefined : m.result.usedSize / 2 ** 20);
    }
  };
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error("inspector: no connection"));
  });
  return () =>
    new Promise((resolve) => {
      const i = ++id;
      pending.set(i, resolve);
      ws.send(JSON.stringify({ id: i, method: "Runtime.getHeapUsage" }));
      setTimeout(() => {
        if (pending.delete(i)) resolve(undefined);
      }, 2000);
    });
}

/** Peak resident set (VmHWM) and current (VmRSS) of a process, in MB, from /proc. */
function memoryOf(pid: number | undefined): { peak: number; now: number } | undefined {
  if (!pid) return undefined;
  try {
    const s = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
    return { peak: kb("VmHWM") / 1024, now: kb("VmRSS") / 1024 };
  } catch {
    return undefined;
  }
}

/** Descendants of a process named `name` (wrangler → workerd), by walking /proc. */
function descendantNamed(pid: number | undefined, name: string): number | undefined {
  if (!pid) return undefined;
  const children = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const m = /^\d+ \((.*)\) \S (\d+)/.exec(stat);
      if (!m) continue;
      names.set(Number(d), m[1] as string);
      const list = children.get(Number(m[2])) ?? [];
      list.push(Number(d));
      children.set(Number(m[2]), list);
    } catch {
      // gone
    }
  }
  const queue = [pid];
  for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
    for (const c of children.get(p) ?? []) {
      if (names.get(c)?.startsWith(name)) return c;
      queue.push(c);
    }
  }
  return undefined;
}

const start = (name: string, args: string[], port: number, env: Record<string, string>) =>
  startChild(name, args, port, {
    cwd: root,
    env,
    onStderr: (tail) => stderrTail.set(name, tail),
    messageChars: 20000,
  });

const retrying = (url: string, init: RequestInit) => fetchRetrying(url, init, 5, (attempt) => 1000 * attempt);

const auth = { authorization: `Bearer ${TOKEN}` };
/** The last lines each server wrote to stderr, shown when a run had 5xx answers or dropped connections. */
const stderrTail = new Map<string, string>();

/** Publishes the model once (and warms fonts, templates and the JIT); its id is what the reads ask for. */
async function prepare(url: string): Promise<string> {
  const res = await retrying(`${url}/v1/reports`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: model,
  });
  const body = (await res.json()) as { id?: string };
  if (!body.id) throw new Error(`set-up publish failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  for (const s of seeds) {
    await retrying(`${url}/v1/reports?force=true`, {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain; charset=utf-8" },
      body: s,
    });
  }
  return body.id;
}

/** The mix each connection cycles through: 3 writes, 4 reads, 3 bad requests. */
function mix(id: string): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: "POST",
      path: "/v1/reports?force=true",
      headers: { ...auth, "content-type": "text/plain; charset=utf-8" },
      setupRequest: (req) => ({ ...req, body: seeds[n++ % seeds.length] as string }),
    },
    { method: "GET", path: `/v1/reports/${id}.pdf` },
    {
      method: "POST",
      path: "/v1/reports",
      headers: { ...auth, "content-type": "application/json" },
      body: model,
    },
    { method: "GET", path: `/v1/reports/${id}` },
    { method: "GET", path: `/r/${encodeURIComponent(organ)}/${year}.html` },
    {
      method: "POST",
      path: "/v1/validate",
      headers: { ...auth, "content-type": "application/xml" },
      body: "<x/>",
    },
    { method: "GET", path: `/v1/reports/${id}.html` },
    {
      method: "POST",
      path: "/v1/reports",
      headers: { ...auth, "content-type": "application/json" },
      body: "{oops",
    },
    { method: "GET", path: "/v1/reports/00000000000000000000000000000000.pdf" },
    { method: "POST", path: "/v1/validate", headers: { "content-type": "text/plain" }, body: "no token" },
  ];
}

interface Row {
  target: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  codes: Record<string, number>;
  fiveXx: number;
  errors: number;
  timeouts: number;
  peakMb?: number;
  heapMb?: number;
}

async function load(target: Target, id: string, connections: number): Promise<Row> {
  let peak = 0;
  let heap = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memoryOf(target.memoryPid())?.now ?? 0);
    void target.isolateHeap?.().then((h) => {
      heap = Math.max(heap, h ?? 0);
    });
  }, 250);
  const r = (await autocannon({
    url: target.url,
    connections,
    duration: SECONDS,
    timeout: 30,
    requests: mix(id),
  } as autocannon.Options)) as autocannon.Result & {
    statusCodeStats?: Record<string, { count: number }>;
    "5xx": number;
  };
  clearInterval(sampler);
  const mem = memoryOf(target.memoryPid());
  const codes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  return {
    target: target.name,
    connections,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    codes,
    fiveXx: r["5xx"],
    errors: r.errors,
    timeouts: r.timeouts,
    peakMb: Math.max(peak, mem?.peak ?? 0) || undefined,
    ...(heap > 0 ? { heapMb: heap } : {}),
  };
}

const port = randomPort;

/**
 * A snapshot of the Worker's sources for `wrangler dev`: on the live tree it rebuilds and restarts workerd
 * whenever a source file changes, dropping every connection in flight (seen as 500s and resets while the tree
 * is being edited during a run). node_modules is linked, not copied.
 */
function snapshotWorker(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const f of ["src", "fonts", "templates", "wrangler.toml", "package.json", "tsconfig.json"]) {
    cpSync(join(root, f), join(dir, f), { recursive: true });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

const data = mkdtempSync(join(tmpdir(), "nianbao-load-"));
const rows: Row[] = [];

/** Publishes one report to read back, loads the target at each connection count, then stops it. */
async function measure(target: Target): Promise<void> {
  try {
    const id = await prepare(target.url);
    for (const c of CONNECTIONS) rows.push(await load(target, id, c));
  } finally {
    target.stop();
  }
}
const only = process.env.LOAD_TARGETS?.split(",") ?? ["node", "wrangler"];
try {
  if (only.includes("node")) {
    const p = port();
    const { child, url } = await start(
      "nianbao serve",
      [join(root, "bin/nianbao.js"), "serve", "--port", String(p), "--data", join(data, "node")],
      p,
      // Rate limiting off: this measures the service, not the limiter (which answers 429 cheaply).
      { API_TOKENS: TOKEN, RATE_LIMIT_WRITES: "0" },
    );
    const target: Target = {
      name: "node",
      url,
      memoryPid: () => child.pid,
      stop: () => child.kill("SIGTERM"),
    };
    await measure(target);
  }
  if (only.includes("wrangler")) {
    const p = port();
    const snapshot = snapshotWorker(join(data, "worker"));
    const { child, url } = await start(
      "wrangler dev",
      [
        join(root, "node_modules/wrangler/bin/wrangler.js"),
        "dev",
        "--config",
        join(snapshot, "wrangler.toml"),
        "--ip",
        "127.0.0.1",
        "--port",
        String(p),
        "--persist-to",
        join(data, "wrangler"),
        "--inspector-port",
        String(p + 1),
        "--show-interactive-dev-session=false",
        "--log-level",
        process.env.LOAD_WRANGLER_LOG ?? "error",
        "--var",
        `API_TOKENS:${TOKEN}`,
        "--var",
        "RATE_LIMIT_WRITES:0",
      ],
      p,
      {},
    );
    const target: Target = {
      name: "wrangler dev",
      url,
      memoryPid: () => descendantNamed(child.pid, "workerd"),
      isolateHeap: await inspectorHeap(p + 1),
      stop: () => child.kill("SIGTERM"),
    };
    await measure(target);
  }
} finally {
  rmSync(data, { recursive: true, force: true });
}

console.log(
  `\nLoad: ${SECONDS} s per run on 127.0.0.1 (autocannon); mix per connection: 3 writes, 4 reads, 3 bad requests`,
);
console.log(
  "memory: peak MB = peak RSS of the server process (node), or of the whole workerd process under wrangler dev (the isolate,\n" +
    "miniflare's local R2 and rate limiter, the dev proxy); heap MB = peak JS heap of the Worker's isolate (from its inspector)\n",
);
console.log(
  `${"target".padEnd(13)} ${"conns".padStart(5)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"5xx".padStart(5)} ${"errors".padStart(6)} ${"timeouts".padStart(8)} ${"peak MB".padStart(8)} ${"heap MB".padStart(8)}  status counts`,
);
for (const r of rows) {
  console.log(
    `${r.target.padEnd(13)} ${String(r.connections).padStart(5)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.fiveXx).padStart(5)} ${String(r.errors).padStart(6)} ${String(r.timeouts).padStart(8)} ${(r.peakMb?.toFixed(0) ?? "?").padStart(8)} ${(r.heapMb?.toFixed(0) ?? "-").padStart(8)}  ${JSON.stringify(r.codes)}`,
  );
}
const bad = rows.filter((r) => r.fiveXx > 0 || r.errors > 0 || r.timeouts > 0);
if (bad.length > 0) {
  console.log(`\n${bad.length} run(s) had 5xx answers or dropped connections`);
  for (const [name, tail] of stderrTail) console.log(`\n--- ${name} stderr (tail) ---\n${tail.slice(-6000)}`);
  process.exitCode = 1;
}
