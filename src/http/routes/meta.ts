// GET /healthz, GET /openapi.json (OpenAPI 3.1 from the zod schemas) and GET /docs (a self-contained explorer).
import { createRoute } from "@hono/zod-openapi";
import { PAGE_CSP } from "../../web/page.ts";
import type { App } from "../app-type.ts";
import { json } from "../docs-helpers.ts";
import { DOCS_PAGE } from "../docs-page.ts";
import { Health } from "../schemas.ts";
import type { AppServices } from "../services.ts";

const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  summary: "Liveness",
  responses: { 200: json(Health, "Up") },
});

export function metaRoutes(app: App, services: AppServices): void {
  app.openapi(healthRoute, (c) =>
    c.json(
      {
        status: "ok" as const,
        storage: services.storage.kind,
        rendererVersion: services.engine.rendererVersion,
      },
      200,
      {
        "Cache-Control": "no-store",
      },
    ),
  );

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "Needed for writes when API_TOKENS is configured; reads are public.",
  });
  app.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: {
      title: "nianbao",
      version: "1",
      description:
        "政府信息公开工作年度报告: validate, render (PDF, HTML) and publish under stable links. Errors: { error: { code, message, requestId } }.",
    },
    servers: [{ url: services.config.publicBaseUrl ?? new URL(c.req.url).origin }],
  }));

  app.get("/docs", (c) =>
    c.html(DOCS_PAGE, 200, {
      "Cache-Control": "public, max-age=300",
      "Content-Security-Policy": PAGE_CSP,
      "X-Content-Type-Options": "nosniff",
    }),
  );
}
