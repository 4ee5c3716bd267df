// font.missing-glyph from the engine: HTTP validate and publish, the upload queue and `nianbao validate` all report
// the characters the fonts cannot draw (before, only `nianbao convert` did).
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/model.ts";
import { consumeUploads, type QueueMessage } from "../../src/service/queue.ts";
import { MemoryStorage } from "../../src/storage/memory.ts";
import { auth, fixture, json, makeApp, realEngine } from "../support/service/app.ts";
import { tempDir } from "../support/temp-dir.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** 堃 (U+5803) is outside the GB2312 subsets; the Node fallback font draws it. */
const RARE = JSON.stringify({ ...JSON.parse(fixture("valid-2020.json")), organ: "永康市堃山镇人民政府" });

const glyphs = (findings: Finding[]) =>
  findings.filter((f) => f.code === "font.missing-glyph").map((f) => [f.path, f.codePoint, f.severity]);
const EXPECTED = ["/organ", "U+5803", "warning"];

describe("font.missing-glyph in every runtime", () => {
  let t: Awaited<ReturnType<typeof makeApp>>;
  beforeAll(async () => {
    t = await makeApp();
  }, 60_000);

  const post = (path: string) =>
    t.app.request(path, {
      method: "POST",
      body: RARE,
      headers: { ...auth, "content-type": "application/json" },
    });

  it("POST /v1/validate", async () => {
    const res = await post("/v1/validate");
    expect(res.status).toBe(200);
    expect(glyphs((await json(res)).findings)).toContainEqual(EXPECTED);
  });

  it("POST /v1/reports, and the stored metadata", async () => {
    const res = await post("/v1/reports");
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(glyphs(body.findings)).toContainEqual(EXPECTED);
    const meta = await json(t.app.request(`/v1/reports/${body.id}`));
    expect(glyphs(meta.findings)).toContainEqual(EXPECTED);
  });

  it("the upload queue's result record", async () => {
    const storage = new MemoryStorage();
    const key = "incoming/堃山镇.json";
    await storage.put(key, RARE);
    const acked: string[] = [];
    const message: QueueMessage = {
      id: "m1",
      attempts: 1,
      body: {
        account: "test",
        bucket: "b",
        action: "PutObject",
        object: { key, size: 1, eTag: "x" },
        eventTime: new Date().toISOString(),
      },
      ack: () => acked.push("m1"),
      retry: () => {},
    };
    await consumeUploads([message], { storage, engine: await realEngine() });
    expect(acked).toEqual(["m1"]);
    const record = await storage.get(`${key}.result.json`);
    const result = JSON.parse(new TextDecoder().decode(record?.body));
    expect(result.status).toBe("published");
    expect(glyphs(result.findings)).toContainEqual(EXPECTED);
  });

  it("nianbao validate --json", () => {
    const dir = tempDir("glyph");
    writeFileSync(join(dir, "r.json"), RARE);
    const r = spawnSync(process.execPath, [join(ROOT, "bin/nianbao.js"), "validate", "--json", "r.json"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(glyphs(JSON.parse(r.stdout).findings)).toContainEqual(EXPECTED);
  });
});
