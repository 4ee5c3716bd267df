// Hostile requests get clear answers: field and line limits (413 naming the field), not_a_report, capped findings, Prefer on GET, config, rate-limit keys, long names, headers.
import { describe, expect, it } from "vitest";
import { MAX_FINDINGS } from "../../src/core/findings-cap.ts";
import { LIMITS } from "../../src/core/limits.ts";
import { createApp } from "../../src/http/app.ts";
import { nodeClientAddress } from "../../src/http/client-address.ts";
import { tokenBucket } from "../../src/http/rate-limit.ts";
import { ConfigError, parseConfig } from "../../src/runtime/config.ts";
import { FsStorage } from "../../src/storage/fs.ts";
import { MODEL, SEED } from "../support/hostile/attacks.ts";
import { auth, fixture, json, makeApp } from "../support/service/app.ts";
import { tempDir } from "../support/temp-dir.ts";

const VALID = fixture("valid-2020.json");
const send = (body: string, type = "application/json", headers: Record<string, string> = {}) => ({
  method: "POST",
  body,
  headers: { ...auth, "content-type": type, ...headers },
});

describe("limits per field and per line (413 input_limit naming the field)", () => {
  const cases: [string, string, string][] = [
    ["title", JSON.stringify({ ...MODEL, title: "题".repeat(LIMITS.titleChars + 1) }), "/title"],
    ["organ", JSON.stringify({ ...MODEL, organ: "局".repeat(LIMITS.organChars + 1) }), "/organ"],
    [
      "a cell",
      JSON.stringify({ ...MODEL, proactive: { regulations: { made: "1".repeat(LIMITS.cellChars + 1) } } }),
      "/proactive/regulations/made",
    ],
  ];
  for (const [name, body, path] of cases) {
    it(`${name} too long`, async () => {
      const { app } = await makeApp();
      const res = await app.request("/v1/validate", send(body));
      expect(res.status).toBe(413);
      const { error } = await json(res);
      expect(error.code).toBe("input_limit");
      expect(error.message).toContain(path);
    });
  }

  it("a line too long, counted before parsing", async () => {
    const { app } = await makeApp();
    const res = await app.request(
      "/v1/validate",
      send(`${SEED}\n${"字".repeat(LIMITS.lineChars + 1)}\n`, "text/plain"),
    );
    expect(res.status).toBe(413);
    expect((await json(res)).error.message).toMatch(/第 [\d,]+ 行/);
  });

  for (const [name, br] of [
    ["\\r", "\r"],
    ["\\f", "\f"],
    ["\\r\\n", "\r\n"],
  ] as const) {
    it(`the line limit counts ${name} breaks`, async () => {
      const { app } = await makeApp();
      const res = await app.request(
        "/v1/validate",
        send(`${SEED}${"x".concat(br).repeat(LIMITS.textLines)}`, "text/plain"),
      );
      expect(res.status).toBe(413);
      expect((await json(res)).error.message).toContain("行数");
    });
  }
});

