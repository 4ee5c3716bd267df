// Security: keys that cannot escape their prefix (memory, filesystem, S3), auth, unpublished uploads unreadable, no leaks, no fetch or fs while rendering.
import { readdirSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.ts";
import { buildView, renderPdf } from "../../src/core/render/index.ts";
import { validateModel } from "../../src/core/validate.ts";
import { timingSafeEqual } from "../../src/http/middleware.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { indexPrefix } from "../../src/service/layout.ts";
import { FsStorage } from "../../src/storage/fs.ts";
import { isSafeKey, keySegment } from "../../src/storage/keys.ts";
import { listAll } from "../../src/storage/paging.ts";
import { S3Storage } from "../../src/storage/s3.ts";
import type { Storage } from "../../src/storage/types.ts";
import { MODELS, SEED_TEXTS } from "../support/reliability/inputs.ts";
import { auth, json, makeApp, TOKEN } from "../support/service/app.ts";
import { type RunningS3, startS3 } from "../support/service/s3rver.ts";
import { tempDir } from "../support/temp-dir.ts";

/** Organ names that try to climb out of index/<organ>/. */
const HOSTILE_ORGANS = [
  "../../etc",
  "..",
  ".",
  "%2e%2e",
  "%2e%2e%2f%2e%2e%2freports",
  "a/b",
  "/abs",
  "a\\b",
  "a\u0000b",
  "..\u0000/x",
  "index",
  "reports/0123456789abcdef0123456789abcdef",
  "示例市商务局/../../reports",
  " .. ",
  "长".repeat(60),
];

const model = (organ: string) => ({ ...structuredClone(MODELS[1]), organ, title: `${organ}年报` });

async function publishAll(storage: Storage) {
  const { app } = await makeApp({ storage });
  // Keyed by the organ as normalized (trimmed), which is what the index and the links use.
  const ids = new Map<string, string[]>();
  for (const organ of HOSTILE_ORGANS) {
    const res = await app.request("/v1/reports", {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify(model(organ)),
    });
    expect(res.status, `${JSON.stringify(organ)}: ${await res.clone().text()}`).toBe(201);
    const body = await json(res);
    ids.set(body.report.organ, [...(ids.get(body.report.organ) ?? []), body.id]);
  }
  return { app, ids };
}

/** Every stored key is reports/<id>/<file> or index/<one segment>/<year>/<entry>, and nothing else. */
async function expectTidyKeys(storage: Storage, ids: Map<string, string[]>) {
  const keys = (await listAll(storage, "")).map((o) => o.key);
  for (const key of keys) {
    expect(key, key).toMatch(
      /^(reports\/[0-9a-f]{32}\/(report\.(pdf|html|json)|tujie\.(html|pdf)|meta\.json)|index\/[^/]+\/\d{4}\/\d{15}-[0-9a-f]{32})$/,
    );
  }
  for (const [organ, published] of ids) {
    const entries = keys.filter((k) => k.startsWith(indexPrefix(organ)));
    expect(
      entries.map((k) => k.slice(-32)).sort(),
      `${organ} ${JSON.stringify(entries)} ${JSON.stringify([...ids])}`,
    ).toEqual([...published].sort());
  }
}

async function expectLinksResolve(
  app: Awaited<ReturnType<typeof makeApp>>["app"],
  ids: Map<string, string[]>,
) {
  for (const [organ, published] of ids) {
    const list = await app.request(`/v1/reports?organ=${encodeURIComponent(organ)}`);
    expect(list.status, organ).toBe(200);
    const listed = (await json(list)).versions.map((v: { id: string }) => v.id);
    expect([...listed].sort(), organ).toEqual([...published].sort());
    // "." and ".." cannot be a path segment of any URL (the URL parser resolves them, %2E%2E too): no portal link.
    if (/^\.{1,2}$/.test(organ)) continue;
    const portal = await app.request(`/r/${encodeURIComponent(organ)}/2022.pdf`);
    expect(portal.status, organ).toBe(302);
    // The portal link points at the newest of this organ's versions, never at another organ's.
    expect(portal.headers.get("location"), organ).toMatch(new RegExp(`/v1/reports/${listed[0]}\\.pdf$`));
  }
}

describe("organ names cannot escape their prefix", () => {
  it("keySegment makes any name one inert segment", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 80 }).filter((s) => s.length > 0),
        (name) => {
          let seg: string;
          try {
            seg = keySegment(name);
          } catch {
            return; // lone surrogates cannot be encoded: refused, never written
          }
          expect(isSafeKey(seg)).toBe(true);
          expect(seg.includes("/") || seg.includes("\\")).toBe(false);
          expect(seg.startsWith(".")).toBe(false);
          expect(isSafeKey(`index/${seg}/2020/x`)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 6 },
    );
  });

  it("memory store: hostile organs stay under index/<segment>/ and their links resolve", async () => {
    const { MemoryStorage } = await import("../../src/storage/memory.ts");
    const storage = new MemoryStorage();
    const { app, ids } = await publishAll(storage);
    await expectTidyKeys(storage, ids);
    await expectLinksResolve(app, ids);
  });

  describe("filesystem store", () => {
    const outer = tempDir("keys");

    it("writes nothing outside its root", async () => {
      const root = join(outer, "store");
      const storage = new FsStorage(root);
      const { app, ids } = await publishAll(storage);
      await expectTidyKeys(storage, ids);
      await expectLinksResolve(app, ids);
      // Only the root itself sits in the folder around it.
      expect(await readdir(outer)).toEqual(["store"]);
      const files = (await readdir(root, { recursive: true })).map(String);
      for (const f of files) expect(relative(root, join(root, f)).startsWith("..")).toBe(false);
      expect(files.some((f) => /etc|passwd/.test(f) && !f.includes("%"))).toBe(false);
    });

    it("refuses keys that reach its hidden folders or climb out", async () => {
      const storage = new FsStorage(join(outer, "store2"));
      for (const key of [".meta/x", ".tmp/x", "../x", "a/../../x", "/etc/passwd", "a\u0000b", "a\\..\\b"]) {
        await expect(storage.put(key, "x"), key).rejects.toMatchObject({ code: "invalid_input" });
        await expect(storage.get(key), key).rejects.toMatchObject({ code: "invalid_input" });
      }
      expect((await readdir(outer)).sort()).toEqual(["store"]);
    });
  });

  describe("S3 store (s3rver on loopback)", () => {
    let s3: RunningS3;
    beforeAll(async () => {
      s3 = await startS3("nianbao-keys");
    });
    afterAll(async () => {
      await s3?.close();
    });

    it("keeps every key under the configured prefix", async () => {
      const opts = {
        bucket: s3.bucket,
        region: s3.region,
        endpoint: s3.endpoint,
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
      };
      const storage = new S3Storage({ ...opts, keyPrefix: "tenant/" });
      const { app, ids } = await publishAll(storage);
      await expectTidyKeys(storage, ids);
      await expectLinksResolve(app, ids);
      // Seen without the prefix, the bucket holds nothing outside tenant/.
      const raw = await listAll(new S3Storage(opts), "");
      for (const o of raw) expect(o.key.startsWith("tenant/"), o.key).toBe(true);
    });
  });

  it("an organ name too long for a key is refused before anything is written", async () => {
    const { MemoryStorage } = await import("../../src/storage/memory.ts");
    const storage = new MemoryStorage();
    const { app } = await makeApp({ storage });
    for (const organ of ["长".repeat(400), "x".repeat(2000)]) {
      const res = await app.request("/v1/reports", {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify(model(organ)),
      });
      expect(res.status).toBe(413);
      expect((await json(res)).error.code).toBe("input_limit");
    }
    expect(await listAll(storage, "")).toEqual([]);
  });
});

