// POST /v1/events/s3: S3 event notifications for a real S3-protocol server (s3rver) trigger conversion of incoming/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage } from "../../src/storage/s3.ts";
import { auth, fixture, json, makeApp, RESULT_SECRET } from "../support/service/app.ts";
import { type RunningS3, startS3 } from "../support/service/s3rver.ts";

let s3: RunningS3;
let store: S3Storage;
let t: Awaited<ReturnType<typeof makeApp>>;

beforeAll(async () => {
  s3 = await startS3("nianbao-events");
  store = new S3Storage(s3);
  t = await makeApp({
    storage: store,
    config: { eventBucket: s3.bucket, publicBaseUrl: "https://reports.example.gov.cn" },
    resultSecret: RESULT_SECRET,
  });
});
afterAll(async () => {
  await s3?.close();
});

/** The AWS/MinIO event shape; keys arrive form-encoded. */
const s3Event = (key: string, bucket = s3.bucket, eventName = "s3:ObjectCreated:Put") => ({
  EventName: eventName,
  Key: `${bucket}/${key}`,
  Records: [
    {
      eventVersion: "2.0",
      eventSource: "minio:s3",
      eventName,
      s3: {
        bucket: { name: bucket },
        object: { key: encodeURIComponent(key).replace(/%20/g, "+"), size: 1, eTag: "x" },
      },
    },
  ],
});

const send = (body: unknown, headers: Record<string, string> = auth) =>
  t.app.request("/v1/events/s3", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });

async function resultOf(key: string) {
  const o = await store.get(`${key}.result.json`);
  return o ? JSON.parse(new TextDecoder().decode(o.body)) : null;
}

describe("POST /v1/events/s3", () => {
  it("converts an uploaded report and records the outcome beside it", async () => {
    const key = "incoming/永康 商务局.json";
    await store.put(key, fixture("valid-2020.json"));
    const res = await send(s3Event(key));
    expect(res.status).toBe(200);
    const { results } = await json(res);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ key, status: "published" });
    const rec = await resultOf(key);
    expect(rec.id).toBe(results[0].id);
    expect(rec.links.pdf).toBe(`https://reports.example.gov.cn/v1/reports/${rec.id}.pdf`);
    expect((await store.head(`reports/${rec.id}/report.pdf`))?.contentType).toBe("application/pdf");
  });

  it("does not redo work for a repeated event", async () => {
    const key = "incoming/repeat.json";
    await store.put(key, fixture("valid-2020.json"));
    await send(s3Event(key));
    const before = await store.head(`${key}.result.json`);
    const res = await send(s3Event(key));
    expect((await json(res)).results[0].status).toBe("published");
    expect((await store.head(`${key}.result.json`))?.uploaded.getTime()).toBe(before?.uploaded.getTime());
  });

  it("records a rejected report and answers 200 (nothing to retry)", async () => {
    const key = "incoming/bad.json";
    await store.put(key, fixture("invalid-2020.json"));
    const res = await send(s3Event(key));
    expect(res.status).toBe(200);
    expect((await json(res)).results[0]).toMatchObject({
      status: "rejected",
      error: { code: "invalid_report" },
    });
    expect((await resultOf(key)).findings.length).toBeGreaterThan(0);
  });

  it("rejects an upload over the body limit without converting it", async () => {
    const small = await makeApp({
      storage: store,
      engine: t.services.engine,
      config: { eventBucket: s3.bucket, bodyLimitBytes: 1024 },
    });
    const key = "incoming/too-big.txt";
    await store.put(key, fixture("../seeds/002_ddbd805a826f66fd.txt"));
    const res = await small.app.request("/v1/events/s3", {
      method: "POST",
      body: JSON.stringify(s3Event(key)),
      headers: { "content-type": "application/json", ...auth },
    });
    expect(res.status).toBe(200);
    expect((await json(res)).results[0]).toMatchObject({
      status: "rejected",
      error: { code: "input_limit" },
    });
    expect((await resultOf(key)).status).toBe("rejected");
  });

  it("ignores other buckets, other events and keys outside incoming/", async () => {
    const res = await send({
      Records: [
        ...s3Event("incoming/a.json", "other-bucket").Records,
        ...s3Event("incoming/a.json", s3.bucket, "s3:ObjectRemoved:Delete").Records,
        ...s3Event("reports/a.json").Records,
      ],
    });
    expect(res.status).toBe(200);
    expect((await json(res)).results.map((r: { status: string }) => r.status)).toEqual([
      "ignored",
      "ignored",
      "ignored",
    ]);
  });

  it("needs a token, a valid event, and a configured bucket", async () => {
    expect((await send(s3Event("incoming/a.json"), {})).status).toBe(401);
    const bad = await send({ Records: "no" });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.issues[0].path).toBe("/Records");
    const none = await makeApp({ storage: store, engine: t.services.engine });
    const off = await none.app.request("/v1/events/s3", {
      method: "POST",
      body: JSON.stringify(s3Event("incoming/a.json")),
      headers: { "content-type": "application/json", ...auth },
    });
    expect(off.status).toBe(404);
  });

  it("answers 503 when the store is down, so the sender retries", async () => {
    const down = new S3Storage({ ...s3, endpoint: "http://127.0.0.1:9" });
    const d = await makeApp({ storage: down, engine: t.services.engine, config: { eventBucket: s3.bucket } });
    const res = await d.app.request("/v1/events/s3", {
      method: "POST",
      body: JSON.stringify(s3Event("incoming/x.json")),
      headers: { "content-type": "application/json", ...auth },
    });
    expect(res.status).toBe(503);
    expect((await json(res)).results[0]).toMatchObject({
      status: "failed",
      error: { code: "storage_unavailable" },
    });
  });
});

