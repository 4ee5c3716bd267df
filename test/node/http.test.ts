// The HTTP API through app.request with the real core and renderers: publishing, artifacts, links, errors, auth.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { coreEngine } from "../../src/service/core-engine.ts";
import { listAll } from "../../src/storage/paging.ts";
import { auth, fixture, json, makeApp } from "../support/service/app.ts";

const VALID = fixture("valid-2020.json");
const INVALID = fixture("invalid-2020.json");
const ORGAN = "永康市商务局";
type App = Awaited<ReturnType<typeof makeApp>>;

const post = (t: App, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  t.app.request(path, { method: "POST", body, headers: { ...auth, ...headers } });
const postJson = (t: App, body: string, query = "") =>
  post(t, `/v1/reports${query}`, body, { "content-type": "application/json" });

async function keys(t: App): Promise<string[]> {
  return (await listAll(t.storage, "")).map((o) => o.key);
}

describe("POST /v1/reports", () => {
  let t: App;
  beforeAll(async () => {
    t = await makeApp();
  });

  it("publishes a valid report: 201, content id, findings, links, artifacts stored", async () => {
    const res = await postJson(t, VALID);
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.id).toMatch(/^[0-9a-f]{32}$/);
    expect(body.created).toBe(true);
    expect(body.report).toMatchObject({ organ: ORGAN, year: 2020, edition: "2019" });
    expect(Array.isArray(body.findings)).toBe(true);
    expect(body.links).toEqual({
      self: `http://localhost/v1/reports/${body.id}`,
      pdf: `http://localhost/v1/reports/${body.id}.pdf`,
      html: `http://localhost/v1/reports/${body.id}.html`,
      json: `http://localhost/v1/reports/${body.id}.json`,
      tujie: `http://localhost/v1/reports/${body.id}.tujie.html`,
      tujiePdf: `http://localhost/v1/reports/${body.id}.tujie.pdf`,
    });
    expect(body.portal.pdf).toBe(`http://localhost/r/${encodeURIComponent(ORGAN)}/2020.pdf`);
    expect(res.headers.get("location")).toBe(body.links.self);
    expect(await keys(t)).toEqual(
      expect.arrayContaining([
        `reports/${body.id}/report.pdf`,
        `reports/${body.id}/report.html`,
        `reports/${body.id}/report.json`,
        `reports/${body.id}/meta.json`,
      ]),
    );
  });

  it("gives the same id for the same report again and writes nothing", async () => {
    const first = await json(postJson(t, VALID));
    const before = await listAll(t.storage, "");
    // Same report, different formatting and key order: same normalized report, same id.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(VALID)).reverse()));
    const res = await postJson(t, reordered);
    expect(res.status).toBe(200);
    const again = await json(res);
    expect(again.id).toBe(first.id);
    expect(again.created).toBe(false);
    const after = await listAll(t.storage, "");
    expect(after.map((o) => [o.key, o.etag, o.uploaded.getTime()])).toEqual(
      before.map((o) => [o.key, o.etag, o.uploaded.getTime()]),
    );
  });

  it("gives a new id when the fonts differ (a Worker that found display faces in its bucket since)", async () => {
    const assets = await nodeAssets();
    const storage = t.storage;
    const bodyOnly = await makeApp({
      storage,
      engine: coreEngine(async () => ({ fonts: { body: assets.fonts.body } })),
    });
    const first = await json(postJson(t, VALID));
    const res = await postJson(bodyOnly, VALID);
    expect(res.status).toBe(201);
    const other = await json(res);
    expect(other.id).not.toBe(first.id);
    // The same fonts again: the same id, nothing new.
    expect((await json(postJson(bodyOnly, VALID))).id).toBe(other.id);
  });

  it("answers 422 with the findings and stores nothing when the report has errors", async () => {
    const fresh = await makeApp({ engine: t.services.engine });
    const res = await postJson(fresh, INVALID);
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.error.code).toBe("invalid_report");
    expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
    expect(body.error.findings.some((f: { severity: string }) => f.severity === "error")).toBe(true);
    expect(await keys(fresh)).toEqual([]);
  });

  it("publishes a report with errors when forced, and says so in its metadata", async () => {
    const res = await postJson(t, INVALID, "?force=true");
    expect(res.status).toBe(201);
    const { id } = await json(res);
    const meta = await json(t.app.request(`/v1/reports/${id}`));
    expect(meta.forced).toBe(true);
    expect(meta.findings.some((f: { severity: string }) => f.severity === "error")).toBe(true);
  });

  it("accepts a multipart upload with a file", async () => {
    const form = new FormData();
    form.set("file", new File([VALID], "报告.json", { type: "application/json" }));
    const res = await post(t, "/v1/reports", form);
    expect(res.status).toBeLessThan(300);
    expect((await json(res)).report.organ).toBe(ORGAN);
  });

  it("refuses writes without a token (401) or with a wrong one (403)", async () => {
    const none = await t.app.request("/v1/reports", {
      method: "POST",
      body: VALID,
      headers: { "content-type": "application/json" },
    });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await json(none)).error.code).toBe("unauthorized");
    const wrong = await post(t, "/v1/reports", VALID, {
      "content-type": "application/json",
      authorization: "Bearer nope",
    });
    expect(wrong.status).toBe(403);
    expect((await json(wrong)).error.code).toBe("forbidden");
  });

  it("lets writes through without a token when none is configured", async () => {
    const open = await makeApp({ engine: t.services.engine, config: { apiTokens: [] } });
    const res = await open.app.request("/v1/validate", {
      method: "POST",
      body: VALID,
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
  });

  it("answers 415 for an unsupported content type, 400 for malformed JSON, 413 over the body limit", async () => {
    const form = await post(t, "/v1/reports", "a=b", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    expect((await json(form)).error.code).toBe("unsupported_media_type");
    const bad = await postJson(t, "{ not json");
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe("invalid_json");
    const small = await makeApp({ engine: t.services.engine, config: { bodyLimitBytes: 1024 } });
    const big = await post(small, "/v1/reports", "x".repeat(4096), { "content-type": "text/plain" });
    expect(big.status).toBe(413);
    expect((await json(big)).error.code).toBe("payload_too_large");
    expect(await keys(small)).toEqual([]);
  });

  it("answers 400 naming the bad query parameter", async () => {
    const res = await post(t, "/v1/render?format=docx", VALID, { "content-type": "application/json" });
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error.code).toBe("invalid_input");
    expect(error.issues[0].path).toBe("/format");
  });
});

