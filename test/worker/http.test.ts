// The HTTP API through the real Worker in workerd (SELF.fetch): publish, immutable artifacts, portal links, errors.
import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import seedText from "../fixtures/seeds/002_ddbd805a826f66fd.txt?raw";
import invalid from "../fixtures/service/invalid-2020.json";
import seedGb18030Base64 from "../fixtures/service/seed-002.gb18030.b64?raw";
import valid from "../fixtures/service/valid-2020.json";

const ORIGIN = "https://nianbao.test";
const ORGAN = "永康市商务局";
// biome-ignore lint/suspicious/noExplicitAny: response bodies are examined by assertions
const json = async (res: Response): Promise<any> => res.json();
const publish = (body: unknown, query = "") =>
  SELF.fetch(`${ORIGIN}/v1/reports${query}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

describe("Worker HTTP API", () => {
  it("publishes a report into R2 and serves its artifacts", async () => {
    const res = await publish(valid);
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.id).toMatch(/^[0-9a-f]{32}$/);
    expect(body.links.pdf).toBe(`${ORIGIN}/v1/reports/${body.id}.pdf`);

    const pdf = await SELF.fetch(body.links.pdf);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(pdf.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");

    const etag = pdf.headers.get("etag") as string;
    const again = await SELF.fetch(body.links.pdf, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    const part = await SELF.fetch(body.links.pdf, { headers: { range: "bytes=0-3" } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe("%PDF");

    const html = await SELF.fetch(body.links.html);
    expect(await html.text()).toContain(ORGAN);

    const repeat = await publish(valid);
    expect(repeat.status).toBe(200);
    expect((await json(repeat)).id).toBe(body.id);

    const portal = await SELF.fetch(`${ORIGIN}/r/${encodeURIComponent(ORGAN)}/2020.pdf`, {
      redirect: "manual",
    });
    expect(portal.status).toBe(302);
    expect(portal.headers.get("location")).toBe(body.links.pdf);
  });

  it("answers 422 with findings for a report with errors and stores nothing", async () => {
    const keys = async () => (await env.REPORTS.list()).objects.map((o) => o.key);
    const before = await keys();
    const res = await publish(invalid);
    expect(res.status).toBe(422);
    const { error } = await json(res);
    expect(error.code).toBe("invalid_report");
    expect(error.findings.length).toBeGreaterThan(0);
    expect(await keys()).toEqual(before);
  });

  it("serves health, OpenAPI and errors in the one shape", async () => {
    expect(await json(await SELF.fetch(`${ORIGIN}/healthz`))).toMatchObject({ status: "ok", storage: "r2" });
    expect((await json(await SELF.fetch(`${ORIGIN}/openapi.json`))).openapi).toBe("3.1.0");
    const missing = await SELF.fetch(`${ORIGIN}/v1/reports/${"f".repeat(32)}.pdf`);
    expect(missing.status).toBe(404);
    expect((await json(missing)).error).toMatchObject({ code: "not_found" });
    const unsupported = await SELF.fetch(`${ORIGIN}/v1/reports`, {
      method: "POST",
      body: "x",
      headers: { "content-type": "image/png" },
    });
    expect(unsupported.status).toBe(415);
  });
});

describe("Worker HTTP API with raw text", () => {
  it("publishes the seed text in UTF-8 and in GB18030 (by charset) as one report", async () => {
    const utf8 = await SELF.fetch(`${ORIGIN}/v1/reports`, {
      method: "POST",
      body: seedText,
      headers: { "content-type": "text/plain; charset=utf-8", prefer: "return=minimal" },
    });
    expect(utf8.status).toBeLessThan(300);
    const { id, links } = await json(utf8);
    const gbBytes = Uint8Array.from(atob(seedGb18030Base64.trim()), (c) => c.charCodeAt(0));
    const gb = await SELF.fetch(`${ORIGIN}/v1/reports`, {
      method: "POST",
      body: gbBytes,
      headers: { "content-type": "text/plain; charset=gb18030" },
    });
    expect(gb.status).toBe(200);
    expect((await json(gb)).id).toBe(id);
    expect((await SELF.fetch(links.html)).status).toBe(200);
  });
});

describe("Worker HTTP API and the Host header", () => {
  it("says Vary: Host on answers whose links come from the request's origin (no PUBLIC_BASE_URL)", async () => {
    const csv = await SELF.fetch("https://other.example/v1/reports.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("vary") ?? "").toMatch(/\bHost\b/);
    await csv.arrayBuffer();
  });
});
