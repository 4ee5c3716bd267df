// Storage faults: the API answers 503 with Retry-After and leaves no partial state; the queue consumer retries transient faults and records the rest.
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/service/engine.ts";
import { consumeUploads, type QueueMessage } from "../../src/service/queue.ts";
import { FaultyStorage, seededRandom } from "../../src/storage/faulty.ts";
import { MemoryStorage } from "../../src/storage/memory.ts";
import { storeFacts } from "../support/reliability/consistency.ts";
import { MODELS, SEED_TEXTS } from "../support/reliability/inputs.ts";
import { auth, json, makeApp, realEngine } from "../support/service/app.ts";

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

const publishReq = (body: unknown = MODELS[1]) =>
  ({
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify(body),
  }) as const;

/** Every key publish writes, in the order it writes them (the artifacts in parallel). */
const WRITE_POINTS = [/report\.pdf$/, /report\.html$/, /report\.json$/, /meta\.json$/, /^index\//];

describe("HTTP API under storage faults", () => {
  it.each(WRITE_POINTS.map((re) => [String(re), re] as const))(
    "a failed put of %s is a 503 with Retry-After; no partial state; a retry completes it",
    async (_name, re) => {
      const inner = new MemoryStorage();
      const storage = new FaultyStorage(inner, { permanent: (key, op) => op === "put" && re.test(key) });
      const { app } = await makeApp({ storage, engine });
      const res = await app.request("/v1/reports", publishReq());
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      const body = await json(res);
      expect(body.error.code).toBe("storage_unavailable");
      expect(JSON.stringify(body)).not.toMatch(/injected|fault/);
      const facts = await storeFacts(inner);
      expect(facts.problems).toEqual([]);
      // Nothing is reachable by organ: no index entry was written for an incomplete report.
      expect(facts.indexed.size).toBe(0);

      storage.setFaults({});
      const again = await app.request("/v1/reports", publishReq());
      expect([200, 201]).toContain(again.status);
      const { id } = await json(again);
      const after = await storeFacts(inner);
      expect(after.problems).toEqual([]);
      expect(after.indexed.get(id)).toBe(1);
      expect((await app.request(`/v1/reports/${id}.pdf`)).status).toBe(200);
    },
  );

  it("reads under failing gets answer 503 with Retry-After, never 500", async () => {
    const inner = new MemoryStorage();
    const { app } = await makeApp({ storage: inner, engine });
    const { id } = await json(app.request("/v1/reports", publishReq()));
    const storage = new FaultyStorage(inner, { rate: 1 });
    const { app: failing } = await makeApp({ storage, engine });
    for (const path of [
      `/v1/reports/${id}`,
      `/v1/reports/${id}.pdf`,
      `/v1/reports/${id}.html`,
      `/v1/reports?organ=${encodeURIComponent(MODELS[1]?.organ as string)}`,
      `/r/${encodeURIComponent(MODELS[1]?.organ as string)}/2022.pdf`,
    ]) {
      const res = await failing.request(path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get("retry-after"), path).toMatch(/^\d+$/);
      expect((await json(res)).error.code).toBe("storage_unavailable");
    }
  });

  it("random transient faults on every operation: each answer is a success or a 503, and the store stays consistent", async () => {
    const inner = new MemoryStorage();
    const storage = new FaultyStorage(inner, { rate: 0.2, random: seededRandom(7) });
    const { app } = await makeApp({ storage, engine });
    const statuses: number[] = [];
    const bodies = [MODELS[0], MODELS[1], SEED_TEXTS[2]];
    for (let i = 0; i < 30; i++) {
      const b = bodies[i % bodies.length];
      const res = await app.request(
        "/v1/reports",
        typeof b === "string"
          ? { method: "POST", headers: { ...auth, "content-type": "text/plain; charset=utf-8" }, body: b }
          : publishReq(b),
      );
      statuses.push(res.status);
      if (res.status === 503) expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      await res.arrayBuffer();
      expect((await storeFacts(inner)).problems).toEqual([]);
    }
    expect(statuses.every((s) => [200, 201, 422, 503].includes(s))).toBe(true);
    expect(statuses).toContain(503);
    expect(storage.stats.transient).toBeGreaterThan(0);
  });

  it("slow storage still gets an answer", async () => {
    const storage = new FaultyStorage(new MemoryStorage(), { slowRate: 1, slowMs: 5 });
    const { app } = await makeApp({ storage, engine });
    const res = await app.request("/v1/reports", publishReq());
    expect(res.status).toBe(201);
    expect(storage.stats.delayed).toBeGreaterThan(3);
  });
});

describe("queue consumer under storage faults", () => {
  const event = (key: string) => ({ bucket: "nianbao-reports", action: "PutObject", object: { key } });

  function message(body: unknown, attempts: number) {
    const calls: { kind: "ack" | "retry"; delay?: number }[] = [];
    const m: QueueMessage = {
      id: `m${attempts}`,
      body,
      attempts,
      ack: () => calls.push({ kind: "ack" }),
      retry: (o) =>
        calls.push({ kind: "retry", ...(o?.delaySeconds === undefined ? {} : { delay: o.delaySeconds }) }),
    };
    return { m, calls };
  }

  async function result(storage: MemoryStorage, key: string) {
    const o = await storage.get(`${key}.result.json`);
    return o ? JSON.parse(new TextDecoder().decode(o.body)) : null;
  }

  it("retries transient faults with growing delays, writes nothing partial, then publishes once", async () => {
    const inner = new MemoryStorage();
    const key = "incoming/flaky.json";
    await inner.put(key, JSON.stringify(MODELS[1]));
    const storage = new FaultyStorage(inner, {
      permanent: (k, op) => op === "put" && k.endsWith("meta.json"),
    });
    const delays: number[] = [];
    for (let attempts = 1; attempts <= 3; attempts++) {
      const { m, calls } = message(event(key), attempts);
      await consumeUploads([m], { storage, engine });
      expect(calls).toHaveLength(1);
      expect(calls[0]?.kind).toBe("retry");
      delays.push(calls[0]?.delay ?? 0);
      expect(await result(inner, key)).toBeNull();
      expect((await storeFacts(inner)).problems).toEqual([]);
    }
    expect(delays[1]).toBeGreaterThan(delays[0] as number);
    expect(delays[2]).toBeGreaterThan(delays[1] as number);
    storage.setFaults({});
    const { m, calls } = message(event(key), 4);
    await consumeUploads([m], { storage, engine });
    expect(calls).toEqual([{ kind: "ack" }]);
    const r = await result(inner, key);
    expect(r.status).toBe("published");
    expect((await storeFacts(inner)).indexed.get(r.id)).toBe(1);
  });

  it("a fault that does not heal is recorded as failed on the last delivery, then acked", async () => {
    const inner = new MemoryStorage();
    const key = "incoming/doomed.txt";
    await inner.put(key, SEED_TEXTS[2] as string);
    const storage = new FaultyStorage(inner, { permanent: (k, op) => op === "get" && k === key });
    for (let attempts = 1; attempts <= 6; attempts++) {
      const { m, calls } = message(event(key), attempts);
      await consumeUploads([m], { storage, engine }, { maxAttempts: 6 });
      if (attempts < 6) expect(calls.map((c) => c.kind)).toEqual(["retry"]);
      else expect(calls.map((c) => c.kind)).toEqual(["ack"]);
    }
    const r = await result(inner, key);
    expect(r).toMatchObject({ status: "failed", error: { code: "storage_unavailable" }, source: { key } });
    expect(JSON.stringify(r)).not.toMatch(/injected/);
    // A later delivery of the same upload tries again instead of trusting the failure.
    storage.setFaults({});
    const { m, calls } = message(event(key), 1);
    await consumeUploads([m], { storage, engine });
    expect(calls.map((c) => c.kind)).toEqual(["ack"]);
    expect((await result(inner, key)).status).toMatch(/^(published|rejected)$/);
  });

  it("an error no retry can fix (an engine crash) is recorded at once, not retried into the dead-letter queue", async () => {
    const inner = new MemoryStorage();
    const key = "incoming/crash.json";
    await inner.put(key, JSON.stringify(MODELS[1]));
    const crashing: Engine = {
      ...engine,
      renderPdf: async () => {
        throw new TypeError("renderer bug: secret path /srv/fonts");
      },
    };
    const { m, calls } = message(event(key), 1);
    await consumeUploads([m], { storage: inner, engine: crashing });
    expect(calls.map((c) => c.kind)).toEqual(["ack"]);
    const r = await result(inner, key);
    expect(r).toMatchObject({ status: "failed", error: { code: "internal" } });
    expect(JSON.stringify(r)).not.toContain("/srv/fonts");
    expect((await storeFacts(inner)).complete.size).toBe(0);
  });

  it("when even the failure cannot be recorded, the message is retried (kept for the dead-letter queue)", async () => {
    const inner = new MemoryStorage();
    const key = "incoming/all-down.txt";
    await inner.put(key, SEED_TEXTS[2] as string);
    const storage = new FaultyStorage(inner, { rate: 1 });
    const { m, calls } = message(event(key), 6);
    await consumeUploads([m], { storage, engine }, { maxAttempts: 6 });
    expect(calls.map((c) => c.kind)).toEqual(["retry"]);
  });
});
