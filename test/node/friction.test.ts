// A new user's rough edges, each fixed: raw UTF-8 queries on Node, 405 with Allow, zod messages in Chinese, a quiet
// build, no wrangler telemetry.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/runtime/node.ts";
import { encodeRequestLine } from "../../src/runtime/raw-utf8-url.ts";
import { auth, fixture, json, makeApp } from "../support/service/app.ts";
import { tempDir } from "../support/temp-dir.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Sends raw bytes (no client-side encoding) and returns the status line and body. */
function rawRequest(port: number, head: string, body = ""): Promise<{ status: string; body: string }> {
  return new Promise((done, fail) => {
    const socket = connect(port, "127.0.0.1", () => {
      const bytes = Buffer.from(
        `${head}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${body ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : ""}\r\n${body}`,
      );
      // In two writes, so the relay must carry what Node's parser had not seen yet.
      socket.write(bytes.subarray(0, 40));
      setTimeout(() => socket.write(bytes.subarray(40)), 20);
    });
    let out = "";
    socket.setEncoding("utf8");
    socket.on("data", (d) => {
      out += d;
    });
    socket.on("error", fail);
    socket.on("end", () => {
      const [headers = "", ...rest] = out.split("\r\n\r\n");
      done({ status: headers.split("\r\n")[0] ?? "", body: rest.join("\r\n\r\n") });
    });
  });
}

describe("raw UTF-8 in the request line on Node", () => {
  let server: RunningServer;
  const dataDir = tempDir("utf8");
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      dataDir,
      env: {},
      log: () => {},
    });
    const res = await fetch(`${server.url}/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: fixture("valid-2020.json"),
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => server?.close());

  it("GET /v1/reports?organ=<raw UTF-8> answers the listing, as the percent-encoded query does", async () => {
    const organ = JSON.parse(fixture("valid-2020.json")).organ as string;
    const raw = await rawRequest(server.port, `GET /v1/reports?organ=${organ} HTTP/1.1`);
    expect(raw.status).toBe("HTTP/1.1 200 OK");
    const encoded = await json(fetch(`${server.url}/v1/reports?organ=${encodeURIComponent(organ)}`));
    expect(JSON.parse(raw.body)).toEqual(encoded);
    expect(
      encoded.items?.length ?? encoded.versions?.length ?? JSON.stringify(encoded).length,
    ).toBeGreaterThan(0);
  });

  it("a POST with a raw UTF-8 query keeps its body", async () => {
    const raw = await rawRequest(
      server.port,
      "POST /v1/validate?来源=测试 HTTP/1.1\r\nContent-Type: application/json",
      fixture("valid-2020.json"),
    );
    expect(raw.status).toBe("HTTP/1.1 200 OK");
    expect(JSON.parse(raw.body).report.organ).toBe(JSON.parse(fixture("valid-2020.json")).organ);
  });

  it("other malformed requests still get Node's 400", async () => {
    expect((await rawRequest(server.port, "GET /a b c HTTP/1.1")).status).toMatch(/^HTTP\/1\.1 400/);
    expect(encodeRequestLine(Buffer.from("GET /x HTTP/1.1\r\n"))).toBeUndefined();
    expect(
      Buffer.from(encodeRequestLine(Buffer.from("GET /?a=平 HTTP/1.1\r\nX: 平\r\n")) ?? []).toString(
        "latin1",
      ),
    ).toBe(`GET /?a=%E5%B9%B3 HTTP/1.1\r\nX: ${Buffer.from("平").toString("latin1")}\r\n`);
  });
});

describe("HTTP answers", () => {
  let t: Awaited<ReturnType<typeof makeApp>>;
  beforeAll(async () => {
    t = await makeApp();
  });

  it("405 with Allow for a known path asked with another method; 404 for an unknown path", async () => {
    for (const [method, path, allow] of [
      ["DELETE", "/v1/reports", "GET, HEAD, POST"],
      ["GET", "/v1/validate", "POST"],
      ["PUT", "/v1/reports/0123.pdf", "GET, HEAD"],
      ["POST", "/healthz", "GET, HEAD"],
    ] as const) {
      const res = await t.app.request(path, { method, headers: auth });
      expect([method, path, res.status, res.headers.get("allow")]).toEqual([method, path, 405, allow]);
      const body = await json(res);
      expect(body.error.code).toBe("method_not_allowed");
      expect(body.error.message).toContain("不支持");
    }
    const missing = await t.app.request("/v2/nothing", { method: "DELETE" });
    expect([missing.status, missing.headers.get("allow")]).toEqual([404, null]);
  });

  it("zod's messages reach users in Chinese through the one error path", async () => {
    const answers = await Promise.all([
      t.app.request("/v1/render?format=docx", {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: fixture("valid-2020.json"),
      }),
      t.app.request("/v1/reports?year=abc"),
      t.app.request("/v1/validate", {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ organ: 3, year: "x", edition: "1999" }),
      }),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(400);
      const { error } = await json(res);
      for (const text of [
        error.message,
        ...(error.issues ?? []).map((i: { message: string }) => i.message),
      ]) {
        expect(text).toMatch(/[\u4e00-\u9fff]/);
        expect(text).not.toMatch(/\b(Invalid|expected|received|Required)\b/);
      }
    }
  });
});

describe("tooling", () => {
  it("the build prints nothing (fontkit's duplicate key is dropped at bundle time)", () => {
    const run = spawnSync(process.execPath, [join(ROOT, "scripts/build.mjs")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(readFileSync(join(ROOT, "src/generated/pdfmake.js"), "utf8")).not.toMatch(
      /axisIndex:[\w.$]+,axisIndex:/,
    );
  }, 60_000);

  it("wrangler's telemetry is off for this project", () => {
    expect(readFileSync(join(ROOT, "wrangler.toml"), "utf8")).toMatch(/^send_metrics = false$/m);
  });
});
