// A smaller soak inside workerd: uploads through the consumer on R2 with faults and duplicates (simulated queue), then the Worker's own queue handler with redelivery.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { workerAssets } from "../../src/runtime/assets-worker.ts";
import worker from "../../src/runtime/worker.ts";
import { coreEngine } from "../../src/service/core-engine.ts";
import { consumeUploads } from "../../src/service/queue.ts";
import { FaultyStorage, seededRandom } from "../../src/storage/faulty.ts";
import { R2Storage } from "../../src/storage/r2.ts";
import seedText from "../fixtures/seeds/002_ddbd805a826f66fd.txt?raw";
import invalid from "../fixtures/service/invalid-2020.json";
import valid from "../fixtures/service/valid-2020.json";
import { storeFacts } from "../support/reliability/consistency.ts";
import { SimQueue } from "../support/reliability/sim-queue.ts";

const CONTENTS = [
  { ext: "json", body: JSON.stringify({ ...valid, organ: "浸泡测试局" }) },
  { ext: "txt", body: seedText },
  { ext: "json", body: JSON.stringify(invalid) },
  { ext: "txt", body: "这不是一份年报。" },
];

const event = (key: string) => ({
  account: "t",
  bucket: "nianbao-reports",
  action: "PutObject",
  object: { key },
});

async function resultOf(key: string): Promise<{ status: string; id?: string } | null> {
  const o = await env.REPORTS.get(`${key}.result.json`);
  return o ? JSON.parse(await o.text()) : null;
}

describe("soak in workerd", () => {
  it("120 uploads, transient faults and duplicates: one result each, complete reports, one index entry each", async () => {
    const random = seededRandom(42);
    const storage = new FaultyStorage(new R2Storage(env.REPORTS), { rate: 0.02, random });
    const engine = coreEngine(() => workerAssets({ bucket: env.REPORTS }));
    const queue = new SimQueue({ batchSize: 5, maxRetries: 5, duplicateRate: 0.05, random });
    const keys: string[] = [];
    for (let i = 0; i < 120; i++) {
      const c = CONTENTS[i % CONTENTS.length] as { ext: string; body: string };
      const key = `incoming/soak-${i}.${c.ext}`;
      keys.push(key);
      await env.REPORTS.put(key, c.body);
      queue.send(event(key));
    }
    await queue.drain((messages) => consumeUploads(messages, { storage, engine }, { maxAttempts: 6 }));
    const statuses = await Promise.all(keys.map(async (k) => (await resultOf(k))?.status));
    expect(statuses.filter((s) => s === undefined)).toEqual([]);
    expect(new Set(statuses.filter((_s, i) => i % 4 === 0))).toEqual(new Set(["published"]));
    expect(new Set(statuses.filter((_s, i) => i % 4 >= 2))).toEqual(new Set(["rejected"]));
    const facts = await storeFacts(new R2Storage(env.REPORTS));
    expect(facts.problems).toEqual([]);
    for (const k of keys.filter((_k, i) => i % 4 < 2)) {
      const r = await resultOf(k);
      expect(facts.indexed.get(r?.id as string), k).toBe(1);
    }
    expect(storage.stats.transient).toBeGreaterThan(0);
    expect(queue.stats.duplicates).toBeGreaterThan(0);
  }, 120_000);

  it("the Worker's queue handler: a batch delivered twice is converted once", async () => {
    const keys = Array.from({ length: 10 }, (_v, i) => `incoming/twice-${i}.${i % 2 ? "txt" : "json"}`);
    for (const [i, k] of keys.entries()) await env.REPORTS.put(k, (CONTENTS[i % 2] as { body: string }).body);
    const deliver = async (attempts: number) => {
      const batch = createMessageBatch(
        "nianbao-incoming",
        keys.map((k, i) => ({ id: `t${attempts}-${i}`, timestamp: new Date(), attempts, body: event(k) })),
      );
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      return getQueueResult(batch, ctx);
    };
    const first = await deliver(1);
    expect(first.explicitAcks).toHaveLength(10);
    const before = await Promise.all(keys.map((k) => env.REPORTS.head(`${k}.result.json`)));
    const second = await deliver(2);
    expect(second.explicitAcks).toHaveLength(10);
    expect(second.retryMessages).toEqual([]);
    const after = await Promise.all(keys.map((k) => env.REPORTS.head(`${k}.result.json`)));
    // Same result objects: the redelivery wrote nothing.
    expect(after.map((o) => o?.etag)).toEqual(before.map((o) => o?.etag));
    expect(after.map((o) => o?.uploaded.getTime())).toEqual(before.map((o) => o?.uploaded.getTime()));
    expect((await storeFacts(new R2Storage(env.REPORTS))).problems).toEqual([]);
  }, 60_000);
});
