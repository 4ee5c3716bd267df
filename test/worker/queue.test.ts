// Conversion on upload inside workerd: R2 event messages through the Worker's queue handler (createMessageBatch).
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { NianbaoError } from "../../src/core/errors.ts";
import { workerAssets } from "../../src/runtime/assets-worker.ts";
import worker from "../../src/runtime/worker.ts";
import { coreEngine } from "../../src/service/core-engine.ts";
import { consumeUploads } from "../../src/service/queue.ts";
import { R2Storage } from "../../src/storage/r2.ts";
import type { Storage } from "../../src/storage/types.ts";
import invalid from "../fixtures/service/invalid-2020.json";
import valid from "../fixtures/service/valid-2020.json";

const QUEUE = "nianbao-incoming";
let n = 0;

function event(key: string, action = "PutObject") {
  return {
    account: "test",
    bucket: "nianbao-reports",
    action,
    object: { key, size: 1, eTag: "x" },
    eventTime: new Date().toISOString(),
  };
}

async function deliver(bodies: unknown[], attempts = 1) {
  const batch = createMessageBatch(
    QUEUE,
    bodies.map((body) => ({ id: `m${++n}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return { ids: batch.messages.map((m) => m.id), result: await getQueueResult(batch, ctx) };
}

async function result(key: string) {
  const o = await env.REPORTS.get(`${key}.result.json`);
  return o ? JSON.parse(await o.text()) : null;
}

describe("upload queue consumer", () => {
  it("publishes an uploaded report, records the outcome and acks", async () => {
    await env.REPORTS.put("incoming/永康 2020.json", JSON.stringify(valid));
    const { ids, result: r } = await deliver([event("incoming/永康 2020.json")]);
    expect(r.explicitAcks).toEqual(ids);
    expect(r.retryMessages).toEqual([]);
    const rec = await result("incoming/永康 2020.json");
    expect(rec).toMatchObject({ status: "published", source: { key: "incoming/永康 2020.json" } });
    expect(rec.id).toMatch(/^[0-9a-f]{32}$/);
    expect(rec.links.pdf).toBe(`/v1/reports/${rec.id}.pdf`);
    expect(await env.REPORTS.head(`reports/${rec.id}/report.pdf`)).not.toBeNull();
  });

  it("records the glyph findings of characters the fonts cannot draw", async () => {
    // 堃 (U+5803) is outside the bundled GB2312 subset.
    await env.REPORTS.put("incoming/堃山.json", JSON.stringify({ ...valid, organ: "永康市堃山镇人民政府" }));
    await deliver([event("incoming/堃山.json")]);
    const rec = await result("incoming/堃山.json");
    expect(rec.status).toBe("published");
    const glyphs = rec.findings.filter((f: { code: string }) => f.code === "font.missing-glyph");
    expect(glyphs).toContainEqual(expect.objectContaining({ path: "/organ", codePoint: "U+5803" }));
  });

  it("does no duplicate work when an event is delivered again", async () => {
    await env.REPORTS.put("incoming/again.json", JSON.stringify(valid));
    await deliver([event("incoming/again.json")]);
    const first = await env.REPORTS.head("incoming/again.json.result.json");
    const { ids, result: r } = await deliver([event("incoming/again.json")], 2);
    expect(r.explicitAcks).toEqual(ids);
    const second = await env.REPORTS.head("incoming/again.json.result.json");
    expect(second?.uploaded.getTime()).toBe(first?.uploaded.getTime());
    expect(second?.etag).toBe(first?.etag);
  });

  it("does not trust a planted result file with the matching etag: the upload is converted", async () => {
    const key = "incoming/planted.json";
    await env.REPORTS.put(key, JSON.stringify(valid));
    const etag = (await env.REPORTS.head(key))?.etag as string;
    const fake = {
      status: "published",
      source: { key, etag },
      id: "0".repeat(32),
      links: { self: "https://evil.example/x", pdf: "https://evil.example/x.pdf", html: "x", json: "x" },
      finishedAt: new Date().toISOString(),
      signature: "a".repeat(64),
    };
    await env.REPORTS.put(`${key}.result.json`, JSON.stringify(fake));
    const { ids, result: r } = await deliver([event(key)]);
    expect(r.explicitAcks).toEqual(ids);
    const rec = await result(key);
    expect(rec.status).toBe("published");
    expect(rec.id).toMatch(/^[0-9a-f]{32}$/);
    expect(rec.id).not.toBe("0".repeat(32));
    expect(rec.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(await env.REPORTS.head(`reports/${rec.id}/report.pdf`)).not.toBeNull();
  });

  it("records a permanent failure with its findings and acks", async () => {
    await env.REPORTS.put("incoming/bad.json", JSON.stringify(invalid));
    await env.REPORTS.put("incoming/junk.txt", "这不是一份年报。");
    const { ids, result: r } = await deliver([event("incoming/bad.json"), event("incoming/junk.txt")]);
    expect(r.explicitAcks).toEqual(ids);
    const bad = await result("incoming/bad.json");
    expect(bad).toMatchObject({ status: "rejected", error: { code: "invalid_report" } });
    expect(bad.findings.some((f: { severity: string }) => f.severity === "error")).toBe(true);
    const junk = await result("incoming/junk.txt");
    expect(junk.status).toBe("rejected");
    expect(junk.error.code).toMatch(/^(not_a_report|invalid_input|invalid_report)$/);
  });

  it("acks what a retry cannot change: malformed messages, deletions, result files, other folders", async () => {
    const { ids, result: r } = await deliver([
      "not an event",
      event("incoming/x.json", "DeleteObject"),
      event("incoming/bad.json.result.json"),
      event("reports/x/report.json"),
      event("incoming/never-uploaded.json"),
    ]);
    expect(r.explicitAcks).toEqual(ids);
    expect(r.retryMessages).toEqual([]);
    expect(await result("incoming/never-uploaded.json")).toBeNull();
  });

  it("retries a transient failure with backoff and never acks it", async () => {
    const r2 = new R2Storage(env.REPORTS);
    // R2 itself works; this store fails its first read, as a store does under an outage.
    let failures = 1;
    const flaky: Storage = {
      kind: "flaky",
      get: (key) => (failures-- > 0 ? Promise.reject(new NianbaoError("storage_unavailable")) : r2.get(key)),
      head: (key) => r2.head(key),
      put: (key, body, options) => r2.put(key, body, options),
      list: (prefix, options) => r2.list(prefix, options),
      delete: (key) => r2.delete(key),
    };
    await env.REPORTS.put("incoming/flaky.json", JSON.stringify(valid));
    const deps = { storage: flaky, engine: coreEngine(() => workerAssets({ bucket: env.REPORTS })) };

    const batch = createMessageBatch(QUEUE, [
      { id: "t1", timestamp: new Date(), attempts: 3, body: event("incoming/flaky.json") },
    ]);
    const ctx = createExecutionContext();
    const retry = vi.spyOn(batch.messages[0] as Message, "retry");
    await consumeUploads(batch.messages, deps);
    const r = await getQueueResult(batch, ctx);
    expect(r.explicitAcks).toEqual([]);
    expect(r.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(["t1"]);
    // Third attempt: 10 s doubled twice.
    expect(retry).toHaveBeenCalledWith({ delaySeconds: 40 });
    expect(await result("incoming/flaky.json")).toBeNull();

    // The redelivery succeeds.
    const again = createMessageBatch(QUEUE, [
      { id: "t2", timestamp: new Date(), attempts: 4, body: event("incoming/flaky.json") },
    ]);
    const ctx2 = createExecutionContext();
    await consumeUploads(again.messages, deps);
    expect((await getQueueResult(again, ctx2)).explicitAcks).toEqual(["t2"]);
    expect((await result("incoming/flaky.json")).status).toBe("published");
  });
});
