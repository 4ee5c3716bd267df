// The origin links are built on: the configured public URL, else the request's own origin.
import type { Context } from "hono";
import type { AppEnv, HttpConfig } from "../services.ts";

// An answer built on the request's origin depends on the Host header: caches are told so (Vary: Host).
export function baseUrl(c: Context<AppEnv>, config: HttpConfig): string {
  if (config.publicBaseUrl) return config.publicBaseUrl;
  c.header("Vary", "Host", { append: true });
  return new URL(c.req.url).origin;
}