describe("POST /v1/validate and /v1/render", () => {
  let t: App;
  beforeAll(async () => {
    t = await makeApp();
  });

  it("validates without storing", async () => {
    const res = await post(t, "/v1/validate", INVALID, { "content-type": "application/json" });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(Object.keys(body).sort()).toEqual(["findings", "previous", "report", "sources"]);
    expect(body.sources).toEqual({}); // JSON input: nothing was read from text
    expect(body.previous).toBeNull();
    expect(body.findings.some((f: { severity: string }) => f.severity === "error")).toBe(true);
    expect(await keys(t)).toEqual([]);
  });

  it("renders PDF and HTML bytes without storing", async () => {
    const pdf = await post(t, "/v1/render?format=pdf", VALID, { "content-type": "application/json" });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const html = await post(t, "/v1/render?format=html", VALID, { "content-type": "application/json" });
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await html.text()).toContain(ORGAN);
    const refused = await post(t, "/v1/render?format=html", INVALID, { "content-type": "application/json" });
    expect(refused.status).toBe(422);
    expect(await keys(t)).toEqual([]);
  });
});

describe("artifacts and links", () => {
  let t: App;
  let id: string;
  let clock = Date.parse("2026-01-01T00:00:00Z");
  beforeAll(async () => {
    const tick = () => {
      clock += 1000;
      return new Date(clock);
    };
    t = await makeApp({ now: tick });
    id = (await json(postJson(t, VALID))).id;
  });

  it("serves the PDF immutable, with ETag, type and a Chinese file name", async () => {
    const res = await t.app.request(`/v1/reports/${id}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    const cd = res.headers.get("content-disposition") ?? "";
    expect(cd).toMatch(/^inline; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1] ?? "")).toMatch(new RegExp(`^${ORGAN}.*\\.pdf$`));
    expect(new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await t.app.request(`/v1/reports/${id}.pdf`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("etag")).toMatch(/^"/);
    expect(await res.text()).toBe("");
  });

  it("serves HTML and JSON with their types", async () => {
    const html = await t.app.request(`/v1/reports/${id}.html`);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await html.text()).toContain(ORGAN);
    const doc = await t.app.request(`/v1/reports/${id}.json`);
    expect(doc.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect((await json(doc)).organ).toBe(ORGAN);
  });

  it("answers a conditional GET with 304", async () => {
    const etag = (await t.app.request(`/v1/reports/${id}.pdf`)).headers.get("etag") as string;
    const res = await t.app.request(`/v1/reports/${id}.pdf`, { headers: { "if-none-match": etag } });
    expect(res.status).toBe(304);
    expect(res.headers.get("etag")).toBe(etag);
    expect(await res.text()).toBe("");
    const other = await t.app.request(`/v1/reports/${id}.pdf`, { headers: { "if-none-match": '"other"' } });
    expect(other.status).toBe(200);
  });

  it("answers Range requests on the PDF with 206, and 416 past the end", async () => {
    const full = new Uint8Array(await (await t.app.request(`/v1/reports/${id}.pdf`)).arrayBuffer());
    const res = await t.app.request(`/v1/reports/${id}.pdf`, { headers: { range: "bytes=10-19" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 10-19/${full.length}`);
    expect(Array.from(new Uint8Array(await res.arrayBuffer()))).toEqual(Array.from(full.slice(10, 20)));
    const tail = await t.app.request(`/v1/reports/${id}.pdf`, { headers: { range: "bytes=-4" } });
    expect(new TextDecoder().decode(await tail.arrayBuffer())).toBe(new TextDecoder().decode(full.slice(-4)));
    const past = await t.app.request(`/v1/reports/${id}.pdf`, {
      headers: { range: `bytes=${full.length}-` },
    });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${full.length}`);
  });

  it("answers metadata with findings and links", async () => {
    const res = await t.app.request(`/v1/reports/${id}`);
    expect(res.status).toBe(200);
    const meta = await json(res);
    expect(meta).toMatchObject({
      id,
      organ: ORGAN,
      year: 2020,
      forced: false,
      links: { pdf: `http://localhost/v1/reports/${id}.pdf` },
    });
    expect(meta.sizes.pdf).toBeGreaterThan(1000);
  });

  it("answers 404 in the error shape for unknown ids and malformed references", async () => {
    for (const path of [
      `/v1/reports/${"0".repeat(32)}.pdf`,
      `/v1/reports/${"0".repeat(32)}`,
      "/v1/reports/..%2Fmeta.json",
      "/nowhere",
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
      const body = await json(res);
      expect(body.error.code).toBe("not_found");
      expect(body.error.requestId).toBeTruthy();
    }
  });

  it("redirects the stable portal link to the latest version and lists versions", async () => {
    const first = await t.app.request(`/r/${encodeURIComponent(ORGAN)}/2020.pdf`);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`http://localhost/v1/reports/${id}.pdf`);
    // A corrected version of the same organ and year becomes the latest.
    const changed = JSON.parse(VALID);
    changed.title = `${ORGAN}2020年政府信息公开工作年度报告（更正）`;
    const second = (await json(postJson(t, JSON.stringify(changed)))).id;
    expect(second).not.toBe(id);
    const html = await t.app.request(`/r/${encodeURIComponent(ORGAN)}/2020.html`);
    expect(html.headers.get("location")).toBe(`http://localhost/v1/reports/${second}.html`);
    const list = await json(t.app.request(`/v1/reports?organ=${encodeURIComponent(ORGAN)}&year=2020`));
    expect(list.versions.map((v: { id: string }) => v.id)).toEqual([second, id]);
    const missing = await t.app.request(`/r/${encodeURIComponent(ORGAN)}/1999.pdf`);
    expect(missing.status).toBe(404);
  });

  it("keeps organ names inside their key space", async () => {
    for (const organ of ["..", "../reports", "/etc", "a/../../x", "%2e%2e"]) {
      const res = await t.app.request(`/r/${encodeURIComponent(organ)}/2020.pdf`);
      expect(res.status, organ).toBe(404);
      const list = await t.app.request(`/v1/reports?organ=${encodeURIComponent(organ)}`);
      expect(list.status, organ).toBe(200);
      expect((await json(list)).versions).toEqual([]);
    }
  });

  it("lets any origin read (CORS) but not write", async () => {
    const res = await t.app.request(`/v1/reports/${id}.pdf`, { headers: { origin: "https://www.gov.cn" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toContain("ETag");
    const pre = await t.app.request("/v1/reports", {
      method: "OPTIONS",
      headers: { origin: "https://www.gov.cn", "access-control-request-method": "POST" },
    });
    expect(pre.headers.get("access-control-allow-methods") ?? "").not.toContain("POST");
  });
});

describe("service endpoints and failures", () => {
  it("serves /healthz, /openapi.json (3.1 from the schemas) and /docs", async () => {
    const { app } = await makeApp();
    const health = await app.request("/healthz");
    expect(await json(health)).toMatchObject({ status: "ok", storage: "memory" });
    const spec = await json(app.request("/openapi.json"));
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/v1/reports",
        "/v1/reports/{ref}",
        "/v1/validate",
        "/v1/render",
        "/r/{organ}/{file}",
        "/v1/events/s3",
        "/healthz",
      ]),
    );
    const body = spec.paths["/v1/reports"].post.requestBody.content["application/json"].schema;
    expect(body).toEqual({ $ref: "#/components/schemas/Report" });
    expect(JSON.stringify(spec.components.schemas.Report)).toContain("normativeDocuments");
    const docs = await app.request("/docs");
    expect(docs.headers.get("content-type")).toContain("text/html");
    expect(await docs.text()).toContain("openapi.json");
  });

  it("turns an unexpected failure into a 500 that leaks nothing, and logs the cause", async () => {
    const base = await makeApp();
    const engine = {
      ...base.services.engine,
      renderPdf: async () => {
        throw new Error("secret internal detail");
      },
    };
    const t = await makeApp({ engine });
    const res = await postJson(t, VALID);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text).error.code).toBe("internal");
    expect(JSON.stringify(t.logs)).toContain("secret internal detail");
    expect(await keys(t)).toEqual([]);
  });

  it("keeps a sane caller request id and replaces an unsafe one", async () => {
    const { app } = await makeApp();
    expect(
      (await app.request("/healthz", { headers: { "x-request-id": "abc-123" } })).headers.get("x-request-id"),
    ).toBe("abc-123");
    expect(
      (await app.request("/healthz", { headers: { "x-request-id": "<script>" } })).headers.get(
        "x-request-id",
      ),
    ).not.toBe("<script>");
  });
});

