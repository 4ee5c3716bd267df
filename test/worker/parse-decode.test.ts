// Inside workerd: GB18030 decoding (TextDecoder) and the parser itself run in the Worker runtime.
import { describe, expect, it } from "vitest";
import { decodeInput } from "../../src/core/parse/decode.ts";
import { parseReport } from "../../src/core/parse/index.ts";

// 「政府信息公开」 in GB18030/GBK.
const GB = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]);

describe("decoding in workerd", () => {
  it("TextDecoder supports gb18030", () => {
    expect(new TextDecoder("gb18030").decode(GB)).toBe("政府信息公开");
    expect(new TextDecoder("gbk").decode(GB)).toBe("政府信息公开");
  });

  it("decodeInput reads UTF-8 with a BOM and GB18030 bytes", () => {
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("年报")]))).toBe("年报");
    expect(decodeInput(GB)).toBe("政府信息公开");
  });

  it("rejects bytes that are neither UTF-8 nor GB18030", () => {
    expect(() => decodeInput(new Uint8Array([0x41, 0x80, 0xff, 0x81, 0x42]))).toThrow(/编码/);
  });
});

describe("parser in workerd", () => {
  it("parses a small tab-row report and an HTML table", () => {
    const text = [
      "某县商务局2021年度政府信息公开工作年度报告",
      "一、总体情况",
      "2021年，某县商务局认真落实《条例》。",
      "二、主动公开政府信息情况",
      "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
      "规章\t0\t0\t0",
      "行政规范性文件\t2\t0\t9",
      "行政许可\t2293",
      "三、收到和处理政府信息公开申请情况",
      "一、本年新收政府信息公开申请数量640020470",
    ].join("\n");
    const { report } = parseReport(text, "text");
    expect(report.edition).toBe("2021");
    expect(report.organ).toBe("某县商务局");
    expect(report.requests.received).toEqual({
      natural: 64,
      commercial: 0,
      research: 0,
      nonprofit: 2,
      legal: 0,
      otherOrg: 4,
      total: 70,
    });
    const html = `<html><body><h1>某县商务局2021年度政府信息公开工作年度报告</h1><h2>二、主动公开政府信息情况</h2>
      <table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>15</td></tr></table></body></html>`;
    expect(parseReport(html, "html").report.proactive).toMatchObject({ licensing: { decisions: 15 } });
  });
});
