// The one error handler: every failure becomes { error: { code, message, requestId } } with the code's status.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ERROR_CODES, type ErrorCode, isNianbaoError, NianbaoError } from "../core/errors.ts";
import type { AppEnv, AppServices } from "./services.ts";

/** HTTP statuses Hono itself may raise, as our codes. */
const FROM_STATUS: Record<number, ErrorCode> = {
  400: "invalid_input",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

export function toNianbaoError(err: unknown): NianbaoError {
  if (isNianbaoError(err)) return err;
  if (err instanceof HTTPException) {
    const code = FROM_STATUS[err.status];
    if (code) return new NianbaoError(code, undefined, {}, { cause: err });
  }
  return new NianbaoError("internal", undefined, {}, { cause: err });
}

export function errorResponse(c: Context<AppEnv>, err: NianbaoError): Response {
  const { status, retry } = ERROR_CODES[err.code];
  const body = {
    error: {
      code: err.code,
      message: err.message,
      requestId: c.get("requestId") ?? "",
      ...(err.details.issues ? { issues: err.details.issues } : {}),
      ...(err.details.findings ? { findings: err.details.findings } : {}),
    },
  };
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (retry && status >= 500) headers["Retry-After"] = "5";
  if (err.code === "unauthorized") headers["WWW-Authenticate"] = 'Bearer realm="nianbao"';
  return c.json(body, status as ContentfulStatusCode, headers);
}

export function onError(services: AppServices) {
  return (err: unknown, c: Context<AppEnv>): Response => {
    const e = toNianbaoError(err);
    if (ERROR_CODES[e.code].status >= 500) {
      // The cause goes to the log only; the client sees the code's fixed message.
      services.log?.({
        level: "error",
        msg: "request failed",
        requestId: c.get("requestId"),
        code: e.code,
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        cause: describeCause(e.cause ?? e),
      });
      return errorResponse(c, e.code === "internal" ? new NianbaoError("internal") : e);
    }
    return errorResponse(c, e);
  };
}

function describeCause(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}\n${cause.stack ?? ""}` : String(cause);
}
