// Configuration from environment variables (Node env or Worker vars/secrets), validated once at start by zod.
import { z } from "zod";
import { fromZodError } from "../core/errors.ts";
import { DEFAULT_BODY_LIMIT, type HttpConfig } from "../http/services.ts";
import { DEFAULT_RENDER_BUDGET_MS } from "../service/budget.ts";
import type { S3StorageOptions } from "../storage/s3.ts";

/** Unset and blank are the same; values are trimmed. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v), schema.optional());

const HttpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

const Tokens = z
  .string()
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .pipe(
    z
      .array(
        z
          .string()
          .min(16, "each token must be at least 16 characters")
          .regex(/^[\x21-\x7e]+$/, "tokens are printable ASCII without spaces"),
      )
      .min(1, "no token left after splitting on commas and spaces (unset it to leave writes open)"),
  );

const Bool = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1");

/** Everything the service reads from the environment, by variable name. */
export const EnvSchema = z.object({
  API_TOKENS: optional(Tokens),
  BODY_LIMIT_BYTES: optional(
    z.coerce
      .number({ error: "must be a number of bytes" })
      .int()
      .min(1024)
      .max(100 * 1024 * 1024),
  ),
  PUBLIC_BASE_URL: optional(HttpUrl),
  RATE_LIMIT_WRITES: optional(
    z.coerce.number({ error: "must be a number of writes (0: no limit)" }).int().min(0).max(1_000_000),
  ),
  RATE_LIMIT_PERIOD_SECONDS: optional(z.enum(["10", "60"], { error: "must be 10 or 60" }).transform(Number)),
  MAX_CONCURRENT_WRITES: optional(
    z.coerce.number({ error: "must be a number of requests (0: no cap)" }).int().min(0).max(100_000),
  ),
  RENDER_BUDGET_MS: optional(
    z.coerce.number({ error: "must be a number of milliseconds" }).int().min(100).max(600_000),
  ),
  RESULT_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  S3_BUCKET: optional(z.string().min(3).max(63)),
  S3_REGION: optional(z.string().min(1)),
  S3_ENDPOINT: optional(HttpUrl),
  S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  S3_FORCE_PATH_STYLE: optional(Bool),
  S3_KEY_PREFIX: optional(z.string().regex(/^([^/.][^/]*\/)+$/, 'must be folder-like, e.g. "nianbao/"')),
  FONTS_DIR: optional(z.string().min(1, "must be a directory holding fonts.json")),
  TRUST_PROXY: optional(Bool),
  FALLBACK_FONT: optional(z.string().regex(/\.(ttf|otf)$/i, "must be the path of a .ttf or .otf font file")),
  TAGGED_PDF: optional(Bool),
});

export interface ServiceConfig {
  http: HttpConfig;
  /** Writes allowed per client and period (RATE_LIMIT_WRITES, default 120; 0 turns the limit off). */
  rateLimit?: { limit: number; periodSeconds: 10 | 60 };
  /** Writes in progress at once before more are shed with 429 (MAX_CONCURRENT_WRITES, default 32; 0: no cap). */
  maxConcurrentWrites: number;
  /** Longest a render may take before render_timeout (RENDER_BUDGET_MS). */
  renderBudgetMs: number;
  /** Set when S3_BUCKET is: use an S3-compatible store instead of the default one. */
  s3?: S3StorageOptions;
  /** Signs upload result files so a planted one is not trusted (RESULT_SECRET); unset: results are never trusted. */
  resultSecret?: string;
  /** Node: a full font for characters outside the subsets (FALLBACK_FONT), instead of the ones looked for. */
  fallbackFont?: string;
  /** Node: the office's own fonts, a directory with fonts.json (FONTS_DIR or `serve --fonts`). */
  fontsDir?: string;
  /** Tagged PDFs by default (TAGGED_PDF): uploads, batches and requests without `tagged`. */
  taggedPdf?: boolean;
}

