// POST /v1/events/s3: S3 event notifications (AWS, MinIO webhook) for the configured bucket trigger conversion.
import { createRoute } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import { ERROR_CODES, isNianbaoError, NianbaoError } from "../../core/errors.ts";
import {
  decodeS3EventKey,
  isS3Create,
  MAX_EVENT_RECORDS,
  S3Event,
  S3EventRecordCount,
} from "../../service/events.ts";
import { processUpload } from "../../service/incoming.ts";
import type { App } from "../app-type.ts";
import { bearer, errors, json } from "../docs-helpers.ts";
import { ErrorBody, S3EventResults } from "../schemas.ts";
import type { AppEnv, AppServices } from "../services.ts";

type Result = {
  key: string;
  status: "published" | "rejected" | "ignored" | "failed" | "batch";
  id?: string;
  error?: { code: string; message: string };
};

/**
 * Before the body is checked against S3Event: no bucket configured is 404, a body that is not JSON is invalid_json,
 * and a huge Records array is refused at once (413), before any record is read.
 */
const eventGate =
  (services: AppServices): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!services.config.eventBucket) throw new NianbaoError("not_found", "未配置 S3 存储桶，不接受 S3 事件");
    let body: unknown;
    try {
      body = await c.req.json();
    } catch (e) {
      throw new NianbaoError("invalid_json", undefined, {}, { cause: e });
    }
    const records = S3EventRecordCount.safeParse(body);
    if (records.success && records.data.Records.length > MAX_EVENT_RECORDS)
      throw new NianbaoError("input_limit", `S3 事件记录过多（最多 ${MAX_EVENT_RECORDS} 条）`);
    await next();
  };

const eventsRoute = (services: AppServices) =>
  createRoute({
    method: "post",
    path: "/v1/events/s3",
    summary: "S3 event notification: convert objects created under incoming/",
    description:
      "Each created .txt/.html/.json under incoming/ is published; incoming/<name>.result.json records the outcome. Answers 503 when any record hit a transient failure, so the sender retries (work already done is not repeated).",
    security: bearer,
    middleware: [eventGate(services)] as const,
    request: { body: { required: true, content: { "application/json": { schema: S3Event } } } },
    responses: {
      200: json(S3EventResults, "Per-record outcome"),
      503: json(
        z.union([S3EventResults, ErrorBody]),
        "A record hit a transient failure (per-record outcome; the sender retries and work done is not repeated), or the service is unavailable",
      ),
      ...errors(400, 401, 403, 404, 413, 415),
    },
  });

export function eventRoutes(app: App, services: AppServices): void {
  app.openapi(eventsRoute(services), async (c) => {
    const bucket = services.config.eventBucket;
    const event = c.req.valid("json");
    // Stored in the result files: never derived from the Host header (root-relative links without PUBLIC_BASE_URL).
    const base = services.config.publicBaseUrl;
    const results: Result[] = [];
    for (const record of event.Records) {
      const key = decodeS3EventKey(record.s3.object.key);
      if (record.s3.bucket.name !== bucket || !isS3Create(record.eventName)) {
        results.push({ key, status: "ignored" });
        continue;
      }
      try {
        const outcome = await processUpload(services, key, {
          ...(base ? { publicBaseUrl: base } : {}),
          maxBytes: services.config.bodyLimitBytes,
        });
        if (outcome.status === "ignored") results.push({ key, status: "ignored" });
        else
          results.push({
            key,
            status: outcome.result.status,
            ...(outcome.result.id ? { id: outcome.result.id } : {}),
            ...(outcome.result.error ? { error: outcome.result.error } : {}),
          });
      } catch (e) {
        const err = isNianbaoError(e) ? e : new NianbaoError("internal", undefined, {}, { cause: e });
        services.log?.({
          level: "error",
          msg: "upload conversion failed",
          key,
          code: err.code,
          cause: String(err.cause ?? err),
        });
        results.push({
          key,
          status: "failed",
          error: { code: err.code, message: ERROR_CODES[err.code].message },
        });
      }
    }
    return c.json({ results }, results.some((r) => r.status === "failed") ? 503 : 200);
  });
}
