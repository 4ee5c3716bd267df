// Hostile-input bench (node bench/hostile.ts): the attacks of issue #16 at the sizes the issue measured, in ms each —
// in-process (the core, the title balancing, the app on a memory store) and over real HTTP against `nianbao serve`
// (its worker-thread pool), with the slowest /healthz answer while each attack runs. Targets: each under 1 s.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeInput } from "../src/core/analyze.ts";
import { isNianbaoError } from "../src/core/errors.ts";
import { hasErrors } from "../src/core/finding.ts";
import { titleLines } from "../src/core/render/text/lines.ts";
import { createApp } from "../src/http/app.ts";
import { DEFAULT_BODY_LIMIT } from "../src/http/services.ts";
import { nodeAssets } from "../src/runtime/assets-node.ts";
import { coreEngine } from "../src/service/core-engine.ts";
import { MemoryStorage } from "../src/storage/memory.ts";
import { largestRead } from "../test/support/hostile/attack-bodies.ts";
import { ATTACKS } from "../test/support/hostile/attacks.ts";
import { randomPort, startChild, wranglerDevArgs } from "./child-server.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TARGET_MS = 1_000;
const TOKEN = "bench-hostile-token-0123456789";
const VALID = readFileSync(join(root, "test/fixtures/service/valid-2020.json"), "utf8");
const TITLE = "永康市商务局2020年度政府信息公开工作年度报告";

interface Case {
  name: string;
  body: string;
  type: string;
  /** The route it is sent to over HTTP. */
  path: string;
}

/**
 * Each attack at the size the issue measured (most are now refused at once by a limit) and at the largest size
 * the limits let the parser read; plus 「》」 just under the 100,000-character line limit (read, then refused by
 * the title limit).
 */
const cases: Case[] = [];
for (const a of ATTACKS) {
  const isJson = a.make(1).startsWith("{");
  const kind = { type: isJson ? "application/json" : "text/plain", path: "/v1/validate" };
  cases.push({ name: `${a.name} ×${a.measured.toLocaleString("en")}`, body: a.make(a.measured), ...kind });
  const n = largestRead(a.make, a.measured);
  if (n < a.measured)
    cases.push({ name: `${a.name} ×${n.toLocaleString("en")} (largest read)`, body: a.make(n), ...kind });
}
const seedBody = (ATTACKS[3]?.make(1) ?? "").split("\n").slice(1).join("\n");
cases.push({
  name: "》 ×99,970 before a title (just under the line limit)",
  body: `${"》".repeat(99_970)}${TITLE}\n${seedBody}`,
  type: "text/plain",
  path: "/v1/validate",
});
const model = JSON.parse(VALID) as Record<string, Record<string, unknown>>;
const unknownKeys = { ...model.proactive };
for (let i = 0; i < 150_000; i++) unknownKeys[`k${i}`] = 1;
cases.push({
  name: "150,000 unknown JSON keys (published, findings capped)",
  body: JSON.stringify({ ...model, proactive: unknownKeys }),
  type: "application/json",
  path: "/v1/reports?force=true",
});
cases.push({
  name: "30,000-character title (refused before rendering)",
  body: JSON.stringify({
    ...model,
    title: "某某县人民政府2020年度政府信息公开工作年度报告".repeat(1_200).slice(0, 30_000),
  }),
  type: "application/json",
  path: "/v1/render",
});

/** What a core call answered: an error code, or valid / findings. */
function outcome(work: () => { findings: Parameters<typeof hasErrors>[0] }): string {
  try {
    return hasErrors(work().findings) ? "findings" : "valid";
  } catch (e) {
    return isNianbaoError(e) ? e.code : `THREW ${String(e)}`;
  }
}

