// Word in: .docx files built here (merged cells, blanks, split and nested tables, text boxes) give every cell; hostile zips and other formats get a clear error.
import { deflateSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { cellPointer, cellRefs, getCell } from "../../src/core/cells.ts";
import { NianbaoError } from "../../src/core/errors.ts";
import { dropElements, readDocx } from "../../src/core/input/docx.ts";
import { blocksToHtml, readInput, sniffFormat } from "../../src/core/input/index.ts";
import { chineseCounting, formatNumber } from "../../src/core/input/numbering.ts";
import { DOCX_ZIP_LIMITS } from "../../src/core/input/zip.ts";
import type { Report } from "../../src/core/model.ts";
import { type RenderAssets, renderHtml } from "../../src/core/render/index.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import {
  docx,
  docxFromHtml,
  type FromHtml,
  PAGE_BREAK,
  para,
  table,
  textBox,
} from "../support/docx-build.ts";
import { fixtures } from "../support/render-fixtures.ts";

function differences(back: Report, model: Report): string[] {
  return cellRefs(model.edition)
    .filter((ref) => getCell(back, ref) !== getCell(model, ref))
    .map((ref) => `${cellPointer(ref)}: ${String(getCell(back, ref))} ≠ ${String(getCell(model, ref))}`);
}

async function parseDocx(bytes: Uint8Array) {
  const read = await readInput(bytes, { filename: "report.docx" });
  expect(read.format).toBe("docx");
  return { ...analyzeInput(read.input, read.hint), read };
}

async function rejects(bytes: Uint8Array, code: string, message?: RegExp, filename = "x") {
  const e = await readInput(bytes, { filename }).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(NianbaoError);
  expect((e as NianbaoError).code).toBe(code);
  if (message) expect((e as NianbaoError).message).toMatch(message);
}

describe("every render fixture as a Word document: our HTML → .docx (gridSpan, vMerge, blanks) → read → parse", () => {
  let assets: RenderAssets;
  beforeAll(async () => {
    assets = await nodeAssets();
  });
  const variants: [string, FromHtml][] = [
    ["plain", {}],
    [
      "table 三 split over two Word tables at a page break, header rows repeated",
      { split: { id: "table-requests", after: 12, repeat: 3 } },
    ],
    ["every table nested in a one-cell layout table", { nest: true }],
    ["the title in a text box", { titleInTextBox: true }],
  ];
  for (const [what, options] of variants)
    it.each(fixtures().map((f) => [f.name, f.report] as const))(
      `${what}: %s`,
      async (_name, report) => {
        const model = analyzeInput(JSON.stringify(report)).report;
        const html = await renderHtml(model, assets);
        const back = await parseDocx(docxFromHtml(html, options));
        expect(differences(back.report, model)).toEqual([]);
        expect(back.report.title).toBe(model.title);
        expect(back.report.year).toBe(model.year);
        expect(back.report.edition).toBe(model.edition);
        expect(back.findings.filter((f) => f.severity === "error")).toEqual([]);
      },
      30_000,
    );
});

