// The served OpenAPI document is the routes: every API route declared with createRoute, nothing declared that is not served.
import { beforeAll, describe, expect, it } from "vitest";
import { auth, json, makeApp } from "../support/service/app.ts";

type App = Awaited<ReturnType<typeof makeApp>>;
type Operation = {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, unknown>;
};
type Spec = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

/** Routes that are pages or the docs themselves, not API operations: served, deliberately not in the spec. */
const PAGES = new Set([
  "GET /",
  "GET /ui/:name",
  "GET /r/:organ",
  "GET /r/:organ/",
  "GET /r/:organ/:file{[0-9]{4}\\.fragment\\.html}",
  "GET /r",
  "GET /docs",
  "GET /openapi.json",
]);
const METHODS = ["get", "post", "put", "patch", "delete"];

describe("GET /openapi.json", () => {
  let t: App;
  let spec: Spec;
  beforeAll(async () => {
    t = await makeApp();
    spec = (await json(t.app.request("/openapi.json"))) as Spec;
  });

  it("declares exactly the API routes the app serves (paths and methods)", () => {
    const served = new Set(
      t.app.routes
        .filter((r) => r.method !== "ALL" && r.path !== "/*")
        .map((r) => `${r.method} ${r.path}`)
        .filter((r) => !PAGES.has(r)),
    );
    const declared = new Set(
      Object.entries(spec.paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((m) => METHODS.includes(m))
          .map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`),
      ),
    );
    expect([...declared].sort()).toEqual([...served].sort());
    // Every page route named above still exists (a stale exception would hide a route from this check).
    const all = new Set(t.app.routes.map((r) => `${r.method} ${r.path}`));
    for (const page of PAGES) expect(all.has(page), page).toBe(true);
  });

  it("is well formed: path parameters declared, a success answer for each operation, every $ref resolves", () => {
    expect(spec.openapi).toBe("3.1.0");
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        const where = `${method} ${path}`;
        for (const name of [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])) {
          const p = op.parameters?.find((x) => x.in === "path" && x.name === name);
          expect(p?.required, `${where}: path parameter ${name}`).toBe(true);
        }
        expect(
          Object.keys(op.responses).some((s) => /^[23]\d\d$/.test(s)),
          `${where}: a 2xx or 3xx answer`,
        ).toBe(true);
      }
    }
    const text = JSON.stringify(spec);
    for (const [, ref] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(spec.components?.schemas?.[ref as string], `$ref ${ref}`).toBeDefined();
    }
  });

  it("documents report bodies by the Report model, which the core reads loosely (not rejected by the schema)", async () => {
    const body = spec.paths["/v1/reports"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(body).toEqual({ $ref: "#/components/schemas/Report" });
    expect(JSON.stringify(spec.components?.schemas?.Report)).toContain("normativeDocuments");
    // Cells as text and no edition: not the strict model, still read (with normalize findings), never a 400.
    const loose = {
      organ: "测试局",
      year: 2020,
      requests: { received: { natural: "３" } },
    };
    const res = await t.app.request("/v1/validate", {
      method: "POST",
      body: JSON.stringify(loose),
      headers: { ...auth, "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { findings: { code: string }[] };
    expect(answer.findings.map((f) => f.code)).toContain("normalize.fullwidth");
  });

  it("checks queries and paths by the route's own schema, with Chinese messages through the one error path", async () => {
    const bad = await t.app.request("/v1/render?format=docx", {
      method: "POST",
      body: "{}",
      headers: { ...auth, "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as {
      error: { code: string; message: string; requestId: string; issues: { path: string }[] };
    };
    expect(error.code).toBe("invalid_input");
    expect(error.requestId).not.toBe("");
    expect(error.issues[0]?.path).toBe("/format");
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error.message).not.toMatch(/Invalid|expected/);

    const year = await json(t.app.request(`/v1/reports.csv?year=1900`));
    expect(year.error.code).toBe("invalid_input");
    expect(year.error.message).toMatch(/[\u4e00-\u9fff]/);

    const ref = await t.app.request("/v1/reports/not-an-id.pdf");
    expect(ref.status).toBe(404);
    expect((await json(ref)).error.code).toBe("not_found");
    const portal = await t.app.request("/r/%E6%B5%8B%E8%AF%95%E5%B1%80/20x0.pdf");
    expect(portal.status).toBe(404);
  });

  it("answers /r with the overview's one address /r/, the query kept", async () => {
    const res = await t.app.request("/r?year=2020");
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/r/?year=2020");
  });
});
