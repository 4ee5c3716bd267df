// Node.js runtime: `nianbao serve` — config from the environment, filesystem or S3 store, the app on @hono/node-server.
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "../http/app.ts";
import { nodeClientAddress } from "../http/client-address.ts";
import { tokenBucket } from "../http/rate-limit.ts";
import type { AppServices } from "../http/services.ts";
import { coreEngine } from "../service/core-engine.ts";
import type { LogEntry } from "../service/log.ts";
import { sweep } from "../service/sweep.ts";
import { FsStorage } from "../storage/fs.ts";
import { S3Storage } from "../storage/s3.ts";
import type { Storage } from "../storage/types.ts";
import { nodeAssets } from "./assets-node.ts";
import { ConfigError, parseConfig } from "./config.ts";
import { type PoolEngine, threadPoolEngine } from "./pool-node.ts";
import { acceptRawUtf8Urls } from "./raw-utf8-url.ts";
import { type IncomingWatcher, watchIncoming } from "./watch-incoming.ts";

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Filesystem store root when no S3_BUCKET is configured. */
  dataDir?: string;
  /** The office's own fonts (a directory with fonts.json); overrides FONTS_DIR. */
  fontsDir?: string;
  /** Tagged PDFs by default (`serve --tagged`); with TAGGED_PDF=true either turns it on. */
  taggedPdf?: boolean;
  /** Defaults to process.env; read once, here. */
  env?: Record<string, string | undefined>;
  log?: (entry: LogEntry) => void;
  /** Worker threads for analyze and render (default: the cores available). */
  poolSize?: number;
  /** Jobs waiting for a thread before more are answered 429 (default: see pool-node.ts). */
  poolQueue?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  storage: Storage;
  /** With a filesystem store: the watcher converting files dropped into <data>/incoming/. */
  incoming?: IncomingWatcher;
  engine: PoolEngine;
  /** The start-up sweep (temp files, half-published reports), running in the background. */
  swept: Promise<unknown>;
  close(): Promise<void>;
}

/** One JSON line per entry on stderr. */
export const jsonLog = (entry: LogEntry): void => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

/** Validates the configuration (throws ConfigError naming the variable), then listens. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const config = parseConfig(options.env ?? process.env);
  const storage: Storage = config.s3 ? new S3Storage(config.s3) : new FsStorage(options.dataDir ?? "./data");
  const log = options.log ?? jsonLog;
  // Fonts are read before listening, so a broken installation fails at start, not on the first request.
  if (config.fallbackFont && !existsSync(config.fallbackFont))
    throw new ConfigError(
      `配置无效 (invalid configuration): FALLBACK_FONT: no font file at ${config.fallbackFont}`,
    );
  const fontsDir = options.fontsDir ?? config.fontsDir;
  const assets = await nodeAssets({
    ...(config.fallbackFont ? { fallbackFont: config.fallbackFont } : {}),
    ...(fontsDir ? { officeFontsDir: fontsDir } : {}),
  });
  // Analyze and render run in worker threads: a job over RENDER_BUDGET_MS is stopped and its thread replaced,
  // while this thread keeps answering (/healthz, reads).
  const engine = threadPoolEngine(
    coreEngine(async () => assets),
    {
      budgetMs: config.renderBudgetMs,
      ...(options.poolSize ? { size: options.poolSize } : {}),
      ...(options.poolQueue ? { queueLimit: options.poolQueue } : {}),
      ...(config.fallbackFont ? { fallbackFont: config.fallbackFont } : {}),
      ...(fontsDir ? { officeFontsDir: fontsDir } : {}),
    },
  );
  const services: AppServices = {
    storage,
    engine,
    config: config.http,
    clientAddress: nodeClientAddress(config.http.trustProxy ?? false),
    log,
    ...(config.resultSecret ? { resultSecret: config.resultSecret } : {}),
    ...(config.taggedPdf || options.taggedPdf ? { pdf: { tagged: true } } : {}),
    ...(config.rateLimit ? { rateLimiter: tokenBucket(config.rateLimit) } : {}),
    ...(config.maxConcurrentWrites > 0 ? { maxConcurrentWrites: config.maxConcurrentWrites } : {}),
  };
  const app = createApp(services);
  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  acceptRawUtf8Urls(server as Server);
  const { port } = server.address() as AddressInfo;
  // Whatever a crash left half-written is cleaned up (or completed) while the server already answers.
  const swept = sweep(storage, { log })
    .then((r) => log({ level: "info", msg: "start-up sweep", ...r }))
    .catch((e: unknown) => log({ level: "warn", msg: "start-up sweep failed", cause: String(e) }));
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  // No event notifications on a local folder: watch it (S3/MinIO send events to POST /v1/events/s3 instead).
  const incoming =
    storage instanceof FsStorage
      ? await watchIncoming(storage.root, services, {
          publicBaseUrl: config.http.publicBaseUrl ?? url,
          maxBytes: config.http.bodyLimitBytes,
          log,
        })
      : undefined;
  return {
    url,
    port,
    storage,
    ...(incoming ? { incoming } : {}),
    engine,
    swept,
    close: async () => {
      incoming?.close();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      await engine.close();
    },
  };
}

/** Resolves on SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => resolve(sig));
  });
}
