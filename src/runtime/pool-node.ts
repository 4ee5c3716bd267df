// The Node engine: analyze and render in a pool of worker threads, so a job over its budget is stopped (the thread terminated and replaced).
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { NianbaoError } from "../core/errors.ts";
import type { Report, ValidationResult } from "../core/model.ts";
import type { Engine, PdfOptions } from "../service/engine.ts";
import type { JobBody, PoolJob, PoolReply } from "./pool-protocol.ts";

export interface PoolOptions {
  /** Threads (default: the cores available). */
  size?: number;
  /** Jobs waiting for a thread before more are refused with 429 (default: 16 per thread, at least 32). */
  queueLimit?: number;
  /** Longest one job (an analyze or a render) may run (RENDER_BUDGET_MS). */
  budgetMs: number;
  /** FALLBACK_FONT, passed to each thread. */
  fallbackFont?: string;
  /** The office's own fonts (FONTS_DIR or `serve --fonts`), passed to each thread. */
  officeFontsDir?: string;
  /** Test hook: the thread script (default: pool-thread.ts beside this file, or pool-thread.mjs in dist/). */
  script?: URL;
}

export interface PoolEngine extends Engine {
  /** Sends a job that never ends (tests prove the budget stops it). */
  spin(): Promise<unknown>;
  /** Threads replaced after a job ran over its budget or a thread died. */
  readonly replaced: number;
  close(): Promise<void>;
}

type Pending = { job: PoolJob; resolve: (v: unknown) => void; reject: (e: unknown) => void };

interface Slot {
  worker: Worker;
  /** The thread has loaded its modules and fonts (a job's budget counts from here). */
  ready?: boolean;
  busy?: Pending & { timer: ReturnType<typeof setTimeout> };
}

/** The thread script next to this module: .ts when run from source, .mjs in the CLI bundle. */
const defaultScript = (): URL =>
  new URL(import.meta.url.endsWith(".ts") ? "./pool-thread.ts" : "./pool-thread.mjs", import.meta.url);

/**
 * An Engine whose analyze and renders run in worker threads. `versions` answers rendererVersion and
 * outputVersion from the main thread (it holds the same fonts the threads load).
 */
export function threadPoolEngine(
  versions: Pick<Engine, "rendererVersion" | "outputVersion">,
  options: PoolOptions,
): PoolEngine {
  const size = Math.max(1, options.size ?? availableParallelism());
  const queueLimit = options.queueLimit ?? Math.max(32, size * 16);
  const script = options.script ?? defaultScript();
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let replaced = 0;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(script, {
      workerData: {
        ...(options.fallbackFont ? { fallbackFont: options.fallbackFont } : {}),
        ...(options.officeFontsDir ? { officeFontsDir: options.officeFontsDir } : {}),
      },
      // A thread's heap is bounded too: a job that would take the process down ends the thread instead.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    const slot: Slot = { worker };
    worker.on("message", (reply: PoolReply | { ready: true }) => {
      if ("ready" in reply) {
        slot.ready = true;
        pump();
        return;
      }
      const busy = slot.busy;
      if (!busy || busy.job.id !== reply.id) return;
      clearTimeout(busy.timer);
      slot.busy = undefined;
      if (reply.ok) busy.resolve(reply.value);
      else if (reply.code) busy.reject(new NianbaoError(reply.code, reply.message, reply.details ?? {}));
      else busy.reject(new Error(reply.message));
      pump();
    });
    // A thread that dies (out of memory, a crash) fails its job and is replaced.
    worker.on("error", (e) => retire(slot, new NianbaoError("internal", undefined, {}, { cause: e })));
    worker.on("exit", () => retire(slot, new NianbaoError("internal", "处理线程意外退出")));
    worker.unref();
    return slot;
  };

  const retire = (slot: Slot, error: unknown): void => {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    const busy = slot.busy;
    slot.busy = undefined;
    if (busy) {
      clearTimeout(busy.timer);
      busy.reject(error);
    }
    void slot.worker.terminate();
    if (closed) {
      slots.splice(i, 1);
      return;
    }
    replaced++;
    slots[i] = spawn();
    pump();
  };

  const pump = (): void => {
    for (const slot of slots) {
      if (slot.busy || !slot.ready) continue;
      const next = queue.shift();
      if (!next) return;
      const timer = setTimeout(
        () =>
          retire(
            slot,
            new NianbaoError(
              "render_timeout",
              `处理超过 ${Math.round(options.budgetMs / 1000)} 秒，已中止，请稍后再试`,
            ),
          ),
        options.budgetMs,
      );
      slot.busy = { ...next, timer };
      slot.worker.postMessage(next.job);
    }
  };

  const submit = <T>(job: JobBody): Promise<T> => {
    if (closed) return Promise.reject(new NianbaoError("internal", "处理线程池已关闭"));
    if (queue.length >= queueLimit) {
      return Promise.reject(new NianbaoError("rate_limited", "服务繁忙，请稍后再试"));
    }
    return new Promise<T>((resolve, reject) => {
      queue.push({
        job: { ...job, id: nextId++ } as PoolJob,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      pump();
    });
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    analyze: (input, hint) => submit<ValidationResult>({ op: "analyze", input, ...(hint ? { hint } : {}) }),
    renderPdf: (report: Report, options?: PdfOptions) =>
      submit<Uint8Array>({ op: "pdf", report, ...(options ? { options } : {}) }),
    renderHtml: (report: Report) => submit<string>({ op: "html", report }),
    renderTujie: (report: Report, previous: Report | null) =>
      submit<{ html: string; pdf: Uint8Array }>({ op: "tujie", report, previous }),
    spin: () => submit<unknown>({ op: "spin" }),
    rendererVersion: versions.rendererVersion,
    outputVersion: () => versions.outputVersion(),
    get replaced() {
      return replaced;
    },
    async close() {
      closed = true;
      for (const p of queue.splice(0)) p.reject(new NianbaoError("internal", "处理线程池已关闭"));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
