// The one bounded zip reader under its two limit sets: names as Chinese Windows writes them, the ratio cap, entries sharing one bomb's data, and the same errors for .docx and batches.
import { deflateSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { unpackZip } from "../../src/core/batch/unzip.ts";
import { NianbaoError } from "../../src/core/errors.ts";
import { BATCH_ZIP_LIMITS, DOCX_ZIP_LIMITS, openZip } from "../../src/core/input/zip.ts";

interface RawEntry {
  name: Uint8Array;
  data: Uint8Array;
  method: 0 | 8;
  unpacked: number;
  flags?: number;
}

/** A zip written byte by byte: names as given (no UTF-8 flag unless asked), and central records that may share one local entry. */
function rawZip(entries: RawEntry[], shareFirst = 0): Uint8Array {
  const parts: number[] = [];
  const le = (n: number, bytes: number) => {
    for (let i = 0; i < bytes; i++) parts.push((n >>> (8 * i)) & 0xff);
  };
  const put = (b: Uint8Array) => {
    for (const x of b) parts.push(x);
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(parts.length);
    le(0x04034b50, 4);
    le(20, 2);
    le(e.flags ?? 0, 2);
    le(e.method, 2);
    le(0, 4); // time, date
    le(0, 4); // crc (not checked by the reader)
    le(e.data.length, 4);
    le(e.unpacked, 4);
    le(e.name.length, 2);
    le(0, 2);
    put(e.name);
    put(e.data);
  }
  const cd = parts.length;
  const records = [...entries, ...Array.from({ length: shareFirst }, () => entries[0] as RawEntry)];
  records.forEach((e, i) => {
    le(0x02014b50, 4);
    le(20, 2);
    le(20, 2);
    le(e.flags ?? 0, 2);
    le(e.method, 2);
    le(0, 4);
    le(0, 4);
    le(e.data.length, 4);
    le(e.unpacked, 4);
    le(e.name.length, 2);
    le(0, 2);
    le(0, 2);
    le(0, 2);
    le(0, 2);
    le(0, 4);
    le(offsets[i] ?? 0, 4);
    put(e.name);
  });
  const size = parts.length - cd;
  le(0x06054b50, 4);
  le(0, 4);
  le(records.length, 2);
  le(records.length, 2);
  le(size, 4);
  le(cd, 4);
  le(0, 2);
  return new Uint8Array(parts);
}

function caught(f: () => unknown): NianbaoError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(NianbaoError);
    return e as NianbaoError;
  }
  throw new Error("no error thrown");
}

const enc = new TextEncoder();

describe("one bounded zip reader, two limit sets", () => {
  it("a name written by Chinese Windows (GB18030, no UTF-8 flag) reads as Chinese; UTF-8 names stay UTF-8", () => {
    const gbk = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8, 0x2e, 0x74, 0x78, 0x74]); // 年报.txt in GBK
    const zip = rawZip([
      { name: gbk, data: enc.encode("正文"), method: 0, unpacked: 6 },
      {
        name: enc.encode("二〇二〇/说明.json"),
        data: enc.encode("{}"),
        method: 0,
        unpacked: 2,
        flags: 0x800,
      },
    ]);
    const { entries } = unpackZip(zip);
    expect(entries.map((e) => e.name)).toEqual(["年报.txt", "二〇二〇/说明.json"]);
    expect(new TextDecoder().decode(entries[0]?.data)).toBe("正文");
  });

  it("an entry packed far beyond any text (ratio over 1000:1) stops at its ratio cap, below the size limit", () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const packed = deflateSync(zeros, { level: 9 });
    expect(zeros.length / packed.length).toBeGreaterThan(1000);
    const zip = rawZip([{ name: enc.encode("a.txt"), data: packed, method: 8, unpacked: 100 }]);
    const e = caught(() => unpackZip(zip));
    expect(e.code).toBe("input_limit");
    expect(e.message).toMatch(/「a.txt」解压后超过 .*压缩比超过 1000:1/);
    // The same entry is within the limits when the ratio allows it.
    expect(unpackZip(zip, { ...BATCH_ZIP_LIMITS, maxRatio: 10_000 }).entries[0]?.data.length).toBe(
      zeros.length,
    );
  });

  it("many directory records pointing at one entry's data: the total unpacked is capped, whatever the entry count", () => {
    const data = deflateSync(new Uint8Array(900 * 1024).fill(0x20));
    const zip = rawZip([{ name: enc.encode("同一份.txt"), data, method: 8, unpacked: 900 * 1024 }], 100);
    expect(openZip(zip, BATCH_ZIP_LIMITS).entries).toHaveLength(101);
    const e = caught(() => unpackZip(zip));
    expect(e.code).toBe("input_limit");
    expect(e.message).toMatch(/压缩包解压后超过 64 MB（疑似压缩炸弹）/);
  });

  it("the same answers for a .docx part and a batch entry: encrypted → 415, truncated → 422, too many entries → 413", () => {
    const enc1 = rawZip([
      { name: enc.encode("a.txt"), data: enc.encode("x"), method: 0, unpacked: 1, flags: 1 },
    ]);
    expect(caught(() => unpackZip(enc1)).code).toBe("encrypted_file");
    const good = zipSync({ "a.txt": enc.encode("正文".repeat(1000)) });
    expect(caught(() => unpackZip(good.slice(0, 40))).code).toBe("damaged_file");
    const files = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`${i}.txt`, new Uint8Array(0)]));
    const many = zipSync(files, { level: 0 });
    expect(caught(() => unpackZip(many)).message).toMatch(/文件数超过 500 个/);
    // Under the .docx limits the same zip is fine.
    expect(openZip(many, DOCX_ZIP_LIMITS).entries).toHaveLength(501);
  });

  it("no zip at all → 400 for a batch", () => {
    expect(caught(() => unpackZip(enc.encode("这不是压缩包，只是一段足够长的文字内容。"))).code).toBe(
      "invalid_input",
    );
  });
});
