// The Node server under hostile load: a job over budget is stopped (503, thread replaced) while /healthz answers; one report published once by 50 parallel POSTs (fs, s3rver, two processes on one folder); the start-up sweep.
import { existsSync } from "node:fs";
import { mkdir, readdir, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/runtime/node.ts";
import { publish } from "../../src/service/convert.ts";
import { artifactKey, metaKey } from "../../src/service/layout.ts";
import { sweep } from "../../src/service/sweep.ts";
import { listVersions } from "../../src/service/versions.ts";
import { FsStorage } from "../../src/storage/fs.ts";
import { fixture, json, realEngine } from "../support/service/app.ts";
import { type RunningS3, startS3 } from "../support/service/s3rver.ts";
import { tempDir } from "../support/temp-dir.ts";

const TOKEN = "hostile-test-token-0123456789";
const VALID = fixture("valid-2020.json");
const quiet = () => {};

const post = (url: string, body: string) =>
  fetch(`${url}/v1/reports`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${TOKEN}`,
      prefer: "return=minimal",
    },
  });

/**
 * A server on the given store (a data folder, or S3_* settings) takes 50 parallel POSTs of one new report: exactly one
 * 201, the rest 200 with the same links, one index entry.
 */
async function fiftyAtOnce(store: { dataDir?: string; env?: Record<string, string> }) {
  const server = await startServer({
    port: 0,
    ...(store.dataDir ? { dataDir: store.dataDir } : {}),
    env: { API_TOKENS: TOKEN, RATE_LIMIT_WRITES: "0", MAX_CONCURRENT_WRITES: "0", ...store.env },
    log: quiet,
    poolQueue: 200,
  });
  try {
    await postFifty(server);
  } finally {
    await server.close();
  }
}

async function postFifty(server: RunningServer) {
  const answers = await Promise.all(Array.from({ length: 50 }, () => post(server.url, VALID)));
  const statuses = answers.map((r) => r.status).sort();
  const bodies = await Promise.all(answers.map((r) => json(r)));
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 200)).toHaveLength(49);
  expect(new Set(bodies.map((b) => JSON.stringify(b.links))).size).toBe(1);
  const { organ, year } = JSON.parse(VALID) as { organ: string; year: number };
  expect(await listVersions(server.storage, organ, year)).toHaveLength(1);
}

describe("the worker-thread pool", () => {
  let server: RunningServer;
  const dataDir = tempDir("hostile");
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      dataDir,
      env: { API_TOKENS: TOKEN, RENDER_BUDGET_MS: "1500", RATE_LIMIT_WRITES: "0" },
      log: quiet,
      poolSize: 1,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it("stops a job over its budget (render_timeout), replaces the thread, and /healthz answers meanwhile", async () => {
    const spinning = server.engine.spin().then(
      () => "finished",
      (e: { code?: string }) => e.code,
    );
    const t0 = performance.now();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(await spinning).toBe("render_timeout");
    expect(server.engine.replaced).toBe(1);
    // The new thread does real work.
    const res = await fetch(`${server.url}/v1/validate`, {
      method: "POST",
      body: VALID,
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
  }, 60_000);

  it("answers 503 render_timeout over HTTP when a render exceeds the budget", async () => {
    const slow = await startServer({
      port: 0,
      dataDir: tempDir("hostile"),
      env: { API_TOKENS: TOKEN, RENDER_BUDGET_MS: "100", RATE_LIMIT_WRITES: "0" },
      log: quiet,
      poolSize: 1,
    });
    try {
      const res = await post(slow.url, VALID);
      expect(res.status).toBe(503);
      expect((await json(res)).error.code).toBe("render_timeout");
      expect((await fetch(`${slow.url}/healthz`)).status).toBe(200);
    } finally {
      await slow.close();
    }
  }, 60_000);
});

describe("publishing once", () => {
  it("50 parallel POSTs on the filesystem store: one 201, one index entry", async () => {
    await fiftyAtOnce({ dataDir: tempDir("hostile") });
  }, 120_000);

  describe("on an S3 server (s3rver)", () => {
    let s3: RunningS3;
    beforeAll(async () => {
      s3 = await startS3();
    });
    afterAll(async () => {
      await s3?.close();
    });
    it("50 parallel POSTs: one 201, one index entry", async () => {
      await fiftyAtOnce({ env: s3.env });
    }, 120_000);
  });

  it("two processes on one folder (two stores, no shared memory): the exclusive create lets one win", async () => {
    const dir = tempDir("hostile");
    const engine = await realEngine();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        publish({ storage: new FsStorage(dir), engine }, VALID, {}, {}).then((r) => ({ i, r })),
      ),
    );
    expect(results.filter(({ r }) => r.created)).toHaveLength(1);
    expect(new Set(results.map(({ r }) => r.meta.createdAt)).size).toBe(1);
    const { organ, year } = JSON.parse(VALID) as { organ: string; year: number };
    expect(await listVersions(new FsStorage(dir), organ, year)).toHaveLength(1);
  }, 60_000);

  it("a conditional write refuses a taken key on fs and leaves the first bytes", async () => {
    const store = new FsStorage(tempDir("hostile"));
    await store.put("a/b", "first", { onlyIfAbsent: true });
    await expect(store.put("a/b", "second", { onlyIfAbsent: true })).rejects.toMatchObject({
      name: "ObjectExists",
    });
    expect(new TextDecoder().decode((await store.get("a/b"))?.body)).toBe("first");
  });
});

describe("the sweep", () => {
  it("removes temp files and unfinished reports, indexes a report whose index entry is missing", async () => {
    const dir = tempDir("hostile");
    const storage = new FsStorage(dir);
    const engine = await realEngine();
    const { meta } = await publish({ storage, engine }, VALID);
    // A crash after meta.json, before the index entry: the entry is gone.
    const { organ, year } = meta;
    const [entry] = await listVersions(storage, organ, year);
    expect(entry).toBeDefined();
    for (const o of (await storage.list("index/")).objects) await storage.delete(o.key);
    // A crash mid-publish of another report: artifacts without meta.json, and a temp file.
    const orphan = "0123456789abcdef0123456789abcdef";
    await storage.put(artifactKey(orphan, "pdf"), "%PDF-half");
    await mkdir(join(dir, ".tmp"), { recursive: true });
    await writeFile(join(dir, ".tmp", "123-abc"), "half");
    const old = new Date(Date.now() - 3_600_000);
    await utimes(join(dir, ".tmp", "123-abc"), old, old);

    // Half-published artifacts are never served.
    const server = await startServer({
      port: 0,
      dataDir: dir,
      env: { API_TOKENS: TOKEN },
      log: quiet,
      poolSize: 1,
    });
    try {
      const r = await server.swept;
      expect(r).toBeUndefined(); // logged, not returned
      expect((await fetch(`${server.url}/v1/reports/${orphan}.pdf`)).status).toBe(404);
    } finally {
      await server.close();
    }
    const result = await sweep(storage, { now: Date.now() + 3_600_000 });
    expect(result.removed).toBe(1);
    expect(await storage.head(artifactKey(orphan, "pdf"))).toBeNull();
    expect(await listVersions(storage, organ, year)).toHaveLength(1);
    expect(await storage.head(metaKey(meta.id))).not.toBeNull();
    expect(existsSync(join(dir, ".tmp", "123-abc"))).toBe(false);
    expect(await readdir(join(dir, ".tmp"))).toEqual([]);
  }, 60_000);
});