describe("Word's automatic numbering (numbering.xml) comes out as the 「一、」「（一）」 text the parser sees", () => {
  let assets: RenderAssets;
  beforeAll(async () => {
    assets = await nodeAssets();
  });
  const texts = (bytes: Uint8Array) => readDocx(bytes).map((b) => (b.kind === "p" ? b.text : "table"));
  it.each(fixtures().map((f) => [f.name, f.report] as const))(
    "headings numbered by style and by w:numPr read as the typed ones: %s",
    async (_name, report) => {
      const model = analyzeInput(JSON.stringify(report)).report;
      const html = await renderHtml(model, assets);
      const autoNumber = { converted: 0 };
      const numbered = docxFromHtml(html, { autoNumber });
      expect(autoNumber.converted).toBeGreaterThanOrEqual(5);
      expect(texts(numbered)).toEqual(texts(docxFromHtml(html)));
      const back = await parseDocx(numbered);
      expect(differences(back.report, model)).toEqual([]);
      expect(back.findings.filter((f) => f.severity === "error")).toEqual([]);
    },
  );

  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const lvl = (i: number, fmt: string, text: string, extra = "") =>
    `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
  const numberingXml = (body: string) =>
    new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${body}</w:numbering>`);
  const item = (text: string, numId: number, ilvl = 0) =>
    para(text).replace(
      '<w:pPr><w:jc w:val="both"/></w:pPr>',
      `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`,
    );

  it("levels restart under their parent; a second list instance with w:startOverride restarts; bullets and numId 0 add nothing", () => {
    const parts = {
      "word/numbering.xml": numberingXml(
        `<w:abstractNum w:abstractNumId="0">${lvl(0, "chineseCounting", "%1、")}${lvl(1, "chineseCounting", "（%2）", '<w:suff w:val="nothing"/>')}${lvl(2, "decimal", "%3.")}</w:abstractNum>` +
          `<w:abstractNum w:abstractNumId="1">${lvl(0, "bullet", "●")}</w:abstractNum>` +
          `<w:abstractNum w:abstractNumId="2">${lvl(0, "decimal", "%1", '<w:suff w:val="space"/>')}${lvl(1, "decimal", "%1.%2", "<w:isLgl/>")}</w:abstractNum>` +
          '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
          '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>' +
          '<w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
      ),
    };
    const body = [
      item("总体情况", 1),
      item("主动公开", 1, 1),
      item("依申请公开", 1, 1),
      item("条目", 1, 2),
      item("主动公开情况", 1),
      item("规章", 1, 1),
      item("要点", 2),
      item("不编号", 0),
      item("第一章", 4),
      item("第一节", 4, 1),
      item("新的一份清单", 5),
    ].join("");
    expect(texts(docx(body, parts))).toEqual([
      "一、总体情况",
      "（一）主动公开",
      "（二）依申请公开",
      "1.条目",
      "二、主动公开情况",
      "（一）规章",
      "要点",
      "不编号",
      "1 第一章",
      "1.1 第一节",
      "一、新的一份清单",
    ]);
  });

  it("numbers as Word writes them in each format", () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000].map((n) => chineseCounting(n))).toEqual([
      "一",
      "二",
      "九",
      "十",
      "十一",
      "十九",
      "二十",
      "二十一",
      "九十九",
      "一百",
      "一百〇一",
      "一百一十",
      "一千",
    ]);
    expect(formatNumber(3, "ideographTraditional")).toBe("丙");
    expect(formatNumber(12, "decimalFullWidth")).toBe("１２");
    expect(formatNumber(3, "decimalEnclosedCircle")).toBe("③");
    expect(formatNumber(28, "lowerLetter")).toBe("bb");
    expect(formatNumber(14, "upperRoman")).toBe("XIV");
    expect(formatNumber(7, "decimalZero")).toBe("07");
    expect(formatNumber(23, "chineseLegalSimplified")).toBe("贰拾叁");
  });
});

