// Zip batches inside workerd: the zip's R2 event unpacks it and sends every report through the real queue (BATCH
// producer → the Worker's own queue handler), each converted on its own; the last writes one summary.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/runtime/worker.ts";
import { twentyReports, zipBomb } from "../support/batch/zips.ts";

const QUEUE = "nianbao-incoming";

function event(key: string) {
  return {
    account: "test",
    bucket: "nianbao-reports",
    action: "PutObject",
    object: { key, size: 1, eTag: "x" },
    eventTime: new Date().toISOString(),
  };
}

async function deliver(key: string) {
  const batch = createMessageBatch(QUEUE, [
    { id: `z-${key}`, timestamp: new Date(), attempts: 1, body: event(key) },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

async function summary(key: string) {
  const o = await env.REPORTS.get(`${key}.result.json`);
  return o ? JSON.parse(await o.text()) : null;
}

/** Waits for the queue to deliver and the jobs to finish: the summary with nothing pending. */
async function finished(key: string, ms = 90_000) {
  const until = Date.now() + ms;
  for (;;) {
    const s = await summary(key);
    if (s?.batch?.pending === 0 || s?.status === "rejected") return s;
    if (Date.now() > until) return s;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("zip batches (queue fan-out in workerd)", () => {
  it("a zip of 20 reports: 20 queue messages, 20 results, one summary", async () => {
    const { zip, organs } = twentyReports();
    const key = "incoming/批次-20.zip";
    await env.REPORTS.put(key, zip);
    const r = await deliver(key);
    expect(r.explicitAcks).toEqual([`z-${key}`]);
    // Right after the zip's message: the work is handed out, the summary says 20 pending.
    const pending = await summary(key);
    expect(pending).toMatchObject({ status: "batch", batch: { total: 20, pending: 20 } });

    const s = await finished(key);
    expect(s.batch).toMatchObject({ total: 20, pending: 0, published: 18, rejected: 2, failed: 0 });
    expect(s.batch.entries).toHaveLength(20);
    const ids = s.batch.entries.filter((e: { id?: string }) => e.id).map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(18);
    for (const id of ids) expect(await env.REPORTS.head(`reports/${id}/meta.json`)).not.toBeNull();
    for (const organ of organs) {
      const listed = await env.REPORTS.list({ prefix: `index/${organ}/2020/` });
      expect(listed.objects.length, organ).toBe(1);
    }
  }, 120_000);

  it("a zip bomb is recorded as rejected and nothing is queued", async () => {
    const key = "incoming/bomb.zip";
    await env.REPORTS.put(key, zipBomb(40));
    const r = await deliver(key);
    expect(r.explicitAcks).toEqual([`z-${key}`]);
    const s = await summary(key);
    expect(s).toMatchObject({ status: "rejected", error: { code: "input_limit" } });
    expect(s.error.message).toMatch(/解压后超过 5 MB/);
  });
});
