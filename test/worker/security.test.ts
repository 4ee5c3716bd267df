// Security inside workerd: the write rate limit through the [[ratelimits]] binding (429 + Retry-After), and hostile organ names inside their R2 prefix.
import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { R2Storage } from "../../src/storage/r2.ts";
import valid from "../fixtures/service/valid-2020.json";
import { storeFacts } from "../support/reliability/consistency.ts";

describe("write rate limit (WRITE_LIMITER binding)", () => {
  it("past the configured writes per minute a client gets 429 rate_limited with Retry-After; others do not", async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    // wrangler.toml: 120 writes a minute. Cheap writes: an empty body is refused after the limiter counts it.
    // The window is aligned to the clock: if it rolls over mid-run, the count restarts once (hence up to 260).
    for (let i = 0; i < 260 && statuses.filter((s) => s === 429).length < 3; i++) {
      const res = await SELF.fetch("http://nianbao.test/v1/validate", {
        method: "POST",
        headers: { "content-type": "text/plain", "cf-connecting-ip": "192.0.2.7" },
        body: "",
      });
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
      else await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThanOrEqual(100);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(refused?.headers.get("retry-after")).toBe("60");
    const body = (await (refused as Response).json()) as { error: { code: string } };
    expect(body.error.code).toBe("rate_limited");
    // Another client, and reads, are not held back.
    const other = await SELF.fetch("http://nianbao.test/v1/validate", {
      method: "POST",
      headers: { "content-type": "text/plain", "cf-connecting-ip": "198.51.100.9" },
      body: "",
    });
    expect(other.status).toBe(400);
    expect((await SELF.fetch("http://nianbao.test/healthz")).status).toBe(200);
  });
});

describe("hostile organ names in R2", () => {
  it("stay inside index/<segment>/ and reports/<id>/", async () => {
    const organs = ["../../etc", "a/b", "%2e%2e%2f", "a\u0000b", "示例/../../reports", "长".repeat(60)];
    for (const organ of organs) {
      const res = await SELF.fetch("http://nianbao.test/v1/reports", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.1" },
        body: JSON.stringify({ ...valid, organ }),
      });
      expect(res.status, organ).toBe(201);
      await res.arrayBuffer();
    }
    const r2 = new R2Storage(env.REPORTS);
    const facts = await storeFacts(r2);
    expect(facts.problems).toEqual([]);
    const listed = await env.REPORTS.list({ limit: 1000 });
    for (const o of listed.objects) {
      expect(o.key, o.key).toMatch(
        /^(reports\/[0-9a-f]{32}\/[a-z.]+|index\/[^/]+\/\d{4}\/\d{15}-[0-9a-f]{32}|incoming\/.+|fonts\/.+)$/,
      );
    }
  });
});