/** Best of `runs` (ms of this process's CPU time, and wall ms): steadier than one run on a busy machine. */
function best(runs: number, work: () => unknown): { cpu: number; wall: number } {
  let cpu = Number.POSITIVE_INFINITY;
  let wall = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    work();
    wall = Math.min(wall, performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { cpu, wall };
}

let failed = false;
const row = (ok: boolean, name: string, ms: number, detail: string) => {
  console.log(`${ok ? "ok  " : "SLOW"} ${name.padEnd(72)} ${ms.toFixed(0).padStart(6)} ms  ${detail}`);
  if (!ok) failed = true;
};

console.log(`hostile, in process (best of 3; CPU ms of this process; target < ${TARGET_MS} ms each)`);
for (const c of cases.filter((c) => c.path === "/v1/validate" || c.path.startsWith("/v1/reports"))) {
  const answer = outcome(() => analyzeInput(c.body));
  const { cpu } = best(3, () => outcome(() => analyzeInput(c.body)));
  row(
    cpu < TARGET_MS,
    `analyzeInput: ${c.name}`,
    cpu,
    `${answer}, ${(c.body.length / 1000).toFixed(0)}k chars`,
  );
}
const assets = await nodeAssets();
const longTitle = "某某县人民政府2020年度政府信息公开工作年度报告".repeat(1_200).slice(0, 30_000);
const opts = { width: 442, fontSize: 22, lineHeight: 1.15 };
titleLines(TITLE, "某某县人民政府", assets, opts); // fonts loaded
const balanced = best(3, () => titleLines(longTitle, "某某县人民政府", assets, opts));
row(
  balanced.cpu < TARGET_MS,
  "titleLines: a 30,000-character title balanced",
  balanced.cpu,
  "render's title lines",
);

const storage = new MemoryStorage();
const app = createApp({
  storage,
  engine: coreEngine(async () => assets),
  config: { apiTokens: [TOKEN], bodyLimitBytes: DEFAULT_BODY_LIMIT, eventBucket: "nianbao-bench" },
  log: () => {},
});
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
const record = (i: number) => ({
  eventName: "ObjectCreated:Put",
  s3: { bucket: { name: "nianbao-bench" }, object: { key: `incoming/r${i}.json`, size: 10 } },
});
// The route's first request compiles it (zod schemas, handlers): one small event first, then the best of 3.
await (
  await app.request("/v1/events/s3", { method: "POST", body: JSON.stringify({ Records: [] }), headers: auth })
).arrayBuffer();
for (const n of [2_000, 100]) {
  const body = JSON.stringify({ Records: Array.from({ length: n }, (_, i) => record(i)) });
  let status = 0;
  let ms = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const res = await app.request("/v1/events/s3", { method: "POST", body, headers: auth });
    status = res.status;
    await res.arrayBuffer();
    ms = Math.min(ms, performance.now() - t0);
  }
  row(
    ms < TARGET_MS,
    `POST /v1/events/s3 with ${n.toLocaleString("en")} Records (app, memory store; wall, best of 3)`,
    ms,
    `HTTP ${status}`,
  );
}

/** Sends every case to a running server, timing each from outside, with /healthz polled meanwhile. */
async function overHttp(url: string, workerd: boolean): Promise<void> {
  // The first request starts the pool's threads or the isolate (fonts, modules): not what is measured.
  await (await fetch(`${url}/v1/validate`, { method: "POST", body: VALID, headers: auth })).arrayBuffer();
  for (const c of cases) {
    let done = false;
    let slowestHealth = 0;
    const health = (async () => {
      while (!done) {
        const t0 = performance.now();
        try {
          await (await fetch(`${url}/healthz`)).arrayBuffer();
        } catch {
          // a closed connection: counted as the time it took
        }
        slowestHealth = Math.max(slowestHealth, performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    let res: Response;
    let text: string;
    try {
      res = await fetch(url + c.path, {
        method: "POST",
        body: c.body,
        headers: { ...auth, "content-type": c.type, prefer: "return=minimal" },
      });
      text = await res.text();
    } catch (e) {
      done = true;
      await health;
      row(false, c.name, performance.now() - t0, `no answer: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const ms = performance.now() - t0;
    done = true;
    await health;
    let code = "";
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? "";
    } catch {
      code = "";
    }
    // workerd runs a request's JavaScript on one thread: /healthz waits behind it locally (the edge spreads
    // requests over isolates), so only the attack's own time counts there.
    row(
      ms < TARGET_MS && res.status < 500 && (workerd || slowestHealth < TARGET_MS),
      c.name,
      ms,
      `HTTP ${res.status}${code ? ` ${code}` : ""}, /healthz ≤ ${slowestHealth.toFixed(0)} ms meanwhile`,
    );
  }
}

console.log(
  `\nhostile over HTTP, \`nianbao serve\` (worker-thread pool; wall ms; the slowest /healthz meanwhile)`,
);
const data = mkdtempSync(join(tmpdir(), "nianbao-bench-hostile-"));
try {
  const port = randomPort();
  const { child, url } = await startChild(
    "nianbao serve",
    ["bin/nianbao.js", "serve", "--port", String(port), "--data", data],
    port,
    { cwd: root, env: { API_TOKENS: TOKEN, RATE_LIMIT_WRITES: "0" } },
  );
  try {
    await overHttp(url, false);
  } finally {
    child.kill("SIGTERM");
  }

  console.log(`\nhostile over HTTP, \`wrangler dev\` (workerd, local R2; wall ms from outside)`);
  const wPort = randomPort();
  const wrangler = await startChild(
    "wrangler dev",
    wranglerDevArgs(root, wPort, join(data, "wrangler"), { RATE_LIMIT_WRITES: "0", API_TOKENS: TOKEN }),
    wPort,
    { cwd: root, env: { CLOUDFLARE_CF_FETCH_ENABLED: "false" } },
  );
  try {
    await overHttp(wrangler.url, true);
  } finally {
    wrangler.child.kill("SIGTERM");
  }
} finally {
  rmSync(data, { recursive: true, force: true });
}
console.log("(a shared 2-core machine: figures vary with load; compare runs on one machine)");
process.exit(failed ? 1 : 0);
