// Request ids, bearer-token auth for writes (constant-time), and the body limit.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { NianbaoError } from "../core/errors.ts";
import type { AppEnv, HttpConfig } from "./services.ts";

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Keeps a caller's sane X-Request-Id, else makes one; echoed on every response. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const given = c.req.header("x-request-id");
  const id = given && SAFE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
  c.set("requestId", id);
  c.header("X-Request-Id", id);
  await next();
};

/** Writes need `Authorization: Bearer <token>` when tokens are configured. */
export function requireToken(config: Pick<HttpConfig, "apiTokens">): MiddlewareHandler<AppEnv> {
  const expected = Promise.all(config.apiTokens.map(digest));
  return async (c, next) => {
    const tokens = await expected;
    if (tokens.length > 0) {
      const header = c.req.header("authorization") ?? "";
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!m) throw new NianbaoError("unauthorized");
      const given = await digest(m[1] as string);
      // Compare against every token, always, so the time taken says nothing about which one is close.
      let ok = false;
      for (const t of tokens) ok = timingSafeEqual(t, given) || ok;
      if (!ok) throw new NianbaoError("forbidden", "访问令牌无效");
    }
    await next();
  };
}

async function digest(token: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
}

/** Equal-length digests compared without an early exit. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new NianbaoError("payload_too_large", `请求内容超过大小限制（${Math.floor(maxSize / 1024)} KB）`);
    },
  });
}
