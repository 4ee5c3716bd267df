// The storage contract against memory, the filesystem (temp dir) and S3 (a real s3rver on 127.0.0.1).
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FsStorage } from "../../src/storage/fs.ts";
import { MemoryStorage } from "../../src/storage/memory.ts";
import { S3Storage } from "../../src/storage/s3.ts";
import { type RunningS3, startS3 } from "../support/service/s3rver.ts";
import { storageContract } from "../support/service/storage-contract.ts";
import { tempDir } from "../support/temp-dir.ts";

let s3: RunningS3;
let run = 0;

beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.close();
});

storageContract("memory", () => new MemoryStorage());
storageContract("filesystem", () => new FsStorage(tempDir("fs")));
// One bucket, a fresh key prefix per test, so tests cannot see each other's objects.
storageContract("s3 (s3rver)", () => new S3Storage({ ...s3, keyPrefix: `run${++run}/` }));

describe("filesystem store specifics", () => {
  it("keeps files where a person expects them and hides its sidecars from listings", async () => {
    const root = tempDir("fs");
    const s = new FsStorage(root);
    await s.put("reports/abc/report.pdf", "%PDF", { metadata: { a: "b" } });
    expect(await readdir(join(root, "reports", "abc"))).toEqual(["report.pdf"]);
    expect((await s.list("")).objects.map((o) => o.key)).toEqual(["reports/abc/report.pdf"]);
  });

  it("refuses keys that name its own hidden folders", async () => {
    const s = new FsStorage(tempDir("fs"));
    await expect(s.put(".meta/x", "x")).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("s3 store specifics", () => {
  it("reports a store that cannot be reached as retryable storage_unavailable", async () => {
    const down = new S3Storage({ ...s3, endpoint: "http://127.0.0.1:9" });
    await expect(down.get("x")).rejects.toMatchObject({ code: "storage_unavailable", retryable: true });
  });
});