describe("POST /v1/events/s3 against planted files and hostile events", () => {
  /** A result file as an attacker with write access to incoming/ would plant it: the upload's own etag. */
  async function plant(key: string, extra: Record<string, unknown> = {}) {
    const etag = (await store.head(key))?.etag as string;
    const fake = {
      status: "published",
      source: { key, etag },
      id: "0".repeat(32),
      links: { self: "https://evil.example/x", pdf: "https://evil.example/x.pdf", html: "x", json: "x" },
      finishedAt: new Date().toISOString(),
      ...extra,
    };
    await store.put(`${key}.result.json`, JSON.stringify(fake));
  }

  it("does not trust a planted result file with the matching etag: the upload is converted", async () => {
    const key = "incoming/planted.json";
    await store.put(key, fixture("valid-2020.json"));
    await plant(key);
    const res = await send(s3Event(key));
    expect(res.status).toBe(200);
    const [r] = (await json(res)).results;
    expect(r.status).toBe("published");
    expect(r.id).not.toBe("0".repeat(32));
    const rec = await resultOf(key);
    expect(rec.id).toBe(r.id);
    expect(rec.links.pdf).toBe(`https://reports.example.gov.cn/v1/reports/${r.id}.pdf`);
    expect(rec.signature).toMatch(/^[0-9a-f]{64}$/);
    expect((await store.head(`reports/${r.id}/report.pdf`))?.contentType).toBe("application/pdf");
  });

  it("does not trust a result signed with another secret, nor our record with a field changed", async () => {
    const key = "incoming/forged.json";
    await store.put(key, fixture("valid-2020.json"));
    await plant(key, { signature: "a".repeat(64) });
    const [first] = (await json(send(s3Event(key)))).results;
    expect(first.id).not.toBe("0".repeat(32));
    // Our own signed record, its id swapped for another: the signature no longer matches.
    const ours = await resultOf(key);
    await store.put(`${key}.result.json`, JSON.stringify({ ...ours, id: "0".repeat(32) }));
    const [second] = (await json(send(s3Event(key)))).results;
    expect(second.id).toBe(first.id);
    expect((await resultOf(key)).id).toBe(first.id);
  });

  it("without RESULT_SECRET trusts no result file: a repeated event converts again, to the same report", async () => {
    const open = await makeApp({
      storage: store,
      engine: t.services.engine,
      config: { eventBucket: s3.bucket },
    });
    const post = (body: unknown) =>
      open.app.request("/v1/events/s3", {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", ...auth },
      });
    const key = "incoming/unsigned.json";
    await store.put(key, fixture("valid-2020.json"));
    await plant(key);
    const [a] = (await json(post(s3Event(key)))).results;
    expect(a.id).not.toBe("0".repeat(32));
    const rec = await resultOf(key);
    expect(rec.signature).toBeUndefined();
    const [b] = (await json(post(s3Event(key)))).results;
    expect(b).toMatchObject({ status: "published", id: a.id });
  });

  it("caps Records: more than 100 answer 413 input_limit in Chinese, before any is looked at", async () => {
    const one = s3Event("incoming/never.json").Records[0];
    const res = await send({ Records: Array.from({ length: 101 }, () => one) });
    expect(res.status).toBe(413);
    const { error } = await json(res);
    expect(error.code).toBe("input_limit");
    expect(error.message).toMatch(/S3 事件记录过多（最多 100 条）/);
    // 2,000 malformed records: refused the same way, not validated one by one.
    const many = await send({ Records: Array.from({ length: 2000 }, () => ({})) });
    expect(many.status).toBe(413);
    const edge = await send({
      Records: Array.from({ length: 100 }, () => s3Event("x.json", "other").Records[0]),
    });
    expect(edge.status).toBe(200);
    expect((await json(edge)).results).toHaveLength(100);
  });

  it("never puts the Host header into stored links (root-relative without PUBLIC_BASE_URL)", async () => {
    const local = await makeApp({
      storage: store,
      engine: t.services.engine,
      config: { eventBucket: s3.bucket },
      resultSecret: RESULT_SECRET,
    });
    const key = "incoming/host.json";
    await store.put(key, fixture("valid-2020.json"));
    const res = await local.app.request("http://evil.example/v1/events/s3", {
      method: "POST",
      body: JSON.stringify(s3Event(key)),
      headers: { "content-type": "application/json", host: "evil.example", ...auth },
    });
    expect(res.status).toBe(200);
    const rec = await resultOf(key);
    expect(rec.links.pdf).toBe(`/v1/reports/${rec.id}.pdf`);
    expect(JSON.stringify(rec)).not.toContain("evil.example");
  });

  it("answers built on the request's origin say Vary: Host; with PUBLIC_BASE_URL they do not depend on it", async () => {
    const local = await makeApp({ storage: store, engine: t.services.engine });
    const csv = await local.app.request("http://evil.example/v1/reports.csv", {
      headers: { host: "evil.example" },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("vary") ?? "").toMatch(/\bHost\b/);
    const fixed = await t.app.request("http://evil.example/v1/reports.csv", {
      headers: { host: "evil.example" },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.headers.get("vary") ?? "").not.toMatch(/\bHost\b/);
    expect(await fixed.text()).not.toContain("evil.example");
  });
});
