// Node.js runtime: `nianbao serve` — config from the environment, filesystem or S3 store, the app on @hono/node-server.
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "../http/app.ts";
import { tokenBucket } from "../http/rate-limit.ts";
import type { AppServices, LogEntry } from "../http/services.ts";
import { withRenderBudget } from "../service/budget.ts";
import { coreEngine } from "../service/core-engine.ts";
import { FsStorage } from "../storage/fs.ts";
import { S3Storage } from "../storage/s3.ts";
import type { Storage } from "../storage/types.ts";
import { nodeAssets } from "./assets-node.ts";
import { ConfigError, parseConfig } from "./config.ts";

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Filesystem store root when no S3_BUCKET is configured. */
  dataDir?: string;
  /** The office's own fonts (a directory with fonts.json); overrides FONTS_DIR. */
  fontsDir?: string;
  /** Defaults to process.env; read once, here. */
  env?: Record<string, string | undefined>;
  log?: (entry: LogEntry) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  storage: Storage;
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
  const services: AppServices = {
    storage,
    engine: withRenderBudget(
      coreEngine(async () => assets),
      config.renderBudgetMs,
    ),
    config: config.http,
    log,
    ...(config.rateLimit ? { rateLimiter: tokenBucket(config.rateLimit) } : {}),
    ...(config.maxConcurrentWrites > 0 ? { maxConcurrentWrites: config.maxConcurrentWrites } : {}),
  };
  const app = createApp(services);
  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    storage,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Resolves on SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => resolve(sig));
  });
}
