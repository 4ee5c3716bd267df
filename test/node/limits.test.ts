// Resource limits: body limit (413), text, nesting and table-size caps (input_limit), the render time budget, and write rate limiting (429 + Retry-After).
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { createApp } from "../../src/http/app.ts";
import { type RateLimiter, tokenBucket } from "../../src/http/rate-limit.ts";
import type { HttpConfig } from "../../src/http/services.ts";
import { parseConfig } from "../../src/runtime/config.ts";
import { withRenderBudget } from "../../src/service/budget.ts";
import { MODELS, SEED_TEXTS } from "../support/reliability/inputs.ts";
import { outcomeOf } from "../support/reliability/outcome.ts";
import { auth, json, makeApp as makeBaseApp } from "../support/service/app.ts";

/** The test app, with a rate limiter when given. */
async function makeApp(options: { rateLimiter?: RateLimiter; config?: Partial<HttpConfig> } = {}) {
  const base = await makeBaseApp(options.config ? { config: options.config } : {});
  if (!options.rateLimiter) return base;
  return { ...base, app: createApp({ ...base.services, rateLimiter: options.rateLimiter }) };
}

const textReq = (body: string | Uint8Array, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { ...auth, "content-type": "text/plain; charset=utf-8", ...headers },
  body: body as string,
});

describe("write rate limiting", () => {
  it("a token bucket allows `limit` writes per period per key, then says how long to wait", async () => {
    let t = 0;
    const b = tokenBucket({ limit: 3, periodSeconds: 60, now: () => t });
    for (let i = 0; i < 3; i++) expect((await b.limit("k")).success).toBe(true);
    const refused = await b.limit("k");
    expect(refused.success).toBe(false);
    expect(refused.retryAfterSeconds).toBe(20);
    expect((await b.limit("other")).success).toBe(true);
    t += 20_000;
    expect((await b.limit("k")).success).toBe(true);
    expect((await b.limit("k")).success).toBe(false);
  });

  it("keeps memory bounded: at most maxKeys buckets", async () => {
    const b = tokenBucket({ limit: 1, periodSeconds: 60, maxKeys: 100, now: () => 0 });
    for (let i = 0; i < 1000; i++) await b.limit(`k${i}`);
    // The first keys were forgotten (fresh buckets), the last are still empty.
    expect((await b.limit("k0")).success).toBe(true);
    expect((await b.limit("k999")).success).toBe(false);
  });

  it("writes over the limit get 429 rate_limited with Retry-After; reads are not limited", async () => {
    const rateLimiter = tokenBucket({ limit: 2, periodSeconds: 10, now: () => 0 });
    const { app } = await makeApp({ rateLimiter });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await app.request("/v1/validate", textReq(SEED_TEXTS[2] as string));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(last?.headers.get("retry-after")).toBe("5");
    const body = await json(last as Response);
    expect(body.error.code).toBe("rate_limited");
    for (let i = 0; i < 5; i++) expect((await app.request("/healthz")).status).toBe(200);
  });

  it("counts per token: another client is not held back", async () => {
    const rateLimiter = tokenBucket({ limit: 1, periodSeconds: 60, now: () => 0 });
    const { app } = await makeApp({
      rateLimiter,
      config: { apiTokens: ["token-aaaaaaaaaaaaaaaa", "token-bbbbbbbbbbbbbbbb"] },
    });
    const as = (t: string) => ({
      ...textReq(SEED_TEXTS[2] as string),
      headers: { authorization: `Bearer ${t}`, "content-type": "text/plain" },
    });
    expect((await app.request("/v1/validate", as("token-aaaaaaaaaaaaaaaa"))).status).toBe(200);
    expect((await app.request("/v1/validate", as("token-aaaaaaaaaaaaaaaa"))).status).toBe(429);
    expect((await app.request("/v1/validate", as("token-bbbbbbbbbbbbbbbb"))).status).toBe(200);
  });

  it("a limiter that fails lets writes through instead of failing them", async () => {
    const broken: RateLimiter = { limit: async () => Promise.reject(new Error("binding down")) };
    const { app } = await makeApp({ rateLimiter: broken });
    expect((await app.request("/v1/validate", textReq(SEED_TEXTS[2] as string))).status).toBe(200);
  });
});

describe("body limit", () => {
  it("a body over the limit is 413 payload_too_large, with or without Content-Length", async () => {
    const { app } = await makeApp({ config: { bodyLimitBytes: 64 * 1024 } });
    const big = "长".repeat(40_000);
    const res = await app.request("/v1/validate", textReq(big));
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe("payload_too_large");
    const stream = new ReadableStream<Uint8Array>({
      start(ctl) {
        for (let i = 0; i < 20; i++) ctl.enqueue(new Uint8Array(8192).fill(65));
        ctl.close();
      },
    });
    const chunked = await app.request("/v1/validate", {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await json(chunked)).error.code).toBe("payload_too_large");
  });

  it("empty bodies and wrong content types are 4xx with a code", async () => {
    const { app } = await makeApp();
    const empty = await app.request("/v1/validate", textReq(""));
    expect(empty.status).toBe(400);
    expect((await json(empty)).error.code).toBe("empty_input");
    const xml = await app.request("/v1/validate", textReq("<a/>", { "content-type": "application/xml" }));
    expect(xml.status).toBe(415);
    expect((await json(xml)).error.code).toBe("unsupported_media_type");
  });
});

