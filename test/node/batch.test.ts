// Zip batches under incoming/ in Node: unpacked, each report published on its own in a bounded pool, one summary.
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { unpackZip } from "../../src/core/batch/unzip.ts";
import type { ServiceDeps } from "../../src/service/convert.ts";
import { processUpload } from "../../src/service/incoming.ts";
import { latestVersion } from "../../src/service/versions.ts";
import { MemoryStorage } from "../../src/storage/memory.ts";
import { twentyReports, zipBomb } from "../support/batch/zips.ts";
import { RESULT_SECRET, realEngine } from "../support/service/app.ts";

let deps: ServiceDeps;
beforeAll(async () => {
  deps = { storage: new MemoryStorage(), engine: await realEngine(), resultSecret: RESULT_SECRET };
});

async function summary(key: string) {
  const o = await deps.storage.get(`${key}.result.json`);
  return o ? JSON.parse(new TextDecoder().decode(o.body)) : null;
}

describe("zip batches (Node pool)", () => {
  it("a zip of 20 reports gives 20 results and one summary", async () => {
    const { zip, organs } = twentyReports();
    const key = "incoming/第一批.zip";
    await deps.storage.put(key, zip);
    const outcome = await processUpload(deps, key, { batch: { poolSize: 3 } });
    expect(outcome.status).toBe("done");
    const s = await summary(key);
    // The stored summary is the returned one, sealed (RESULT_SECRET).
    const { signature, ...stored } = s;
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.status === "done" && outcome.result).toEqual(stored);
    expect(s).toMatchObject({ status: "batch", source: { key } });
    expect(s.batch).toMatchObject({ total: 20, pending: 0, published: 18, rejected: 2, failed: 0 });
    expect(s.batch.entries).toHaveLength(20);
    expect(s.batch.entries.map((e: { index: number }) => e.index)).toEqual([...Array(20).keys()]);
    expect(s.batch.skipped).toEqual(expect.arrayContaining(["封面.png", "__MACOSX/._有错误.json"]));
    const bad = s.batch.entries.find((e: { name: string }) => e.name === "有错误.json");
    expect(bad).toMatchObject({ status: "rejected", error: { code: "invalid_report" } });
    expect(bad.errors).toBeGreaterThan(0);
    const junk = s.batch.entries.find((e: { name: string }) => e.name === "说明.txt");
    expect(junk.status).toBe("rejected");
    // Every published report is stored, indexed and linked, with its 图解.
    for (const organ of organs) {
      const latest = await latestVersion(deps.storage, organ, 2020);
      expect(latest, organ).not.toBeNull();
      const entry = s.batch.entries.find((e: { id?: string }) => e.id === latest?.id);
      expect(entry).toMatchObject({
        status: "published",
        links: { tujie: `/v1/reports/${latest?.id}.tujie.html` },
      });
      expect(await deps.storage.head(`reports/${latest?.id}/tujie.pdf`)).not.toBeNull();
    }
    // The same zip again: nothing done twice.
    const again = await processUpload(deps, key);
    expect(again).toMatchObject({ status: "done", repeated: true });
  });

  it("a zip bomb, too many files, a zip without reports or no zip at all: a clear rejected record", async () => {
    const cases: [string, Uint8Array, string, RegExp][] = [
      ["incoming/bomb.zip", zipBomb(64), "input_limit", /「炸弹0.txt」解压后超过 1 MB/],
      ["incoming/many-small.zip", zipBomb(4, 4), "input_limit", /解压后超过 2 MB（疑似压缩炸弹）/],
      [
        "incoming/many.zip",
        zipSync(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`${i}.txt`, new Uint8Array(1)]))),
        "input_limit",
        /超过 5 个/,
      ],
      ["incoming/none.zip", zipSync({ "a.png": new Uint8Array(3) }), "invalid_input", /没有年报文件/],
      [
        "incoming/fake.zip",
        new TextEncoder().encode("这不是压缩包，只是一段足够长的文字内容。"),
        "invalid_input",
        /不是 zip/,
      ],
    ];
    for (const [key, bytes, code, message] of cases) {
      await deps.storage.put(key, bytes);
      const limits = { maxEntries: 5, maxEntryBytes: 1024 * 1024, maxUnpackedBytes: 2 * 1024 * 1024 };
      await processUpload(deps, key, { batch: { zipLimits: limits } });
      const s = await summary(key);
      expect(s, key).toMatchObject({ status: "rejected", error: { code } });
      expect(s.error.message, key).toMatch(message);
    }
    // Too large a zip is refused without being read.
    await deps.storage.put("incoming/big.zip", twentyReports().zip);
    await processUpload(deps, "incoming/big.zip", { batch: { maxZipBytes: 1024 } });
    expect((await summary("incoming/big.zip")).error).toMatchObject({ code: "input_limit" });
  });

  it("never inflates more than the limit, whatever sizes the zip declares", () => {
    const bomb = zipBomb(32);
    // Declared sizes lie: set the local header's uncompressed size to 1 byte.
    const lying = bomb.slice();
    new DataView(lying.buffer).setUint32(22, 1, true);
    for (const bytes of [bomb, lying]) {
      expect(() =>
        unpackZip(bytes, { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxUnpackedBytes: 4 * 1024 * 1024 }),
      ).toThrow(/解压后超过 1 MB/);
    }
  });
});
