// Soak: 1,000 uploads through the queue path with injected storage faults and duplicate deliveries; none lost, none converted twice.
import { describe, expect, it } from "vitest";
import type { Engine } from "../../src/service/engine.ts";
import { consumeUploads } from "../../src/service/queue.ts";
import { FaultyStorage, seededRandom } from "../../src/storage/faulty.ts";
import { MemoryStorage } from "../../src/storage/memory.ts";
import { storeFacts } from "../support/reliability/consistency.ts";
import { MODELS, SEED_TEXTS } from "../support/reliability/inputs.ts";
import { SimQueue } from "../support/reliability/sim-queue.ts";
import { realEngine } from "../support/service/app.ts";

/**
 * Few distinct reports, many uploads: ids are content-addressed, so a repeated report costs one lookup, not a
 * render (a PDF is ~30–60 ms); the fault and retry paths are what this exercises. The mix has valid reports
 * of both editions, seed texts (some with error findings: rejected), and garbage (rejected).
 */
const CONTENTS: { ext: string; body: string }[] = [
  { ext: "json", body: JSON.stringify(MODELS[0]) },
  { ext: "json", body: JSON.stringify(MODELS[1]) },
  ...SEED_TEXTS.map((t) => ({ ext: "txt", body: t })),
  { ext: "html", body: `<html><body><pre>${SEED_TEXTS[2]}</pre></body></html>` },
  { ext: "json", body: '{"edition":"2021"' },
  { ext: "txt", body: "这不是一份年报。" },
];

interface Counted extends Engine {
  renders: Map<string, number>;
}

/** The real engine, counting PDF renders per report (organ + year + title). */
function counting(engine: Engine): Counted {
  const renders = new Map<string, number>();
  return {
    ...engine,
    renders,
    renderPdf: async (report) => {
      const k = `${report.organ}|${report.year}|${report.title}`;
      renders.set(k, (renders.get(k) ?? 0) + 1);
      return engine.renderPdf(report);
    },
  };
}

describe("soak: the queue path with faults and duplicates", () => {
  it("1,000 uploads, 10% faulted deliveries, 5% duplicates: one result each, artifacts for every published one", async () => {
    const UPLOADS = 1000;
    const random = seededRandom(20261122);
    const inner = new MemoryStorage();
    // 2% per storage call: about one delivery in ten meets a fault (a delivery makes 4–12 calls); measured below.
    const storage = new FaultyStorage(inner, {
      rate: 0.02,
      random,
      // Ten uploads whose bytes can never be read: a permanent fault.
      permanent: (key, op) =>
        op === "get" &&
        /^incoming\/u0*(\d+)\./.exec(key)?.[1] !== undefined &&
        Number(/^incoming\/u0*(\d+)\./.exec(key)?.[1]) % 100 === 7,
    });
    const engine = counting(await realEngine());
    const queue = new SimQueue({ batchSize: 5, maxRetries: 5, duplicateRate: 0.05, random });

    const keys: string[] = [];
    for (let i = 0; i < UPLOADS; i++) {
      const c = CONTENTS[i % CONTENTS.length] as { ext: string; body: string };
      const key = `incoming/u${String(i).padStart(4, "0")}.${c.ext}`;
      keys.push(key);
      await inner.put(key, c.body);
      queue.send({
        account: "a",
        bucket: "nianbao-reports",
        action: "PutObject",
        object: { key, size: c.body.length },
      });
    }

    // The consumer handles a batch one message at a time; calling it per message lets faults be counted per delivery.
    let faultedDeliveries = 0;
    await queue.drain(async (messages) => {
      for (const m of messages) {
        const before = storage.stats.transient + storage.stats.permanent;
        await consumeUploads([m], { storage, engine }, { maxAttempts: 6 });
        if (storage.stats.transient + storage.stats.permanent > before) faultedDeliveries++;
      }
    });

    // Every upload has exactly one result record. A message reaches the dead-letter queue only when even its
    // failure could not be recorded on the last delivery; then an earlier delivery must have recorded one.
    for (const d of queue.deadLetters) {
      const key = (d.body as { object: { key: string } }).object.key;
      expect(await inner.head(`${key}.result.json`), key).not.toBeNull();
    }
    const statuses = new Map<string, string>();
    const ids = new Set<string>();
    for (const key of keys) {
      const o = await inner.get(`${key}.result.json`);
      expect(o, key).not.toBeNull();
      const r = JSON.parse(new TextDecoder().decode(o?.body));
      statuses.set(key, r.status);
      if (r.status === "published") ids.add(r.id);
    }
    // The permanently unreadable uploads, and only those, are recorded as failed.
    const failed = keys.filter((k) => statuses.get(k) === "failed");
    expect(failed).toEqual(keys.filter((_k, i) => i % 100 === 7));
    // The same content always ends the same way.
    for (let c = 0; c < CONTENTS.length; c++) {
      const outcomes = new Set(
        keys.filter((_k, i) => i % CONTENTS.length === c && i % 100 !== 7).map((k) => statuses.get(k)),
      );
      expect(outcomes.size, `content ${c}: ${[...outcomes]}`).toBe(1);
    }
    expect([...statuses.values()].filter((s) => s === "published").length).toBeGreaterThan(300);
    expect([...statuses.values()].filter((s) => s === "rejected").length).toBeGreaterThan(100);

    // Artifacts for every published report, one index entry each: none converted twice into the index.
    const facts = await storeFacts(inner);
    expect(facts.problems).toEqual([]);
    for (const id of ids) {
      expect(facts.complete.has(id), id).toBe(true);
      expect(facts.indexed.get(id), id).toBe(1);
    }
    // Renders happen once per distinct report, plus only where a fault struck between render and store.
    const extraRenders = [...engine.renders.values()].reduce((a, n) => a + n - 1, 0);
    expect(extraRenders).toBeLessThanOrEqual(storage.stats.transient);

    // The run was what it claims: faults and duplicates happened, and retries with backoff.
    const deliveries = queue.stats.deliveries;
    expect(faultedDeliveries / deliveries).toBeGreaterThan(0.08);
    expect(queue.stats.duplicates).toBeGreaterThan(20);
    expect(queue.stats.retries).toBeGreaterThan(50);
    expect(Math.max(...queue.stats.delays)).toBeGreaterThan(10);
    console.log(
      `soak: ${UPLOADS} uploads, ${deliveries} deliveries in ${queue.stats.batches} batches, ` +
        `${faultedDeliveries} deliveries met a fault (${((100 * faultedDeliveries) / deliveries).toFixed(1)}%), ` +
        `${storage.stats.transient} transient + ${storage.stats.permanent} permanent faults in ${storage.stats.calls} storage calls, ` +
        `${queue.stats.duplicates} duplicates, ${queue.stats.retries} retries, ${queue.deadLetters.length} dead letters; ${ids.size} distinct reports, ` +
        `${[...engine.renders.values()].reduce((a, n) => a + n, 0)} PDF renders`,
    );
  }, 120_000);
});