describe("input caps", () => {
  it("a 10 MB single line is refused quickly with input_limit, not parsed", () => {
    const line = "1".repeat(10 * 1024 * 1024);
    expect(outcomeOf(() => analyzeInput(line)).name).toBe("rejected:input_limit");
  });

  it("too many lines, table cells or report blocks are refused with input_limit", () => {
    expect(outcomeOf(() => analyzeInput("\t\t\t1\n".repeat(200_000))).name).toBe("rejected:input_limit");
    const cells = `<table>${"<tr><td>1</td><td>2</td></tr>".repeat(60_000)}</table>`;
    expect(outcomeOf(() => analyzeInput(cells, { contentType: "text/html" })).name).toBe(
      "rejected:input_limit",
    );
    const model = {
      ...structuredClone(MODELS[1]),
      sections: Array.from({ length: 20_000 }, () => ({
        role: "extra",
        heading: "x",
        blocks: [{ type: "paragraph", text: "长".repeat(100) }],
      })),
    };
    expect(outcomeOf(() => analyzeInput(JSON.stringify(model))).name).toBe("rejected:input_limit");
  });

  it("real reports are far below the caps", () => {
    for (const t of SEED_TEXTS) expect(outcomeOf(() => analyzeInput(t.repeat(3))).crash).toBe(false);
    expect(outcomeOf(() => analyzeInput(JSON.stringify(MODELS[0]))).name).toBe("valid");
  });

  it("the HTTP answer for a capped input is 413 input_limit", async () => {
    const { app } = await makeApp({ config: { bodyLimitBytes: 20 * 1024 * 1024 } });
    const res = await app.request("/v1/validate", textReq("1".repeat(3 * 1024 * 1024)));
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe("input_limit");
  });
});

describe("render time budget", () => {
  it("a render past the budget is 503 render_timeout with Retry-After, and nothing is stored", async () => {
    const base = await makeBaseApp();
    const hanging = withRenderBudget(
      { ...base.services.engine, renderPdf: () => new Promise<Uint8Array>(() => {}) },
      200,
    );
    const app = createApp({ ...base.services, engine: hanging });
    const res = await app.request("/v1/reports", {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify(MODELS[1]),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await json(res)).error.code).toBe("render_timeout");
    expect((await base.storage.list("")).objects).toEqual([]);
  });

  it("a render inside the budget is untouched", async () => {
    const base = await makeBaseApp();
    const app = createApp({ ...base.services, engine: withRenderBudget(base.services.engine, 60_000) });
    const res = await app.request("/v1/render?format=html", {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify(MODELS[1]),
    });
    expect(res.status).toBe(200);
  });
});

describe("limits configuration (env)", () => {
  it("RATE_LIMIT_WRITES, RATE_LIMIT_PERIOD_SECONDS and RENDER_BUDGET_MS are read and checked", () => {
    expect(parseConfig({}).rateLimit).toEqual({ limit: 120, periodSeconds: 60 });
    expect(parseConfig({}).renderBudgetMs).toBe(20_000);
    const c = parseConfig({
      RATE_LIMIT_WRITES: "5",
      RATE_LIMIT_PERIOD_SECONDS: "10",
      RENDER_BUDGET_MS: "3000",
    });
    expect(c.rateLimit).toEqual({ limit: 5, periodSeconds: 10 });
    expect(c.renderBudgetMs).toBe(3000);
    expect(parseConfig({ RATE_LIMIT_WRITES: "0" }).rateLimit).toBeUndefined();
    expect(() => parseConfig({ RATE_LIMIT_WRITES: "-1" })).toThrow(/RATE_LIMIT_WRITES/);
    expect(() => parseConfig({ RATE_LIMIT_PERIOD_SECONDS: "30" })).toThrow(/RATE_LIMIT_PERIOD_SECONDS/);
    expect(() => parseConfig({ RENDER_BUDGET_MS: "soon" })).toThrow(/RENDER_BUDGET_MS/);
  });
});

describe("load shedding", () => {
  it("writes beyond maxConcurrentWrites in progress are answered 429 with Retry-After at once", async () => {
    const base = await makeBaseApp();
    const app = createApp({ ...base.services, maxConcurrentWrites: 2 });
    const releases: (() => void)[] = [];
    const slowBody = () =>
      new ReadableStream<Uint8Array>({
        start(ctl) {
          ctl.enqueue(new TextEncoder().encode(SEED_TEXTS[2] as string));
          releases.push(() => ctl.close());
        },
      });
    const send = () =>
      app.request("/v1/validate", {
        method: "POST",
        headers: { ...auth, "content-type": "text/plain" },
        body: slowBody(),
        duplex: "half",
      } as RequestInit);
    const first = send();
    const second = send();
    await new Promise((r) => setTimeout(r, 20));
    const third = await send();
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("1");
    expect((await json(third)).error.code).toBe("rate_limited");
    for (const r of releases) r();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    // Capacity is given back when requests finish.
    const fourth = send();
    await new Promise((r) => setTimeout(r, 20));
    for (const r of releases) {
      try {
        r();
      } catch {
        // already closed
      }
    }
    expect((await fourth).status).toBe(200);
  });
});
