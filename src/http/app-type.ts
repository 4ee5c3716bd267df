// The Hono app type every route group registers on.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./services.ts";

export type App = OpenAPIHono<AppEnv>;