describe("the OOXML reader", () => {
  it("resolves gridSpan and vMerge into rowspan/colspan, keeps blanks and numbers as written", () => {
    const body = table([
      [{ text: "项目", span: 2 }, { text: "数量" }],
      [{ text: "（三）不予公开", vMerge: "restart" }, { text: "1.属于国家秘密" }, { text: "１２ " }],
      [{ text: "", vMerge: "continue" }, { text: "2.其他" }, { text: "" }],
      [{ text: "", vMerge: "continue" }, { text: "3.危及" }, { text: "/" }],
    ]);
    const blocks = readDocx(docx(body));
    expect(blocks).toHaveLength(1);
    const { html } = blocksToHtml(blocks);
    expect(html).toContain('<td colspan="2">项目</td>');
    expect(html).toContain('<td rowspan="3">（三）不予公开</td>');
    expect(html).toContain("<td>１２</td>");
    expect(html).toMatch(/<td>2\.其他<\/td><td><\/td>/);
    expect(html).toContain("<td>/</td>");
  });

  it("reads paragraphs in body order, text boxes once (not the VML copy), and skips field codes and deletions", () => {
    const body = `${para("第一段")}${textBox(para("框中文字"))}<w:p><w:r><w:instrText>PAGE</w:instrText></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:t>第三段</w:t></w:r></w:p>`;
    const blocks = readDocx(docx(body));
    expect(blocks.map((b) => (b.kind === "p" ? b.text : "table"))).toEqual(["第一段", "框中文字", "第三段"]);
  });

  it("joins a table split at a page break and drops its repeated header", () => {
    const head = [{ text: "信息内容" }, { text: "数量" }];
    const body = `${table([head, [{ text: "行政许可" }, { text: "5" }]])}${PAGE_BREAK}${table(
      [head, [{ text: "行政处罚" }, { text: "7" }]],
      [true, false],
    )}`;
    const blocks = readDocx(docx(body));
    expect(blocks).toHaveLength(1);
    const t = blocks[0];
    expect(t?.kind === "table" && t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ["信息内容", "数量"],
      ["行政许可", "5"],
      ["行政处罚", "7"],
    ]);
  });

  it("run properties are dropped before the tree is built: nested revisions, self-closing, look-alike names, unclosed", () => {
    const x =
      '<w:r><w:rPr><w:b/><w:rPrChange w:id="1"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>甲</w:t></w:r><w:r><w:rPr/><w:t>乙</w:t></w:r><w:r><w:rPr\n><w:sz/></w:rPr><w:t>丙</w:t></w:r>';
    expect(dropElements(x, "w:rPr")).toBe(
      "<w:r><w:t>甲</w:t></w:r><w:r><w:t>乙</w:t></w:r><w:r><w:t>丙</w:t></w:r>",
    );
    expect(dropElements("<w:rPrChange/><w:t>a</w:t>", "w:rPr")).toBe("<w:rPrChange/><w:t>a</w:t>");
    expect(dropElements("<w:t>a</w:t><w:rPr><w:b/>", "w:rPr")).toBe("<w:t>a</w:t><w:rPr><w:b/>");
    // Linear on hostile input (opens never closed, tags never ended): time at 4n over n well below quadratic's 16.
    for (const unit of ["<w:rPr>", "<w:rPr ", "<w:rPr><w:rPr/></w:rPr></w:rPr>"]) {
      const best = (n: number) => {
        const text = unit.repeat(n);
        let ms = Number.POSITIVE_INFINITY;
        for (let k = 0; k < 3; k++) {
          const t = performance.now();
          dropElements(text, "w:rPr");
          ms = Math.min(ms, performance.now() - t);
        }
        return ms;
      };
      expect(best(200_000) / Math.max(best(50_000), 30), unit).toBeLessThan(9);
    }
    // Text in a revision's run properties is never text of the document.
    const blocks = readDocx(docx(`<w:p>${x}</w:p>`));
    expect(blocks.map((b) => b.kind === "p" && b.text)).toEqual(["甲乙丙"]);
  });

  it("places each line and cell of the HTML on its paragraph, table, row and cell", async () => {
    const body = `${para("标题")}${table([
      [{ text: "信息内容", span: 2 }, { text: "数量" }],
      [{ text: "行政" }, { text: "许可" }, { text: "5" }],
    ])}`;
    const read = await readInput(docx(body), { filename: "a.docx" });
    const lines = (read.input as string).split("\n");
    expect(read.locate?.(lines.indexOf("<p>标题</p>") + 1)).toEqual({ paragraph: 0 });
    const row = lines.findIndex((l) => l.includes("许可"));
    const line = lines[row] as string;
    expect(read.locate?.(row + 1, line.indexOf(">5<") + 2)).toEqual({ table: 0, row: 1, cell: 2 });
    expect(read.locate?.(row + 1, line.indexOf("行政") + 1)).toEqual({ table: 0, row: 1, cell: 0 });
    const head = lines.findIndex((l) => l.includes("数量"));
    expect(read.locate?.(head + 1, (lines[head] as string).indexOf("数量") + 1)).toEqual({
      table: 0,
      row: 0,
      cell: 2,
    });
  });
});