describe("auth", () => {
  const post = async (headers: Record<string, string>) => {
    const { app } = await makeApp();
    return app.request("/v1/validate", {
      method: "POST",
      headers: { "content-type": "text/plain; charset=utf-8", ...headers },
      body: SEED_TEXTS[2],
    });
  };

  it("a missing token is 401 with WWW-Authenticate; a wrong one is 403; neither echoes what was sent", async () => {
    const none = await post({});
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await json(none)).error.code).toBe("unauthorized");
    const wrongTokens = [
      "x",
      TOKEN.slice(0, -1),
      `${TOKEN}x`,
      TOKEN.toUpperCase(),
      `${TOKEN.slice(0, -1)}${String.fromCharCode(TOKEN.charCodeAt(TOKEN.length - 1) + 1)}`,
      "a".repeat(10_000),
      "secret-looking-token-ABCDEFGH",
    ];
    for (const t of wrongTokens) {
      const res = await post({ authorization: `Bearer ${t}` });
      expect(res.status, t.slice(0, 30)).toBe(403);
      const text = await res.text();
      expect(text).not.toContain(t.slice(0, 16));
      expect(text).not.toContain(TOKEN);
    }
    for (const h of [
      `Basic ${btoa(`u:${TOKEN}`)}`,
      TOKEN,
      `Bearer`,
      `Bearer ${TOKEN} extra`,
      `Token ${TOKEN}`,
    ]) {
      const res = await post({ authorization: h });
      expect([401, 403], h).toContain(res.status);
      expect(await res.text()).not.toContain(TOKEN);
    }
  });

  it("the right token works in any scheme case; a token in the query string does not", async () => {
    expect((await post({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await post({ authorization: `bearer ${TOKEN}` })).status).toBe(200);
    const { app } = await makeApp();
    const res = await app.request(`/v1/validate?token=${TOKEN}&access_token=${TOKEN}`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: SEED_TEXTS[2],
    });
    expect(res.status).toBe(401);
  });

  it("tokens are compared as fixed-length digests without an early exit", () => {
    const a = new Uint8Array(32).fill(7);
    for (let i = 0; i < 32; i++) {
      const b = a.slice();
      b[i] = 8;
      expect(timingSafeEqual(a, b)).toBe(false);
    }
    expect(timingSafeEqual(a, a.slice())).toBe(true);
    expect(timingSafeEqual(a, a.slice(0, 31))).toBe(false);
  });

  it("every write route needs the token", async () => {
    const { app } = await makeApp({ config: { eventBucket: "b" } });
    for (const path of ["/v1/reports", "/v1/validate", "/v1/render", "/v1/events/s3"]) {
      const res = await app.request(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(res.status, path).toBe(401);
    }
  });
});

