// A worker thread of the Node pool: runs analyze and the renderers for the main thread, one job at a time.
import { parentPort, workerData } from "node:worker_threads";
import { isNianbaoError } from "../core/errors.ts";
import { coreEngine } from "../service/core-engine.ts";
import { nodeAssets } from "./assets-node.ts";
import type { PoolJob, PoolReply } from "./pool-protocol.ts";

const options = (workerData ?? {}) as { fallbackFont?: string; officeFontsDir?: string };
const assets = nodeAssets({
  ...(options.fallbackFont ? { fallbackFont: options.fallbackFont } : {}),
  ...(options.officeFontsDir ? { officeFontsDir: options.officeFontsDir } : {}),
});
const engine = coreEngine(() => assets);
// Ready once the fonts are read: the pool starts a job's budget only on a ready thread.
assets.then(
  () => parentPort?.postMessage({ ready: true }),
  () => parentPort?.postMessage({ ready: true }),
);

async function run(job: PoolJob): Promise<unknown> {
  switch (job.op) {
    case "analyze":
      return engine.analyze(job.input, job.hint);
    case "pdf":
      return engine.renderPdf(job.report, job.options);
    case "html":
      return engine.renderHtml(job.report);
    case "tujie":
      return engine.renderTujie?.(job.report, job.previous);
    case "spin":
      // Test hook: work that never yields, as hostile input did before the parser was linear.
      for (;;);
  }
}

parentPort?.on("message", async (job: PoolJob) => {
  let reply: PoolReply;
  try {
    reply = { id: job.id, ok: true, value: await run(job) };
  } catch (e) {
    reply = isNianbaoError(e)
      ? { id: job.id, ok: false, code: e.code, message: e.message, details: e.details }
      : { id: job.id, ok: false, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  const value = reply.ok ? reply.value : undefined;
  parentPort?.postMessage(reply, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []);
});
