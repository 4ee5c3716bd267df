// The origin links are built on: the configured public URL, else the request's own origin.
import type { Context } from "hono";
import type { AppEnv, HttpConfig } from "../services.ts";

export const baseUrl = (c: Context<AppEnv>, config: HttpConfig): string =>
  config.publicBaseUrl ?? new URL(c.req.url).origin;
