// Cloudflare Workers entry: wires the app to R2 and the queue; the only file that knows it is a Worker.
import { NianbaoError } from "../core/errors.ts";
import { createApp } from "../http/app.ts";
import { edgeClientAddress } from "../http/client-address.ts";
import { cloudflareRateLimiter, type RateLimitBinding } from "../http/rate-limit.ts";
import type { AppServices } from "../http/services.ts";
import type { Dispatch } from "../service/batch.ts";
import { withRenderBudget } from "../service/budget.ts";
import { coreEngine } from "../service/core-engine.ts";
import type { LogEntry } from "../service/log.ts";
import { consumeUploads } from "../service/queue.ts";
import { sweep } from "../service/sweep.ts";
import { R2Storage } from "../storage/r2.ts";
import { workerAssets } from "./assets-worker.ts";
import { parseConfig } from "./config.ts";

export interface Env {
  /** Reports, artifacts, the index, incoming/ uploads and (optionally) fonts/. */
  REPORTS: R2Bucket;
  /** Secret: comma-separated bearer tokens for writes (`wrangler secret put API_TOKENS`). */
  API_TOKENS?: string;
  BODY_LIMIT_BYTES?: string;
  PUBLIC_BASE_URL?: string;
  /** "0" turns write rate limiting off; the limit itself is the WRITE_LIMITER binding's (wrangler.toml). */
  RATE_LIMIT_WRITES?: string;
  RATE_LIMIT_PERIOD_SECONDS?: string;
  RENDER_BUDGET_MS?: string;
  /** Writes in progress at once per isolate before more are shed with 429 (default 32, "0": no cap). */
  MAX_CONCURRENT_WRITES?: string;
  /** A secret (wrangler secret put RESULT_SECRET): signs upload result files. */
  RESULT_SECRET?: string;
  /** "true": tagged PDFs by default (uploads, zip batches, requests without `tagged`). */
  TAGGED_PDF?: string;
  /** Cloudflare's rate-limiting binding ([[ratelimits]] in wrangler.toml). */
  WRITE_LIMITER?: RateLimitBinding;
  /** Producer of the upload queue: each report of a zip under incoming/ is sent back to it as its own message. */
  BATCH?: Queue<unknown>;
}

/** Queues take at most 100 messages per sendBatch. */
function queueDispatch(queue: Queue<unknown>): Dispatch {
  return async (jobs) => {
    for (let i = 0; i < jobs.length; i += 100) {
      await queue.sendBatch(jobs.slice(i, i + 100).map((body) => ({ body })));
    }
  };
}

const log = (entry: LogEntry): void => {
  const line = JSON.stringify(entry);
  if (entry.level === "error") console.error(line);
  else console.log(line);
};

/** Config, services and app, built once per isolate and env (the env object is stable within an isolate). */
const built = new WeakMap<Env, { services: AppServices; app: ReturnType<typeof createApp> }>();

function build(env: Env) {
  let hit = built.get(env);
  if (!hit) {
    const config = parseConfig({
      API_TOKENS: env.API_TOKENS,
      BODY_LIMIT_BYTES: env.BODY_LIMIT_BYTES,
      PUBLIC_BASE_URL: env.PUBLIC_BASE_URL,
      RATE_LIMIT_WRITES: env.RATE_LIMIT_WRITES,
      RATE_LIMIT_PERIOD_SECONDS: env.RATE_LIMIT_PERIOD_SECONDS,
      RENDER_BUDGET_MS: env.RENDER_BUDGET_MS,
      MAX_CONCURRENT_WRITES: env.MAX_CONCURRENT_WRITES,
      RESULT_SECRET: env.RESULT_SECRET,
      TAGGED_PDF: env.TAGGED_PDF,
    });
    const services: AppServices = {
      storage: new R2Storage(env.REPORTS),
      engine: withRenderBudget(
        coreEngine(() => workerAssets({ bucket: env.REPORTS })),
        config.renderBudgetMs,
      ),
      config: config.http,
      clientAddress: edgeClientAddress,
      log,
      ...(config.resultSecret ? { resultSecret: config.resultSecret } : {}),
      ...(config.taggedPdf ? { pdf: { tagged: true } } : {}),
      ...(config.rateLimit && env.WRITE_LIMITER
        ? { rateLimiter: cloudflareRateLimiter(env.WRITE_LIMITER, config.rateLimit.periodSeconds) }
        : {}),
      ...(config.maxConcurrentWrites > 0 ? { maxConcurrentWrites: config.maxConcurrentWrites } : {}),
    };
    hit = { services, app: createApp(services) };
    built.set(env, hit);
  }
  return hit;
}

export default {
  async fetch(request, env, ctx): Promise<Response> {
    let app: ReturnType<typeof createApp>;
    try {
      app = build(env).app;
    } catch (e) {
      // A bad variable or secret: say which, without serving anything half-configured.
      log({ level: "error", msg: "configuration error", cause: String(e) });
      const err = new NianbaoError("internal", "服务配置错误");
      return Response.json(
        { error: { code: err.code, message: err.message, requestId: crypto.randomUUID() } },
        { status: 500 },
      );
    }
    return app.fetch(request, env, ctx);
  },

  /** Cron (wrangler.toml [triggers]): half-published reports completed or removed, like the Node start-up sweep. */
  async scheduled(_controller, env, _ctx): Promise<void> {
    const { services } = build(env);
    const result = await sweep(services.storage, { log });
    log({ level: "info", msg: "scheduled sweep", ...result });
  },

  async queue(batch, env, _ctx): Promise<void> {
    const { services } = build(env);
    const publicBaseUrl = services.config.publicBaseUrl;
    await consumeUploads(batch.messages, services, {
      log,
      maxBytes: services.config.bodyLimitBytes,
      ...(publicBaseUrl ? { publicBaseUrl } : {}),
      // Zips fan out through the queue: every report its own message, its own retries.
      ...(env.BATCH
        ? { batch: { dispatch: queueDispatch(env.BATCH), ...(publicBaseUrl ? { publicBaseUrl } : {}) } }
        : {}),
    });
  },
} satisfies ExportedHandler<Env, unknown>;
