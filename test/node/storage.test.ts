// The storage contract against memory, the filesystem (temp dir) and S3 (a real s3rver on 127.0.0.1).
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FsStorage } from "../../src/storage/fs.ts";
import { MemoryStorage } from "../../src/storage/memory.ts";
import { S3Storage } from "../../src/storage/s3.ts";
import { type RunningS3, startS3 } from "../support/service/s3rver.ts";
import { storageContract } from "../support/service/storage-contract.ts";

const dirs: string[] = [];
let s3: RunningS3;
let run = 0;

beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "nianbao-fs-"));
  dirs.push(d);
  return d;
}

storageContract("memory", () => new MemoryStorage());
storageContract("filesystem", async () => new FsStorage(await freshDir()));
// One bucket, a fresh key prefix per test, so tests cannot see each other's objects.
storageContract("s3 (s3rver)", () => new S3Storage({ ...s3, keyPrefix: `run${++run}/` }));

describe("filesystem store specifics", () => {
  it("keeps files where a person expects them and hides its sidecars from listings", async () => {
    const root = await freshDir();
    const s = new FsStorage(root);
    await s.put("reports/abc/report.pdf", "%PDF", { metadata: { a: "b" } });
    expect(await readdir(join(root, "reports", "abc"))).toEqual(["report.pdf"]);
    expect((await s.list("")).objects.map((o) => o.key)).toEqual(["reports/abc/report.pdf"]);
  });

  it("refuses keys that name its own hidden folders", async () => {
    const s = new FsStorage(await freshDir());
    await expect(s.put(".meta/x", "x")).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("s3 store specifics", () => {
  it("reports a store that cannot be reached as retryable storage_unavailable", async () => {
    const down = new S3Storage({ ...s3, endpoint: "http://127.0.0.1:9" });
    await expect(down.get("x")).rejects.toMatchObject({ code: "storage_unavailable", retryable: true });
  });
});