describe("reads never expose unpublished inputs", () => {
  it("incoming/ uploads and their results are not reachable through any read route", async () => {
    const { MemoryStorage } = await import("../../src/storage/memory.ts");
    const storage = new MemoryStorage();
    const secret = "未公开草稿-SECRET-7f3a";
    await storage.put("incoming/draft.txt", `${SEED_TEXTS[0]}\n${secret}`);
    await storage.put("incoming/draft.txt.result.json", JSON.stringify({ note: secret }));
    const { app } = await makeApp({ storage });
    const paths = [
      "/incoming/draft.txt",
      "/v1/incoming/draft.txt",
      "/v1/reports/incoming/draft.txt",
      "/v1/reports/..%2Fincoming%2Fdraft.txt",
      "/v1/reports/%2E%2E/%2E%2E/incoming/draft.txt",
      "/v1/reports/incoming%2Fdraft.txt",
      "/v1/reports?organ=..%2Fincoming",
      "/v1/reports?organ=incoming",
      "/r/..%2F..%2Fincoming/draft.pdf",
      "/r/incoming/draft.txt",
      "/v1/reports/draft.txt.result.json",
    ];
    for (const p of paths) {
      const res = await app.request(p);
      const text = await res.text();
      expect(text, p).not.toContain(secret);
      // A listing may answer 200, but with nothing in it.
      if (res.status === 200) expect(JSON.parse(text).versions, p).toEqual([]);
      else expect(res.status, p).toBeGreaterThanOrEqual(400);
    }
  });
});

