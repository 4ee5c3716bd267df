// createApp(services): the one Hono app every runtime serves — middleware, route groups, one error handler.
import { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { NianbaoError } from "../core/errors.ts";
import { webRoutes } from "../web/routes.ts";
import { allowedMethods } from "./allowed-methods.ts";
import { errorResponse, onError } from "./errors.ts";
import { limitBody, requestId, requireToken } from "./middleware.ts";
import { zodHook } from "./parse.ts";
import { rateLimit, shedLoad } from "./rate-limit.ts";
import { convertRoutes } from "./routes/convert.ts";
import { eventRoutes } from "./routes/events.ts";
import { exportRoutes } from "./routes/export.ts";
import { metaRoutes } from "./routes/meta.ts";
import { reportRoutes } from "./routes/reports.ts";
import type { AppEnv, AppServices } from "./services.ts";

export function createApp(services: AppServices): OpenAPIHono<AppEnv> {
  // Every route's query, path and JSON body is checked by its createRoute schema; failures go through fromZodError.
  const app = new OpenAPIHono<AppEnv>({ defaultHook: zodHook });
  app.use("*", requestId);
  // Portals embed the published documents: reads are open to every origin.
  app.use(
    "*",
    cors({
      origin: "*",
      allowMethods: ["GET", "HEAD"],
      exposeHeaders: [
        "ETag",
        "Content-Length",
        "Content-Range",
        "Accept-Ranges",
        "Content-Disposition",
        "X-Request-Id",
      ],
      maxAge: 86400,
    }),
  );
  const auth = requireToken(services.config);
  const limit = limitBody(services.config.bodyLimitBytes);
  const rate = [
    ...(services.maxConcurrentWrites ? [shedLoad(services.maxConcurrentWrites)] : []),
    ...(services.rateLimiter
      ? [
          rateLimit(services.rateLimiter, {
            tokensChecked: services.config.apiTokens.length > 0,
            ...(services.clientAddress ? { clientAddress: services.clientAddress } : {}),
          }),
        ]
      : []),
  ];
  for (const path of ["/v1/reports", "/v1/validate", "/v1/render", "/v1/events/s3"]) {
    app.post(path, auth, ...rate, limit);
  }

  convertRoutes(app, services);
  // Before reportRoutes: /r/{organ}/{year}.fragment.html is matched ahead of /r/{organ}/{file}.
  webRoutes(app, services);
  exportRoutes(app, services);
  reportRoutes(app, services);
  eventRoutes(app, services);
  metaRoutes(app, services);

  const allowed = allowedMethods(() => app.routes);
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const methods = allowed(path);
    if (methods.length === 0)
      return errorResponse(c, new NianbaoError("not_found", `未找到：${c.req.method} ${path}`));
    const res = errorResponse(
      c,
      new NianbaoError(
        "method_not_allowed",
        `${path} 不支持 ${c.req.method} 请求，可用：${methods.join("、")}`,
      ),
    );
    res.headers.set("Allow", methods.join(", "));
    return res;
  });
  app.onError(onError(services));
  return app;
}
