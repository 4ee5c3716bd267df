// Tagged PDFs over HTTP: ?tagged= on /v1/reports and /v1/render, TAGGED_PDF for uploads, ids that tell them apart.
import { mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/runtime/config.ts";
import { type RunningServer, startServer } from "../../src/runtime/node.ts";
import { reportId } from "../../src/service/canonical.ts";
import { processUpload } from "../../src/service/incoming.ts";
import { auth, fixture, json, makeApp } from "../support/service/app.ts";
import { tempDir } from "../support/temp-dir.ts";

const VALID = fixture("valid-2020.json");
type App = Awaited<ReturnType<typeof makeApp>>;

/** What a tagged PDF has and an untagged one lacks, in the catalog (pdfkit writes it uncompressed). */
function tagging(pdf: Uint8Array): { structTree: boolean; markInfo: boolean } {
  const text = new TextDecoder("latin1").decode(pdf);
  return { structTree: text.includes("/StructTreeRoot"), markInfo: text.includes("/MarkInfo") };
}
const TAGGED = { structTree: true, markInfo: true };
const UNTAGGED = { structTree: false, markInfo: false };

const post = (t: App, path: string) =>
  t.app.request(path, {
    method: "POST",
    body: VALID,
    headers: { ...auth, "content-type": "application/json" },
  });
const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());
const stored = async (t: App, path: string) => bytes(await t.app.request(path));

describe("POST /v1/render?tagged=", () => {
  let t: App;
  beforeAll(async () => {
    t = await makeApp();
  });

  it("answers a tagged PDF for tagged=true and an untagged one without it or with tagged=false", async () => {
    const tagged = await post(t, "/v1/render?format=pdf&tagged=true");
    expect(tagged.status).toBe(200);
    expect(tagging(await bytes(tagged))).toEqual(TAGGED);
    expect(tagging(await bytes(await post(t, "/v1/render?format=pdf&tagged=1")))).toEqual(TAGGED);
    expect(tagging(await bytes(await post(t, "/v1/render?format=pdf")))).toEqual(UNTAGGED);
    expect(tagging(await bytes(await post(t, "/v1/render?format=pdf&tagged=false")))).toEqual(UNTAGGED);
  });

  it("refuses a value that is not true/false with invalid_input naming the field", async () => {
    const res = await post(t, "/v1/render?format=pdf&tagged=yes");
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error.code).toBe("invalid_input");
    expect(JSON.stringify(error.issues)).toContain("tagged");
  });
});

describe("POST /v1/reports?tagged=", () => {
  let t: App;
  beforeAll(async () => {
    t = await makeApp();
  });

  it("stores the tagged PDF under its own stable id; the untagged id is the one it always was", async () => {
    const plain = await json(post(t, "/v1/reports"));
    const tagged = await json(post(t, "/v1/reports?tagged=true"));
    expect(plain.created).toBe(true);
    expect(tagged.created).toBe(true);
    expect(tagged.id).not.toBe(plain.id);
    expect(tagged.links.pdf).not.toBe(plain.links.pdf);
    // Stable links: the same input and options give the same id again, nothing new written.
    const again = await post(t, "/v1/reports?tagged=true");
    expect(again.status).toBe(200);
    expect((await json(again)).id).toBe(tagged.id);
    expect((await json(post(t, "/v1/reports?tagged=false"))).id).toBe(plain.id);
    // The untagged id is the option-less id (links published before the option keep working).
    const { report } = await t.services.engine.analyze(VALID, { contentType: "application/json" });
    expect(plain.id).toBe(await reportId(report, await t.services.engine.outputVersion()));

    expect(tagging(await stored(t, tagged.links.pdf))).toEqual(TAGGED);
    expect(tagging(await stored(t, plain.links.pdf))).toEqual(UNTAGGED);
    expect((await json(t.app.request(tagged.links.self))).tagged).toBe(true);
    expect((await json(t.app.request(plain.links.self))).tagged).toBe(false);
  });

  it("documents tagged on both routes in /openapi.json", async () => {
    const spec = await json(t.app.request("/openapi.json"));
    for (const path of ["/v1/reports", "/v1/render"]) {
      const names = spec.paths[path].post.parameters.map((p: { name: string }) => p.name);
      expect(names, path).toContain("tagged");
    }
  });
});

describe("the service's default (TAGGED_PDF)", () => {
  it("is read from the environment and refused when not a boolean", () => {
    expect(parseConfig({ TAGGED_PDF: "true" }).taggedPdf).toBe(true);
    expect(parseConfig({ TAGGED_PDF: "0" }).taggedPdf).toBeUndefined();
    expect(parseConfig({}).taggedPdf).toBeUndefined();
    expect(() => parseConfig({ TAGGED_PDF: "yes" })).toThrow(/TAGGED_PDF/);
  });

  it("tags requests without the field and uploads; tagged=false still opts out", async () => {
    const t = await makeApp({ pdf: { tagged: true } });
    const plainService = await makeApp();
    const byDefault = await json(post(t, "/v1/reports"));
    // The same id as an explicit tagged publish on a service without the default: the id says what the PDF is.
    expect(byDefault.id).toBe((await json(post(plainService, "/v1/reports?tagged=true"))).id);
    expect(tagging(await stored(t, byDefault.links.pdf))).toEqual(TAGGED);
    expect(tagging(await bytes(await post(t, "/v1/render?format=pdf")))).toEqual(TAGGED);
    expect(tagging(await bytes(await post(t, "/v1/render?format=pdf&tagged=false")))).toEqual(UNTAGGED);
    const optOut = await json(post(t, "/v1/reports?tagged=false"));
    expect(tagging(await stored(t, optOut.links.pdf))).toEqual(UNTAGGED);

    await t.storage.put("incoming/上传.json", VALID, { contentType: "application/json" });
    const outcome = await processUpload(t.services, "incoming/上传.json");
    expect(outcome.status).toBe("done");
    const result = outcome.status === "done" ? outcome.result : undefined;
    expect(result?.id).toBe(byDefault.id);
  });
});

describe("nianbao serve with TAGGED_PDF=true (thread pool, watched incoming/)", () => {
  const data = tempDir("tagged");
  let server: RunningServer;
  beforeAll(async () => {
    mkdirSync(join(data, "incoming"), { recursive: true });
    server = await startServer({
      port: 0,
      dataDir: data,
      env: { TAGGED_PDF: "true" },
      poolSize: 1,
      log: () => {},
    });
  });
  afterAll(() => server?.close());

  it("renders tagged PDFs in its threads for uploads and requests, untagged on tagged=false", async () => {
    writeFileSync(join(data, "incoming", "r.json"), VALID);
    const path = join(data, "incoming", "r.json.result.json");
    const until = Date.now() + 20_000;
    let result: { status: string; id: string; links: { pdf: string } } | undefined;
    while (!result) {
      result = await readFile(path, "utf8").then(JSON.parse, () => undefined);
      if (!result && Date.now() > until) throw new Error("no result file");
      if (!result) await new Promise((r) => setTimeout(r, 100));
    }
    expect(result.status).toBe("published");
    expect(tagging(await bytes(await fetch(result.links.pdf)))).toEqual(TAGGED);
    const render = (query: string) =>
      fetch(`${server.url}/v1/render?format=pdf${query}`, {
        method: "POST",
        body: VALID,
        headers: { "content-type": "application/json" },
      });
    expect(tagging(await bytes(await render("")))).toEqual(TAGGED);
    expect(tagging(await bytes(await render("&tagged=false")))).toEqual(UNTAGGED);
  });
});
