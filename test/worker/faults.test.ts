// Storage faults inside workerd: the app on R2 answers 503 with Retry-After and leaves no partial state; the consumer retries and records.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { DEFAULT_BODY_LIMIT } from "../../src/http/services.ts";
import { workerAssets } from "../../src/runtime/assets-worker.ts";
import { coreEngine } from "../../src/service/core-engine.ts";
import { consumeUploads } from "../../src/service/queue.ts";
import { FaultyStorage } from "../../src/storage/faulty.ts";
import { R2Storage } from "../../src/storage/r2.ts";
import valid from "../fixtures/service/valid-2020.json";
import { storeFacts } from "../support/reliability/consistency.ts";

const engine = () => coreEngine(() => workerAssets({ bucket: env.REPORTS }));
const r2 = () => new R2Storage(env.REPORTS);

function app(storage: FaultyStorage) {
  return createApp({
    storage,
    engine: engine(),
    config: { apiTokens: [], bodyLimitBytes: DEFAULT_BODY_LIMIT },
    log: () => {},
  });
}

/** A report of its own per test (storage may be shared between tests): a fresh id each time. */
const publish = (organ: string) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ ...valid, organ }),
});

describe("the app on R2 under storage faults", () => {
  it.each([/report\.pdf$/, /meta\.json$/, /^index\//].map((re) => [String(re), re] as const))(
    "a failed put of %s: 503 with Retry-After, no partial state, a retry completes it",
    async (name, re) => {
      const req = () => publish(`故障测试局${name.replace(/[^a-z]/g, "")}`);
      const storage = new FaultyStorage(r2(), { permanent: (key, op) => op === "put" && re.test(key) });
      const a = app(storage);
      const res = await a.request("/v1/reports", req());
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("storage_unavailable");
      expect((await storeFacts(r2())).problems).toEqual([]);
      storage.setFaults({});
      const again = await a.request("/v1/reports", req());
      expect([200, 201]).toContain(again.status);
      const { id } = (await again.json()) as { id: string };
      const facts = await storeFacts(r2());
      expect(facts.problems).toEqual([]);
      expect(facts.indexed.get(id)).toBe(1);
    },
  );
});

describe("the consumer on R2 under storage faults (createMessageBatch)", () => {
  const event = (key: string) => ({
    account: "t",
    bucket: "nianbao-reports",
    action: "PutObject",
    object: { key },
  });

  it("a transient fault is retried; a fault that never heals is recorded as failed on the last delivery", async () => {
    await env.REPORTS.put("incoming/w-flaky.json", JSON.stringify(valid));
    await env.REPORTS.put("incoming/w-doomed.json", JSON.stringify(valid));
    const storage = new FaultyStorage(r2(), {
      permanent: (key, op) => op === "get" && key === "incoming/w-doomed.json",
    });
    // First: meta.json cannot be written, so the flaky upload is retried.
    storage.setFaults({
      permanent: (key, op) =>
        (op === "get" && key === "incoming/w-doomed.json") || (op === "put" && key.endsWith("meta.json")),
    });
    const b1 = createMessageBatch("nianbao-incoming", [
      { id: "f1", timestamp: new Date(), attempts: 1, body: event("incoming/w-flaky.json") },
      { id: "d6", timestamp: new Date(), attempts: 6, body: event("incoming/w-doomed.json") },
    ]);
    const c1 = createExecutionContext();
    await consumeUploads(b1.messages, { storage, engine: engine() }, { maxAttempts: 6 });
    const r1 = await getQueueResult(b1, c1);
    expect(r1.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(["f1"]);
    expect(r1.explicitAcks).toEqual(["d6"]);
    const doomed = JSON.parse(
      (await (await env.REPORTS.get("incoming/w-doomed.json.result.json"))?.text()) ?? "null",
    );
    expect(doomed).toMatchObject({ status: "failed", error: { code: "storage_unavailable" } });
    expect(await env.REPORTS.head("incoming/w-flaky.json.result.json")).toBeNull();
    expect((await storeFacts(r2())).problems).toEqual([]);

    // The store heals: the redelivery publishes.
    storage.setFaults({});
    const b2 = createMessageBatch("nianbao-incoming", [
      { id: "f2", timestamp: new Date(), attempts: 2, body: event("incoming/w-flaky.json") },
    ]);
    const c2 = createExecutionContext();
    await consumeUploads(b2.messages, { storage, engine: engine() }, { maxAttempts: 6 });
    expect((await getQueueResult(b2, c2)).explicitAcks).toEqual(["f2"]);
    const flaky = JSON.parse(
      (await (await env.REPORTS.get("incoming/w-flaky.json.result.json"))?.text()) ?? "null",
    );
    expect(flaky.status).toBe("published");
  });
});
