// Word and PDF over HTTP and through incoming/: media types, multipart by file name or magic bytes, 415 for what cannot be read, and `nianbao serve` as a process.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { analyzeInput } from "../../src/core/analyze.ts";
import { FILE_TYPES } from "../../src/core/input/index.ts";
import { renderHtml, renderPdf } from "../../src/core/render/index.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { processUpload } from "../../src/service/incoming.ts";
import { docxFromHtml } from "../support/docx-build.ts";
import { pdfWithContent } from "../support/pdf-build.ts";
import { fixtures } from "../support/render-fixtures.ts";
import { auth, json, makeApp } from "../support/service/app.ts";
import { type Served, serveProcess } from "../support/service/spawn-serve.ts";
import { tempDir } from "../support/temp-dir.ts";

type App = Awaited<ReturnType<typeof makeApp>>;
let docx: Uint8Array;
let pdf: Uint8Array;
let organ: string;

/** A PDF page with no text at all (a scan without OCR): one line drawn. */
const scannedPdf = (): Uint8Array => pdfWithContent("0 0 m 100 100 l S");

beforeAll(async () => {
  const assets = await nodeAssets();
  const fixture = fixtures().find((f) => f.name === "report-2021");
  const model = analyzeInput(JSON.stringify(fixture?.report)).report;
  organ = model.organ;
  docx = docxFromHtml(await renderHtml(model, assets));
  pdf = await renderPdf(model, assets);
});

const post = (t: App, body: BodyInit, headers: Record<string, string> = {}, path = "/v1/reports") =>
  t.app.request(path, { method: "POST", body: body as BodyInit, headers: { ...auth, ...headers } });

function form(bytes: Uint8Array, name: string, type = ""): FormData {
  const f = new FormData();
  f.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name, type ? { type } : {}));
  return f;
}

describe("POST a Word document or a PDF", () => {
  let t: App;
  beforeAll(async () => {
    t = await makeApp();
  });

  it.each([
    ["docx", () => docx, FILE_TYPES.docx],
    ["pdf", () => pdf, FILE_TYPES.pdf],
    ["docx as octet-stream", () => docx, "application/octet-stream"],
    ["pdf as octet-stream", () => pdf, "application/octet-stream"],
  ] as const)("%s → 201 with links", async (_what, bytes, type) => {
    const res = await post(t, bytes() as Uint8Array<ArrayBuffer>, { "content-type": type });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    const body = await json(res);
    expect(body.report.organ).toBe(organ);
    expect(body.links.pdf).toMatch(/\/v1\/reports\/[0-9a-f]{32}\.pdf$/);
    expect(body.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  });

  it("multipart uploads: by file name, and by magic bytes when the name says nothing", async () => {
    const t2 = await makeApp();
    const a = await post(t2, form(docx, "年报.docx"));
    expect(a.status).toBe(201);
    const b = await post(t2, form(pdf, "upload.bin"), {}, "/v1/validate");
    expect(b.status).toBe(200);
    expect((await json(b)).report.organ).toBe(organ);
  });

  it("what cannot be read → 415 JSON with a Chinese message saying what to do", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const doc = await post(t, form(ole, "年报.doc"));
    expect(doc.status).toBe(415);
    const body = await json(doc);
    expect(body.error.code).toBe("unsupported_file");
    expect(body.error.message).toContain("请在 Word/WPS 中另存为 .docx");
    expect(body.error.requestId).toBeTruthy();
    const scan = await post(t, scannedPdf() as Uint8Array<ArrayBuffer>, { "content-type": FILE_TYPES.pdf });
    expect(scan.status).toBe(415);
    expect((await json(scan)).error).toMatchObject({
      code: "no_text_layer",
      message: "这是扫描版 PDF，没有可提取的文字",
    });
    const broken = await post(t, new TextEncoder().encode("%PDF-1.7\nnot really"), {
      "content-type": FILE_TYPES.pdf,
    });
    expect(broken.status).toBe(422);
    expect((await json(broken)).error.code).toBe("damaged_file");
  });
});