describe("not a report", () => {
  for (const body of ["2020", "1", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15", "0\n".repeat(40)]) {
    it(`${JSON.stringify(body.slice(0, 20))} is 422 not_a_report, nothing published`, async () => {
      const { app, storage } = await makeApp();
      const res = await app.request("/v1/reports", send(body, "text/plain"));
      expect(res.status).toBe(422);
      expect((await json(res)).error.code).toBe("not_a_report");
      expect((await storage.list("")).objects).toHaveLength(0);
    });
  }
});

describe("findings capped, and Prefer: return=minimal on GET", () => {
  it("150,000 unknown keys give at most MAX_FINDINGS findings, the rest counted in one; GET minimal drops them", async () => {
    const model = JSON.parse(VALID) as Record<string, Record<string, unknown>>;
    const proactive = { ...model.proactive };
    for (let i = 0; i < 150_000; i++) proactive[`k${i}`] = 1;
    const { app } = await makeApp();
    const res = await app.request("/v1/reports?force=true", send(JSON.stringify({ ...model, proactive })));
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
    // Past half the cap the unknown keys are counted in one finding, not listed one by one.
    const counted = body.findings.find((f: { message: string }) => f.message.startsWith("另有"));
    expect(counted).toMatchObject({ code: "normalize.unknown-field" });
    expect(counted.actual).toBeGreaterThan(149_000);
    const full = await app.request(`/v1/reports/${body.id}`);
    expect(full.headers.get("vary")).toContain("Host");
    expect((await json(full)).findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
    const minimal = await app.request(`/v1/reports/${body.id}`, { headers: { prefer: "return=minimal" } });
    expect(minimal.headers.get("preference-applied")).toBe("return=minimal");
    const m = await json(minimal);
    expect(m.findings).toBeUndefined();
    expect(m.findingCounts.warning).toBeGreaterThan(0);
    expect(JSON.stringify(m).length).toBeLessThan(5_000);
  }, 60_000);
});

describe("config and limits that mean what they say", () => {
  it("an API_TOKENS of only commas or spaces is a start-up error", () => {
    for (const v of [",", " , ,", ";"]) expect(() => parseConfig({ API_TOKENS: v })).toThrow(ConfigError);
  });

  it("without configured tokens a made-up bearer keys nothing: the client's address does", async () => {
    const base = await makeApp({ config: { apiTokens: [] } });
    const app = createApp({
      ...base.services,
      rateLimiter: tokenBucket({ limit: 1, periodSeconds: 60, now: () => 0 }),
      clientAddress: () => "198.51.100.7",
    });
    const as = (token: string, ip: string) =>
      app.request(
        "/v1/validate",
        send(VALID, "application/json", { authorization: `Bearer ${token}`, "cf-connecting-ip": ip }),
      );
    expect((await as("aaaaaaaaaaaaaaaaaaaa", "1.1.1.1")).status).toBe(200);
    expect((await as("bbbbbbbbbbbbbbbbbbbb", "2.2.2.2")).status).toBe(429);
  });

  it("the Node address comes from the socket; X-Forwarded-For only with TRUST_PROXY, its last entry", () => {
    const ctx = (xff?: string) =>
      ({
        env: { incoming: { socket: { remoteAddress: "10.0.0.9" } } },
        req: { header: (n: string) => (n === "x-forwarded-for" ? xff : undefined) },
      }) as never;
    expect(nodeClientAddress(false)(ctx("6.6.6.6"))).toBe("10.0.0.9");
    expect(nodeClientAddress(true)(ctx("6.6.6.6, 203.0.113.5"))).toBe("203.0.113.5");
    expect(parseConfig({ TRUST_PROXY: "true" }).http.trustProxy).toBe(true);
  });

  it("a long organ name is 404 on the filesystem store, not 503", async () => {
    const dir = tempDir("long");
    const { app } = await makeApp({ storage: new FsStorage(dir) });
    const organ = encodeURIComponent("很长的机关名称".repeat(28));
    expect((await app.request(`/r/${organ}/2020.pdf`)).status).toBe(404);
    expect((await app.request(`/v1/reports?organ=${organ}`)).status).toBe(200);
  });

  it("Content-Disposition carries a capped file name", async () => {
    const { app } = await makeApp();
    const model = JSON.parse(VALID) as Record<string, unknown>;
    const res = await app.request(
      "/v1/reports",
      send(JSON.stringify({ ...model, title: `${"很长的标题".repeat(90)}` })),
    );
    const { id } = await json(res);
    const pdf = await app.request(`/v1/reports/${id}.pdf`);
    expect(pdf.status).toBe(200);
    expect((pdf.headers.get("content-disposition") ?? "").length).toBeLessThan(2_000);
  }, 60_000);

  it("/v1/render?format=html has the CSP and nosniff of stored pages", async () => {
    const { app } = await makeApp();
    const res = await app.request("/v1/render?format=html", send(VALID));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  }, 60_000);
});
