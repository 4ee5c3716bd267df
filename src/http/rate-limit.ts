// Rate limiting for writes: one RateLimiter interface, a token bucket for Node, Cloudflare's rate-limiting binding on Workers, 429 with Retry-After.
import type { MiddlewareHandler } from "hono";
import { NianbaoError } from "../core/errors.ts";
import type { ClientAddress } from "./client-address.ts";
import type { AppEnv } from "./services.ts";

export interface RateDecision {
  success: boolean;
  /** Seconds until a request from this key would be allowed again (when refused). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  limit(key: string): Promise<RateDecision>;
}

export interface TokenBucketOptions {
  /** Requests allowed per period, per key (the bucket's size). */
  limit: number;
  periodSeconds: number;
  /** Keys remembered at most; the least recently seen are forgotten first (memory stays bounded). */
  maxKeys?: number;
  now?: () => number;
}

/**
 * A token bucket per key, in memory: `limit` tokens, refilled continuously over `periodSeconds`. For the
 * single-process Node server; a dependency would add nothing a dozen lines do not.
 */
export function tokenBucket(options: TokenBucketOptions): RateLimiter {
  const { limit, periodSeconds } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? (() => Date.now());
  const perMs = limit / (periodSeconds * 1000);
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async limit(key) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: limit, at: t };
      b.tokens = Math.min(limit, b.tokens + (t - b.at) * perMs);
      b.at = t;
      buckets.delete(key);
      buckets.set(key, b);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { success: true, retryAfterSeconds: 0 };
      }
      return { success: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
    },
  };
}

/** The `[[ratelimits]]` binding of wrangler.toml (its limit and period are configured there). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export function cloudflareRateLimiter(binding: RateLimitBinding, periodSeconds: number): RateLimiter {
  return {
    async limit(key) {
      const { success } = await binding.limit({ key });
      // The binding does not say when its window ends: the period is the safe answer.
      return { success, retryAfterSeconds: success ? 0 : periodSeconds };
    },
  };
}

/**
 * Who a write is counted against: the bearer token (hashed) when tokens are configured (requireToken has checked
 * it by then), else the client's address. An unchecked token keys nothing: a made-up one would get a fresh bucket.
 */
async function clientKey(
  authorization: string | undefined,
  address: string | undefined,
  tokensChecked: boolean,
): Promise<string> {
  const token = tokensChecked ? /^Bearer\s+(\S+)/i.exec(authorization ?? "")?.[1] : undefined;
  if (token) {
    const d = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
    return `t:${Array.from(d.subarray(0, 12), (b) => b.toString(16).padStart(2, "0")).join("")}`;
  }
  return `a:${address ?? "unknown"}`;
}

/** Refuses writes over the limit with 429 rate_limited and Retry-After. */
export function rateLimit(
  limiter: RateLimiter,
  options: { clientAddress?: ClientAddress; tokensChecked?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = await clientKey(
      c.req.header("authorization"),
      options.clientAddress?.(c),
      options.tokensChecked ?? false,
    );
    // A limiter that fails lets the write through: it is a guard, not a dependency.
    const d = await limiter.limit(key).catch(() => ({ success: true, retryAfterSeconds: 0 }));
    if (!d.success) {
      c.header("Retry-After", String(d.retryAfterSeconds));
      throw new NianbaoError("rate_limited", `请求过于频繁，请 ${d.retryAfterSeconds} 秒后再试`);
    }
    await next();
  };
}

/**
 * Load shedding: at most `max` writes in progress at once in this process or isolate; the next one is answered
 * 429 rate_limited with Retry-After at once, instead of queueing behind CPU-bound work (one isolate runs one
 * request at a time: a deep queue means seconds of latency for everyone, and wrangler dev gives up).
 */
export function shedLoad(max: number): MiddlewareHandler<AppEnv> {
  let inFlight = 0;
  return async (c, next) => {
    if (inFlight >= max) {
      c.header("Retry-After", "1");
      throw new NianbaoError("rate_limited", "服务繁忙，请稍后再试");
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
}