describe("HTTP answers carry the places of a .docx/PDF cell (page, table, row, cell)", () => {
  type Source = { line: number; page?: number; table?: number; row?: number; cell?: number };
  const placed = (sources: Record<string, Source>, pdfFile: boolean) => {
    const all = Object.entries(sources);
    expect(all.length).toBeGreaterThan(50);
    for (const [pointer, s] of all) {
      expect(s.table, pointer).toBeTypeOf("number");
      expect(s.row, pointer).toBeTypeOf("number");
      expect(s.cell, pointer).toBeTypeOf("number");
      if (pdfFile) expect(s.page, pointer).toBeGreaterThan(0);
    }
  };
  it.each([
    ["docx", () => docx, FILE_TYPES.docx, false],
    ["pdf", () => pdf, FILE_TYPES.pdf, true],
  ] as const)(
    "%s: /v1/validate and /v1/reports, by media type and as a multipart file",
    async (what, bytes, type, isPdf) => {
      const t = await makeApp();
      const v = await post(t, bytes() as Uint8Array<ArrayBuffer>, { "content-type": type }, "/v1/validate");
      expect(v.status).toBe(200);
      const validated = await json(v);
      placed(validated.sources, isPdf);
      const r = await post(t, form(bytes(), `年报.${what}`));
      expect(r.status).toBe(201);
      const published = await json(r);
      placed(published.sources, isPdf);
      // The same places whichever route read the file.
      expect(published.sources).toEqual(validated.sources);
    },
  );
});

describe("incoming/ uploads of a .docx and a PDF", () => {
  it.each([
    ["incoming/年报.docx", () => docx],
    ["incoming/年报.pdf", () => pdf],
  ])("%s gets its result file with links", async (key, bytes) => {
    const t = await makeApp();
    await t.storage.put(key, bytes());
    const outcome = await processUpload(t.services, key);
    expect(outcome.status).toBe("done");
    const stored = await t.storage.get(`${key}.result.json`);
    const result = JSON.parse(new TextDecoder().decode(stored?.body));
    expect(result.status).toBe("published");
    expect(result.links.pdf).toMatch(/\.pdf$/);
  });
});

describe("nianbao serve (the bundled CLI as a process)", () => {
  let served: Served;
  const dir = tempDir("files");
  beforeAll(async () => {
    served = await serveProcess(["--data", dir], { API_TOKENS: "files-test-token-0123456789" });
  }, 60_000);
  afterAll(async () => {
    await served?.stop();
  });
  it.each([
    ["docx", () => docx, FILE_TYPES.docx],
    ["pdf", () => pdf, FILE_TYPES.pdf],
  ] as const)(
    "POST %s → 201 with links",
    async (_what, bytes, type) => {
      const res = await fetch(`${served.url}/v1/reports`, {
        method: "POST",
        body: bytes() as Uint8Array<ArrayBuffer>,
        headers: { "content-type": type, authorization: "Bearer files-test-token-0123456789" },
      });
      expect([200, 201]).toContain(res.status);
      const body = await json(res);
      expect((await fetch(body.links.pdf)).status).toBe(200);
    },
    30_000,
  );
});

describe("the CLI reads Word and PDF", () => {
  const io = (out: { stdout: string; stderr: string }) =>
    ({
      readFile: async (p: string) => new Uint8Array(await readFile(p)),
      readStdin: async () => new Uint8Array(),
      stdout: (t: string) => {
        out.stdout += t;
      },
      stderr: (t: string) => {
        out.stderr += t;
      },
    }) as Parameters<typeof main>[1];

  it("convert picks up .docx and .pdf in a folder; validate reads them; a .doc exits 2 with one line", async () => {
    const dir = tempDir("cli-files");
    await mkdir(join(dir, "in"));
    await writeFile(join(dir, "in", "a.docx"), docx);
    await writeFile(join(dir, "in", "b.pdf"), pdf);
    const out = { stdout: "", stderr: "" };
    expect(
      await main(["convert", join(dir, "in"), "--out", join(dir, "out"), "--format", "json"], io(out)),
    ).toBe(0);
    const a = JSON.parse(await readFile(join(dir, "out", "a.json"), "utf8"));
    const b = JSON.parse(await readFile(join(dir, "out", "b.json"), "utf8"));
    expect(a.report.requests).toEqual(b.report.requests);
    expect(a.report.organ).toBe(organ);

    const v = { stdout: "", stderr: "" };
    expect(await main(["validate", "--json", join(dir, "in", "b.pdf")], io(v))).toBe(0);
    const validated = JSON.parse(v.stdout);
    expect(validated.report.organ).toBe(organ);
    // The same path as HTTP: each cell's page, table, row and cell of the PDF.
    const sources = Object.values(validated.sources) as { page?: number; cell?: number }[];
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.every((s) => (s.page ?? 0) > 0 && typeof s.cell === "number")).toBe(true);

    await writeFile(
      join(dir, "old.doc"),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    const bad = { stdout: "", stderr: "" };
    expect(await main(["validate", join(dir, "old.doc")], io(bad))).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toContain("另存为 .docx");
  }, 60_000);
});