describe("errors never leak secrets or stack traces", () => {
  const SECRET = "AKIAIOSFODNN7EXAMPLE/wJalrXUtnFEMI";
  const failing = (): Storage => {
    const boom = () => {
      const e = new Error(`SignatureDoesNotMatch: credential ${SECRET} at https://s3.internal:9000`);
      throw e;
    };
    return {
      kind: "failing",
      get: async () => boom(),
      head: async () => boom(),
      put: async () => boom(),
      list: async () => boom(),
      delete: async () => boom(),
    };
  };

  it("a crashing store gives a fixed message and no stack, for reads and writes", async () => {
    const { app, logs } = await makeApp({ storage: failing() });
    const reqs: [string, RequestInit][] = [
      ["/v1/reports/0123456789abcdef0123456789abcdef.pdf", {}],
      ["/v1/reports?organ=x", {}],
      ["/r/x/2022.pdf", {}],
      [
        "/v1/reports",
        {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify(MODELS[1]),
        },
      ],
    ];
    for (const [path, init] of reqs) {
      const res = await app.request(path, init);
      expect(res.status, path).toBeGreaterThanOrEqual(500);
      const text = await res.text();
      expect(text).not.toContain("AKIA");
      expect(text).not.toContain("s3.internal");
      expect(text).not.toMatch(/\n\s+at |Error:/);
      expect(JSON.parse(text).error.code).toMatch(/^(internal|storage_unavailable)$/);
    }
    // The cause is kept for the operator, in the log.
    expect(JSON.stringify(logs)).toContain("SignatureDoesNotMatch");
  });
});

describe("rendering touches no network and no file", () => {
  const URLISH = [
    "http://127.0.0.1:9/x.png",
    "https://example.invalid/a.ttf",
    "file:///etc/passwd",
    "/etc/passwd",
    "../../../../etc/shadow",
    "C:\\Windows\\win.ini",
    "data:image/png;base64,AAAA",
    "\\\\server\\share\\x",
  ];

  it("a report whose strings look like URLs and paths renders without fetch, sockets or fs reads", async () => {
    const assets = await nodeAssets();
    const base = structuredClone(MODELS[1]) as Report;
    const m = {
      ...base,
      organ: URLISH[0],
      title: URLISH.join(" "),
      sections: base.sections.map((s, i) => ({
        ...s,
        blocks: [...s.blocks, { type: "paragraph" as const, text: URLISH[i % URLISH.length] as string }],
      })),
    };
    const { report } = validateModel(m);
    await renderPdf(report, assets); // warm-up: lazy module state is not what is measured
    const fs = await import("node:fs");
    const fsp = await import("node:fs/promises");
    const net = await import("node:net");
    const http = await import("node:http");
    const https = await import("node:https");
    const { syncBuiltinESMExports } = await import("node:module");
    const touched: string[] = [];
    const restore: (() => void)[] = [];
    const spy = (obj: Record<string, unknown>, name: string, label: string) => {
      const orig = obj[name] as (...a: unknown[]) => unknown;
      obj[name] = function (this: unknown, ...args: unknown[]) {
        touched.push(`${label}(${String(args[0]).slice(0, 80)})`);
        return orig.apply(this, args);
      };
      restore.push(() => {
        obj[name] = orig;
      });
    };
    const fsObj = fs.default as unknown as Record<string, unknown>;
    for (const n of [
      "readFileSync",
      "readFile",
      "openSync",
      "open",
      "createReadStream",
      "existsSync",
      "statSync",
      "readdirSync",
    ])
      spy(fsObj, n, `fs.${n}`);
    for (const n of ["readFile", "open", "stat", "readdir"])
      spy(fsp.default as unknown as Record<string, unknown>, n, `fsp.${n}`);
    spy(net.default as unknown as Record<string, unknown>, "connect", "net.connect");
    spy(net.default as unknown as Record<string, unknown>, "createConnection", "net.createConnection");
    spy(http.default as unknown as Record<string, unknown>, "request", "http.request");
    spy(https.default as unknown as Record<string, unknown>, "request", "https.request");
    spy(globalThis as unknown as Record<string, unknown>, "fetch", "fetch");
    syncBuiltinESMExports();
    try {
      const pdf = await renderPdf(report, assets);
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe("%PDF-");
    } finally {
      for (const r of restore) r();
      syncBuiltinESMExports();
    }
    expect(touched).toEqual([]);
  });

  it("pdfmake itself refuses URL and local-file images (and would fetch them without the policy)", async () => {
    const { default: bundle } = await import("../../src/generated/pdfmake.js");
    const { PDF_FAMILY } = await import("../../src/core/render/text/runs.ts");
    const pdfmake = (
      bundle as unknown as {
        pdfmake: {
          createPdf(doc: unknown): { getBuffer(): Promise<unknown> };
          setUrlAccessPolicy(cb: (url: string) => boolean): void;
        };
      }
    ).pdfmake;
    const assets = await nodeAssets();
    await renderPdf(validateModel(MODELS[1]).report, assets); // configures policies and fonts
    const http = await import("node:http");
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end("not an image");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    const make = (image: string) =>
      pdfmake
        .createPdf({
          content: [{ image: "img" }],
          images: { img: image },
          defaultStyle: { font: PDF_FAMILY.body },
        })
        .getBuffer();
    try {
      for (const image of [`http://127.0.0.1:${port}/x.png`, "/etc/passwd", "file:///etc/passwd"]) {
        await expect(make(image), image).rejects.toBeDefined();
      }
      expect(hits).toBe(0);
      // The control: with the URL policy opened, the same document does reach the server.
      pdfmake.setUrlAccessPolicy(() => true);
      await make(`http://127.0.0.1:${port}/x.png`).catch(() => undefined);
      expect(hits).toBeGreaterThan(0);
    } finally {
      pdfmake.setUrlAccessPolicy(() => false);
      server.close();
    }
  });

  it("templates never read inherited properties (Handlebars prototype access is off)", async () => {
    const { runTemplate } = await import("../../src/core/render/handlebars.ts");
    const assets = await nodeAssets();
    const { report } = validateModel(MODELS[1]);
    const view = buildView(report) as unknown as Record<string, unknown>;
    // A view whose title is only inherited: the template must not print it.
    const { title: _title, ...own } = view;
    const sneaky = Object.assign(Object.create({ title: "INHERITED-PROTO-TITLE" }), own);
    let html = "";
    try {
      html = runTemplate(`report-${report.edition}.html`, sneaky, { assets });
    } catch {
      html = "";
    }
    expect(html).not.toContain("INHERITED-PROTO-TITLE");
  });
});