describe("what cannot be read gets a clear answer", () => {
  const enc = new TextEncoder();
  it("legacy .doc and .wps (OLE) → 415 saying to save as .docx", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await rejects(ole, "unsupported_file", /旧版 Word 文档（\.doc）.*另存为 \.docx/, "a.doc");
    await rejects(ole, "unsupported_file", /WPS.*另存为 \.docx/, "a.wps");
  });
  it("images, OFD, a zip that is not a Word document → 415", async () => {
    await rejects(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), "unsupported_file", /PNG 图片/);
    await rejects(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), "unsupported_file", /JPEG/);
    await rejects(zipSync({ "OFD.xml": enc.encode("<ofd/>") }), "unsupported_file", /OFD/);
    await rejects(zipSync({ "a.txt": enc.encode("x") }), "unsupported_file", /ZIP 压缩包/);
    await rejects(zipSync({ "xl/workbook.xml": enc.encode("<x/>") }), "unsupported_file", /Excel/);
  });
  it("text, HTML and JSON pass through untouched", async () => {
    const bytes = enc.encode("政府信息公开工作年度报告");
    const read = await readInput(bytes);
    expect(read.format).toBe("text");
    expect(read.input).toBe(bytes);
    expect(sniffFormat(enc.encode("<html></html>"))).toBe("text");
  });
  it("a zip bomb (document.xml claiming a small size) stops at the cap: 413, not a hang or a crash", async () => {
    const big = deflateSync(new Uint8Array(DOCX_ZIP_LIMITS.maxEntryBytes + 1024 * 1024).fill(0x20), {
      level: 6,
    });
    expect(big.length).toBeLessThan(DOCX_ZIP_LIMITS.maxEntryBytes / 100);
    await rejects(forgeEntry("word/document.xml", big, 1000), "input_limit", /解压后超过 32 MB/);
    // Honest headers: refused before anything is unpacked.
    await rejects(
      forgeEntry("word/document.xml", big, DOCX_ZIP_LIMITS.maxEntryBytes + 1),
      "input_limit",
      /解压后超过 32 MB/,
    );
  }, 30_000);
  it("too many entries → 413", async () => {
    const files: Record<string, Uint8Array> = { "word/document.xml": enc.encode("<w:document/>") };
    for (let i = 0; i <= DOCX_ZIP_LIMITS.maxEntries; i++) files[`f${i}`] = new Uint8Array(0);
    await rejects(zipSync(files, { level: 0 }), "input_limit", /文件数/);
  });
  it("an encrypted entry → 415; a damaged zip → 422", async () => {
    const good = docx(para("x"));
    const enc1 = good.slice();
    // Set the encryption flag in every central directory header.
    for (let i = 0; i + 4 < enc1.length; i++)
      if (enc1[i] === 0x50 && enc1[i + 1] === 0x4b && enc1[i + 2] === 1 && enc1[i + 3] === 2)
        enc1[i + 8] = (enc1[i + 8] ?? 0) | 1;
    await rejects(enc1, "encrypted_file");
    await rejects(good.slice(0, good.length - 30), "damaged_file");
  });
  it("XML nested deeper than Word ever writes → 413", async () => {
    const deep = `${"<w:sdt><w:sdtContent>".repeat(150)}${para("x")}${"</w:sdtContent></w:sdt>".repeat(150)}`;
    await rejects(docx(deep), "input_limit", /嵌套/);
  });
  it("a Word document without text → 400 empty_input", async () => {
    await rejects(docx("<w:p/>"), "empty_input");
  });
});

/** A one-entry zip whose headers claim `claimed` unpacked bytes for the deflated `data`. */
function forgeEntry(name: string, data: Uint8Array, claimed: number): Uint8Array {
  const n = new TextEncoder().encode(name);
  const local = new Uint8Array(30 + n.length);
  const dv = new DataView(local.buffer);
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint16(8, 8, true);
  dv.setUint32(18, data.length, true);
  dv.setUint32(22, claimed, true);
  dv.setUint16(26, n.length, true);
  local.set(n, 30);
  const central = new Uint8Array(46 + n.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, claimed, true);
  cv.setUint16(28, n.length, true);
  cv.setUint32(42, 0, true);
  central.set(n, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  const out = new Uint8Array(local.length + data.length + central.length + end.length);
  out.set(local, 0);
  out.set(data, local.length);
  out.set(central, local.length + data.length);
  out.set(end, local.length + data.length + central.length);
  return out;
}
