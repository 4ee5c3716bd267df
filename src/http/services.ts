// What createApp needs, injected by each runtime's entry: storage, the engine, parsed config, a logger.
import type { ServiceDeps } from "../service/convert.ts";
import type { ClientAddress } from "./client-address.ts";
import type { RateLimiter } from "./rate-limit.ts";

export interface HttpConfig {
  /** Bearer tokens accepted for writes; empty means writes are open (local use). */
  apiTokens: readonly string[];
  /** Largest accepted request body in bytes. */
  bodyLimitBytes: number;
  /** Origin used in links ("https://reports.example.gov.cn"); default: the request's own origin. */
  publicBaseUrl?: string;
  /** The bucket whose S3 event notifications POST /v1/events/s3 accepts; unset disables the endpoint. */
  eventBucket?: string;
  /** Node behind one reverse proxy: the client's address is the last X-Forwarded-For entry (TRUST_PROXY). */
  trustProxy?: boolean;
}

import type { LogEntry } from "../service/log.ts";

export type { LogEntry };

export interface AppServices extends ServiceDeps {
  config: HttpConfig;
  /** Counts writes per client; unset means no rate limit. */
  rateLimiter?: RateLimiter;
  /** The client's address, which keys the rate limiter (Node: the socket's; Workers: CF-Connecting-IP). */
  clientAddress?: ClientAddress;
  /** Writes in progress at once before more are shed with 429; unset means no cap. */
  maxConcurrentWrites?: number;
  log?: (entry: LogEntry) => void;
}

export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

export type AppEnv = { Variables: { requestId: string } };