describe("raw text and HTML input", () => {
  let t: App;
  beforeAll(async () => {
    t = await makeApp();
  });
  const seedUtf8 = () => readFileSync(new URL("../fixtures/seeds/002_ddbd805a826f66fd.txt", import.meta.url));
  const seedGb = () => readFileSync(new URL("../fixtures/service/seed-002.gb18030.txt", import.meta.url));

  it("publishes a seed text, and the same text in GB18030 (by charset) is the same report, same id", async () => {
    const utf8 = await post(t, "/v1/reports", seedUtf8(), { "content-type": "text/plain; charset=utf-8" });
    expect(utf8.status).toBe(201);
    const a = await json(utf8);
    expect(a.report).toMatchObject({ organ: ORGAN, year: 2020 });
    const gb = await post(t, "/v1/reports", seedGb(), { "content-type": "text/plain; charset=GB18030" });
    expect(gb.status).toBe(200);
    expect((await json(gb)).id).toBe(a.id);
    // Without a charset the core detects GB18030 itself.
    const detected = await post(t, "/v1/reports", seedGb(), { "content-type": "text/plain" });
    expect((await json(detected)).id).toBe(a.id);
  });

  it("refuses bytes that are not the declared charset, and charsets it does not know", async () => {
    const bad = await post(t, "/v1/validate", seedGb(), { "content-type": "text/plain; charset=utf-8" });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe("unreadable_encoding");
    const unknown = await post(t, "/v1/validate", seedUtf8(), { "content-type": "text/plain; charset=big5" });
    expect(unknown.status).toBe(415);
  });

  it("answers only links and findings with Prefer: return=minimal", async () => {
    const res = await post(t, "/v1/reports", seedUtf8(), {
      "content-type": "text/plain",
      prefer: "return=minimal",
    });
    const body = await json(res);
    expect(body.report).toBeUndefined();
    expect(body.sources).toBeUndefined();
    expect(Object.keys(body.links)).toEqual(["self", "pdf", "html", "json", "tujie", "tujiePdf"]);
    expect(res.headers.get("preference-applied")).toBe("return=minimal");
  });

  it("answers where each cell was read (sources) for text input, on /v1/validate and /v1/reports", async () => {
    const text = seedUtf8().toString("utf8");
    const lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
    for (const path of ["/v1/validate", "/v1/reports"]) {
      const res = await post(t, path, seedUtf8(), { "content-type": "text/plain" });
      const body = await json(res);
      const entries = Object.entries(
        body.sources as Record<string, { line: number; column: number; length: number; text: string }>,
      );
      expect(entries.length).toBeGreaterThan(50);
      for (const [, src] of entries) {
        const written = (lines[src.line - 1] ?? "").slice(src.column - 1, src.column - 1 + src.length);
        expect(written).not.toBe("");
        expect(src.text).toContain(written);
      }
    }
  });

  it("accepts text/html and a multipart text file", async () => {
    const text = seedUtf8().toString("utf8");
    const html = `<!doctype html><html><body>${text
      .split("\n")
      .map((l) => `<p>${l.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
      .join("\n")}</body></html>`;
    const res = await post(t, "/v1/validate", html, { "content-type": "text/html; charset=utf-8" });
    expect(res.status).toBe(200);
    expect((await json(res)).report.organ).toBe(ORGAN);
    const form = new FormData();
    form.set("file", new File([seedGb()], "永康.txt", { type: "text/plain" }));
    const up = await post(t, "/v1/validate", form);
    expect(up.status).toBe(200);
    expect((await json(up)).report.organ).toBe(ORGAN);
  });
});