/** A configuration error naming every bad variable; thrown before anything starts. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseConfig(env: Record<string, unknown>): ServiceConfig {
  const r = EnvSchema.safeParse(env);
  if (!r.success) {
    const { issues = [] } = fromZodError(r.error).details;
    throw new ConfigError(
      `配置无效 (invalid configuration): ${issues.map((i) => `${i.path.slice(1)}: ${i.message}`).join("; ")}`,
    );
  }
  const e = r.data;
  const s3Vars = (
    [
      "S3_REGION",
      "S3_ENDPOINT",
      "S3_ACCESS_KEY_ID",
      "S3_SECRET_ACCESS_KEY",
      "S3_FORCE_PATH_STYLE",
      "S3_KEY_PREFIX",
    ] as const
  ).filter((k) => e[k] !== undefined);
  if (!e.S3_BUCKET && s3Vars.length > 0) {
    throw new ConfigError(
      `配置无效 (invalid configuration): S3_BUCKET: required when ${s3Vars.join(", ")} ${s3Vars.length > 1 ? "are" : "is"} set`,
    );
  }
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) {
    const missing = e.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
    throw new ConfigError(
      `配置无效 (invalid configuration): ${missing}: required with the other S3 key variable`,
    );
  }
  const http: HttpConfig = {
    apiTokens: e.API_TOKENS ?? [],
    bodyLimitBytes: e.BODY_LIMIT_BYTES ?? DEFAULT_BODY_LIMIT,
    ...(e.PUBLIC_BASE_URL ? { publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, "") } : {}),
    ...(e.S3_BUCKET ? { eventBucket: e.S3_BUCKET } : {}),
    ...(e.TRUST_PROXY ? { trustProxy: true } : {}),
  };
  const writes = e.RATE_LIMIT_WRITES ?? 120;
  const limits = {
    ...(writes > 0
      ? { rateLimit: { limit: writes, periodSeconds: (e.RATE_LIMIT_PERIOD_SECONDS ?? 60) as 10 | 60 } }
      : {}),
    renderBudgetMs: e.RENDER_BUDGET_MS ?? DEFAULT_RENDER_BUDGET_MS,
    maxConcurrentWrites: e.MAX_CONCURRENT_WRITES ?? 32,
    ...(e.FALLBACK_FONT ? { fallbackFont: e.FALLBACK_FONT } : {}),
    ...(e.FONTS_DIR ? { fontsDir: e.FONTS_DIR } : {}),
    ...(e.RESULT_SECRET ? { resultSecret: e.RESULT_SECRET } : {}),
    ...(e.TAGGED_PDF ? { taggedPdf: true } : {}),
  };
  if (!e.S3_BUCKET) return { http, ...limits };
  return {
    http,
    ...limits,
    s3: {
      bucket: e.S3_BUCKET,
      region: e.S3_REGION ?? "us-east-1",
      ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
      ...(e.S3_FORCE_PATH_STYLE !== undefined ? { forcePathStyle: e.S3_FORCE_PATH_STYLE } : {}),
      ...(e.S3_ACCESS_KEY_ID ? { accessKeyId: e.S3_ACCESS_KEY_ID } : {}),
      ...(e.S3_SECRET_ACCESS_KEY ? { secretAccessKey: e.S3_SECRET_ACCESS_KEY } : {}),
      ...(e.S3_KEY_PREFIX ? { keyPrefix: e.S3_KEY_PREFIX } : {}),
    },
  };
}

/** FALLBACK_FONT alone (the CLI reads no other variable); throws ConfigError naming it when it is not a font path. */
export function fallbackFontFrom(env: Record<string, unknown>): string | undefined {
  const r = EnvSchema.pick({ FALLBACK_FONT: true }).safeParse(env);
  if (!r.success)
    throw new ConfigError(
      "配置无效 (invalid configuration): FALLBACK_FONT: must be the path of a .ttf or .otf font file",
    );
  return r.data.FALLBACK_FONT;
}
