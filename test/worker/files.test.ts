// Word and PDF in workerd: pdf.js (unpdf's serverless build, no worker thread) and the .docx reader inside the Worker, over HTTP and through incoming/.
import { createExecutionContext, createMessageBatch, getQueueResult, SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/runtime/worker.ts";
import valid from "../fixtures/service/valid-2020.json";
import { docxFromHtml } from "../support/docx-build.ts";

const ORIGIN = "https://nianbao.test";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
// biome-ignore lint/suspicious/noExplicitAny: response bodies are examined by assertions
const json = async (res: Response): Promise<any> => res.json();
let pdf: Uint8Array;
let docx: Uint8Array;

const render = (format: "pdf" | "html") =>
  SELF.fetch(`${ORIGIN}/v1/render?format=${format}`, {
    method: "POST",
    body: JSON.stringify(valid),
    headers: { "content-type": "application/json" },
  });

beforeAll(async () => {
  // Our own renderer's PDF and HTML of a report; the HTML made into a Word document with its merged cells.
  pdf = new Uint8Array(await (await render("pdf")).arrayBuffer());
  docx = docxFromHtml(await (await render("html")).text());
});

describe("the Worker reads Word and PDF", () => {
  it.each([
    ["PDF", () => pdf, "application/pdf"],
    ["Word", () => docx, DOCX],
  ] as const)("POST a %s file → 201 with links, the same tables as the JSON", async (_what, bytes, type) => {
    const res = await SELF.fetch(`${ORIGIN}/v1/validate`, {
      method: "POST",
      body: bytes() as Uint8Array<ArrayBuffer>,
      headers: { "content-type": type },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const validated = await json(res);
    const fromFile = validated.report;
    // Each cell's place in the file (the page too, for a PDF), as in Node.
    const sources = Object.values(validated.sources) as {
      page?: number;
      table?: number;
      row?: number;
      cell?: number;
    }[];
    expect(sources.length).toBeGreaterThan(50);
    for (const s of sources) {
      expect([s.table, s.row, s.cell].every((n) => typeof n === "number")).toBe(true);
      if (type === "application/pdf") expect(s.page).toBeGreaterThan(0);
    }
    const fromJson = (
      await json(
        await SELF.fetch(`${ORIGIN}/v1/validate`, {
          method: "POST",
          body: JSON.stringify(valid),
          headers: { "content-type": "application/json" },
        }),
      )
    ).report;
    expect(fromFile.proactive).toEqual(fromJson.proactive);
    expect(fromFile.requests).toEqual(fromJson.requests);
    expect(fromFile.appeals).toEqual(fromJson.appeals);
    const pub = await SELF.fetch(`${ORIGIN}/v1/reports`, {
      method: "POST",
      body: bytes() as Uint8Array<ArrayBuffer>,
      headers: { "content-type": type },
    });
    expect([200, 201]).toContain(pub.status);
    const published = await json(pub);
    expect(published.links.pdf).toMatch(/\.pdf$/);
    expect(published.sources).toEqual(validated.sources);
  });

  it("a scanned or unknown file → 415 JSON", async () => {
    const res = await SELF.fetch(`${ORIGIN}/v1/reports`, {
      method: "POST",
      body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]),
      headers: { "content-type": "application/octet-stream" },
    });
    expect(res.status).toBe(415);
    expect((await json(res)).error.code).toBe("unsupported_file");
  });

  it.each([
    ["incoming/年报.pdf", () => pdf],
    ["incoming/年报.docx", () => docx],
  ])("an upload of %s gets its result file", async (key, bytes) => {
    await env.REPORTS.put(key, bytes());
    const batch = createMessageBatch("nianbao-incoming", [
      {
        id: key,
        timestamp: new Date(),
        attempts: 1,
        body: {
          account: "test",
          bucket: "nianbao-reports",
          action: "PutObject",
          object: { key, size: 1, eTag: "x" },
          eventTime: new Date().toISOString(),
        },
      },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual([key]);
    const rec = JSON.parse(await ((await env.REPORTS.get(`${key}.result.json`)) as R2ObjectBody).text());
    expect(rec.status, JSON.stringify(rec.error)).toBe("published");
    expect(rec.links.pdf).toMatch(/\.pdf$/);
  });
});
