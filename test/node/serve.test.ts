// `nianbao serve` as a started process: filesystem store by default, S3 (s3rver) by env, config errors at start.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage } from "../../src/storage/s3.ts";
import { fixture, json } from "../support/service/app.ts";
import { type RunningS3, startS3 } from "../support/service/s3rver.ts";
import { finished, runCli, type Served, serveProcess } from "../support/service/spawn-serve.ts";
import { tempDir } from "../support/temp-dir.ts";

const TOKEN = "serve-test-token-0123456789";
const VALID = fixture("valid-2020.json");
const dataDir = tempDir("serve");

const publish = (url: string, body: string, token = TOKEN) =>
  fetch(`${url}/v1/reports`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
  });

describe("nianbao serve with the filesystem store", () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveProcess(["--data", dataDir], { API_TOKENS: TOKEN });
  }, 60_000);
  afterAll(async () => {
    await served?.stop();
  });

  it("publishes over HTTP and writes the artifacts under --data", async () => {
    const res = await publish(served.url, VALID);
    expect(res.status).toBe(201);
    const { id, links } = await json(res);
    expect(links.pdf).toBe(`${served.url}/v1/reports/${id}.pdf`);
    const pdf = await fetch(links.pdf);
    expect(pdf.status).toBe(200);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const onDisk = await readFile(join(dataDir, "reports", id, "report.pdf"));
    expect(onDisk.equals(Buffer.from(bytes))).toBe(true);
    expect(existsSync(join(dataDir, "reports", id, "report.html"))).toBe(true);
  });

  it("needs the configured token for writes and serves reads openly", async () => {
    expect((await publish(served.url, VALID, "wrong-token-wrong-token")).status).toBe(403);
    expect((await fetch(`${served.url}/healthz`)).status).toBe(200);
  });

  it("stops cleanly on SIGTERM", async () => {
    const other = await serveProcess(["--data", dataDir]);
    expect(await other.stop()).toBe(0);
  });
});

describe("nianbao serve with an S3-compatible store", () => {
  let s3: RunningS3;
  let served: Served;
  beforeAll(async () => {
    s3 = await startS3("nianbao-serve");
    served = await serveProcess([], s3.env);
  }, 60_000);
  afterAll(async () => {
    await served?.stop();
    await s3?.close();
  });

  it("stores reports in the bucket", async () => {
    const res = await publish(served.url, VALID);
    expect(res.status).toBe(201);
    const { id } = await json(res);
    const store = new S3Storage(s3);
    const pdf = await store.head(`reports/${id}/report.pdf`);
    expect(pdf?.contentType).toBe("application/pdf");
    expect((await fetch(`${served.url}/v1/reports/${id}.pdf`)).status).toBe(200);
    expect(await json(fetch(`${served.url}/healthz`))).toMatchObject({ storage: "s3" });
  });
});

describe("configuration errors at start", () => {
  it("names the bad variable and exits 2", async () => {
    const r = await finished(
      runCli(["serve", "--port", "0"], { S3_BUCKET: "b-test", S3_ENDPOINT: "not a url" }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("S3_ENDPOINT");
  });

  it("refuses a FALLBACK_FONT that is no font file, in serve and convert", async () => {
    const missing = join(dataDir, "none.ttf");
    const serve = await finished(runCli(["serve", "--port", "0"], { FALLBACK_FONT: missing }));
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain("FALLBACK_FONT");
    const notFont = await finished(runCli(["serve", "--port", "0"], { FALLBACK_FONT: "/etc/passwd" }));
    expect(notFont.code).toBe(2);
    expect(notFont.stderr).toContain("FALLBACK_FONT");
    const convert = await finished(
      runCli(
        [
          "convert",
          "--out",
          join(dataDir, "out"),
          "--format",
          "pdf",
          fileURLToPath(new URL("../fixtures/service/valid-2020.json", import.meta.url)),
        ],
        {
          FALLBACK_FONT: missing,
        },
      ),
    );
    expect(convert.code).toBe(2);
    expect(convert.stderr).toContain("FALLBACK_FONT");
  });

  it("refuses S3 settings without a bucket, naming S3_BUCKET", async () => {
    const r = await finished(runCli(["serve", "--port", "0"], { S3_ENDPOINT: "http://127.0.0.1:9000" }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("S3_BUCKET");
  });
});