describe("template helpers and the core touch no I/O", () => {
  const read = (rel: string) => readFileSync(new URL(`../../${rel}`, import.meta.url), "utf8");

  it("Handlebars has only the known helpers, none of which reads files or the network", () => {
    const source = read("src/core/render/handlebars.ts");
    const helpers = [...source.matchAll(/registerHelper\(\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(helpers.length).toBeGreaterThan(0);
    for (const h of helpers)
      expect(["json", "eq", "level", "face", "runs", "rows", "lines", "titleLines"], h).toContain(h);
    // Templates are precompiled: nothing is compiled from data at run time.
    expect(source).not.toMatch(/\.compile\(/);
  });

  it("no module of the core imports Node, fetches, or reads the environment", () => {
    const files = readdirSync(new URL("../../src/core/", import.meta.url), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const code = read(`src/core/${f}`)
        .split("\n")
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
        .join("\n");
      expect(code, f).not.toMatch(
        /from "node:|require\(|\bfetch\(|\bprocess\.|\bBuffer\.|XMLHttpRequest|\bimport\(/,
      );
    }
  });

  it("pdfmake's URL and local-file policies are set to refuse, by the one font set-up both PDF renderers use", () => {
    const setup = read("src/core/render/pdfmake/fonts-vfs.ts");
    expect(setup).toMatch(/setUrlAccessPolicy\(\(\) => false\)/);
    expect(setup).toMatch(/setLocalAccessPolicy\(\(\) => false\)/);
    for (const renderer of ["src/core/render/pdfmake/pdf.ts", "src/core/tujie/pdf.ts"]) {
      const source = read(renderer);
      expect(source, renderer).toMatch(/useFonts\(/);
      // Nothing sets fonts or writes font files past the shared set-up.
      expect(source, renderer).not.toMatch(/setFonts\(|virtualfs/);
    }
  });

  it("after a render pdfmake refuses every URL and local file", async () => {
    const { bundle } = await import("../../src/core/render/pdfmake/bundle.ts");
    const { renderTujiePdf } = await import("../../src/core/tujie/index.ts");
    await renderTujiePdf(JSON.parse(read("test/fixtures/render/seed-000.json")), await nodeAssets());
    const pdfmake = bundle.pdfmake as unknown as Record<string, (url: string) => boolean>;
    expect(pdfmake.urlAccessPolicy?.("https://example.com/x.png")).toBe(false);
    expect(pdfmake.localAccessPolicy?.("/etc/passwd")).toBe(false);
  });
});
