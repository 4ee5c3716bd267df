// `nianbao serve --data DIR`: a file dropped into DIR/incoming/ (before or after start) is converted, with its result
// file beside it and the report served, as an R2 event notification does on Workers.
import { mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/runtime/node.ts";
import { fixture } from "../support/service/app.ts";
import { tempDir } from "../support/temp-dir.ts";

async function resultOf(path: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return JSON.parse(await readFile(path, "utf8"));
    } catch {
      if (Date.now() > until) throw new Error(`no result file ${path}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe("serve --data DIR watches DIR/incoming/", () => {
  const data = tempDir("watch");
  let server: RunningServer;
  beforeAll(async () => {
    mkdirSync(join(data, "incoming"), { recursive: true });
    writeFileSync(join(data, "incoming", "早到.json"), fixture("valid-2020.json"));
    server = await startServer({ port: 0, dataDir: data, env: {}, log: () => {} });
  });
  afterAll(() => server?.close());

  it("converts a file that was there before start", async () => {
    const result = await resultOf(join(data, "incoming", "早到.json.result.json"));
    expect(result.status).toBe("published");
    const res = await fetch(`${server.url}/v1/reports/${result.id}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/pdf");
  });

  it("converts a file dropped in while serving, and records a refused one as failed", async () => {
    writeFileSync(join(data, "incoming", "seed.txt"), fixture("../seeds/002_ddbd805a826f66fd.txt"));
    writeFileSync(join(data, "incoming", "坏.json"), fixture("invalid-2020.json"));
    writeFileSync(join(data, "incoming", "notes.md"), "not an upload kind");
    const ok = await resultOf(join(data, "incoming", "seed.txt.result.json"));
    expect(ok.status).toBe("published");
    expect(ok.links.pdf).toBe(`${server.url}/v1/reports/${ok.id}.pdf`);
    const bad = await resultOf(join(data, "incoming", "坏.json.result.json"));
    expect(bad.status).not.toBe("published");
    await server.incoming?.idle();
    await expect(readFile(join(data, "incoming", "notes.md.result.json"))).rejects.toThrow();
  });
});
