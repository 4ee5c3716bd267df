// The office's own fonts: fonts.json checked (bad JSON, missing file, TTC, not a font, GB2312 coverage), other faces
// rendered and found embedded, CLI `convert --fonts` and `serve --fonts` errors, report ids covering the font set.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { Report } from "../../src/core/model.ts";
import { gb2312Hanzi } from "../../src/core/render/fonts/gb2312.ts";
import { checkFontFile, FontConfigError, parseFontsJson } from "../../src/core/render/fonts/office-fonts.ts";
import { subsetTtf } from "../../src/core/render/fonts/ttf-subset.ts";
import { fontSet, renderPdf } from "../../src/core/render/index.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { startServer } from "../../src/runtime/node.ts";
import { pdfFacts } from "../support/pdf.ts";
import { tempDir } from "../support/temp-dir.ts";

const require = createRequire(import.meta.url);
const pkg = (name: string) => dirname(require.resolve(`${name}/package.json`));
const SERIF_LIGHT = join(pkg("@expo-google-fonts/noto-serif-sc"), "300Light", "NotoSerifSC_300Light.ttf");
const SANS_BOLD = join(pkg("@expo-google-fonts/noto-sans-sc"), "700Bold", "NotoSansSC_700Bold.ttf");
const FONTS = new URL("../../fonts/", import.meta.url);
/** A font lacking GB2312 level 2: the first 3,755 GB2312 hanzi (level 1) of the default 黑体 face, cut here. */
const LEVEL_ONE = subsetTtf(
  new Uint8Array(readFileSync(new URL("NotoSansSC-Regular.ttf", FONTS))),
  String.fromCodePoint(...gb2312Level1()),
);
const report = JSON.parse(
  readFileSync(new URL("../fixtures/render/report-2021.json", import.meta.url), "utf8"),
) as Report;

/** A fonts folder for one test (removed when it ends): fonts.json with `config` and the given files copied in. */
function fontsDir(config: unknown, files: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir("fonts");
  for (const [name, src] of Object.entries(files)) {
    if (typeof src === "string") copyFileSync(src, join(dir, name));
    else writeFileSync(join(dir, name), src);
  }
  writeFileSync(join(dir, "fonts.json"), typeof config === "string" ? config : JSON.stringify(config));
  return dir;
}

async function cli(args: string[]) {
  let stderr = "";
  const code = await main(args, {
    readFile: async (p: string) => new Uint8Array(await readFile(p)),
    readStdin: async () => new Uint8Array(),
    stdout: () => {},
    stderr: (t: string) => {
      stderr += t;
    },
  } as Parameters<typeof main>[1]);
  return { code, stderr };
}

/** GB2312 level 1: the hanzi of rows B0–D7, as a GBK decoder gives them. */
function gb2312Level1(): number[] {
  const dec = new TextDecoder("gbk");
  const out: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const cp = dec.decode(new Uint8Array([hi, lo])).codePointAt(0) ?? 0;
      if (cp >= 0x4e00 && cp <= 0x9fff) out.push(cp);
    }
  return out;
}

describe("GB2312 hanzi table", () => {
  it("is the 6,763 hanzi a GBK decoder gives for rows B0–F7", () => {
    const dec = new TextDecoder("gbk");
    const want: number[] = [];
    for (let hi = 0xb0; hi <= 0xf7; hi++)
      for (let lo = 0xa1; lo <= 0xfe; lo++) {
        const cp = dec.decode(new Uint8Array([hi, lo])).codePointAt(0) ?? 0;
        if (cp >= 0x4e00 && cp <= 0x9fff) want.push(cp);
      }
    expect(gb2312Hanzi()).toEqual(want.sort((a, b) => a - b));
    expect(gb2312Hanzi()).toHaveLength(6763);
  });

  it("is covered by every default face: 仿宋 body, title, 黑体 and 楷体 headings (issue #13)", () => {
    const faces = ["FandolFang-Regular", "NotoSerifSC-Black", "NotoSansSC-Regular", "NianbaoKai-Regular"];
    for (const face of faces) {
      const data = new Uint8Array(readFileSync(new URL(`${face}.ttf`, FONTS)));
      expect(() => checkFontFile(`${face}.ttf`, data), face).not.toThrow();
    }
    expect(gb2312Level1()).toHaveLength(3755);
  });
});

describe("font file checks", () => {
  const fails = (data: Uint8Array) => {
    try {
      checkFontFile("x/甲.ttf", data);
    } catch (e) {
      expect(e).toBeInstanceOf(FontConfigError);
      return (e as Error).message;
    }
    throw new Error("accepted");
  };
  it("names the file and the reason", () => {
    const ttc = new Uint8Array(64);
    ttc.set([0x74, 0x74, 0x63, 0x66]);
    expect(fails(ttc)).toMatch(/x\/甲\.ttf: .*TTC/);
    expect(fails(new TextEncoder().encode("not a font at all, just text"))).toMatch(/x\/甲\.ttf: 不是/);
    expect(fails(new Uint8Array(4))).toMatch(/x\/甲\.ttf/);
    const truncated = new Uint8Array(readFileSync(SANS_BOLD).subarray(0, 4096));
    expect(fails(truncated)).toMatch(/x\/甲\.ttf: .*(损坏|outside)/);
    const partial = fails(LEVEL_ONE);
    expect(partial).toMatch(/未覆盖 GB2312：缺少 \d+ 个汉字/);
    expect(partial).toContain("lacks GB2312 coverage");
  });

  it("rejects a bad fonts.json naming it", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(() => parseFontsJson("d/fonts.json", enc("{"))).toThrow(/d\/fonts\.json: .*JSON/);
    expect(() => parseFontsJson("d/fonts.json", enc('{"bodyy":"a.ttf"}'))).toThrow(/d\/fonts\.json/);
    expect(() => parseFontsJson("d/fonts.json", enc('{"body":"../a.ttf"}'))).toThrow(/body/);
    expect(() => parseFontsJson("d/fonts.json", enc('{"body":"a.ttc"}'))).toThrow(/body/);
    expect(parseFontsJson("d/fonts.json", enc('{"body":"a.ttf","table":"a.ttf"}'))).toEqual({
      body: "a.ttf",
      table: "a.ttf",
    });
  });
});

describe("rendering with the office's fonts", () => {
  it("embeds the faces fonts.json names, and the font set (so report ids) changes", async () => {
    const dir = fontsDir(
      { body: "正文.ttf", table: "正文.ttf", title: "标题.ttf", heading1: "标题.ttf" },
      { "正文.ttf": SERIF_LIGHT, "标题.ttf": SANS_BOLD },
    );
    const defaults = await nodeAssets({ fallback: false });
    const office = await nodeAssets({ fallback: false, officeFontsDir: dir });
    expect(office.fonts.body.name).toBe("office-正文.ttf");
    expect(office.fonts.subheading?.name).toBe(defaults.fonts.subheading?.name);
    expect(fontSet(office)).not.toBe(fontSet(defaults));
    const faces = (await pdfFacts(await renderPdf(report, office))).fonts.map((f) => f.name.split("+")[1]);
    expect(faces).toContain("NotoSerifSC-Light");
    expect(faces).toContain("NotoSansSC-Bold");
    expect(faces).toContain("NianbaoKai-Regular");
    expect(faces).not.toContain("FandolFang-Regular");
    expect(faces).not.toContain("NotoSerifSC-Black");
  });

  it("convert --fonts: exit 2 with a line naming the file at fault", async () => {
    const out = tempDir("out");
    const input = new URL("../fixtures/render/report-2021.json", import.meta.url).pathname;
    const cases: [string, RegExp][] = [
      [fontsDir({ body: "无.ttf" }), /无\.ttf: 文件不存在/],
      [
        fontsDir(
          { title: "集.ttf" },
          { "集.ttf": Uint8Array.from({ length: 64 }, (_, i) => [0x74, 0x74, 0x63, 0x66][i] ?? 0) },
        ),
        /集\.ttf: .*TTC/,
      ],
      [fontsDir({ heading2: "楷.ttf" }, { "楷.ttf": LEVEL_ONE }), /楷\.ttf: 未覆盖 GB2312/],
      [fontsDir("{ body: 1 }"), /fonts\.json: 不是合法的/],
    ];
    for (const [dir, message] of cases) {
      const r = await cli(["convert", input, "--out", out, "--fonts", dir]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(dir);
    }
    const empty = tempDir("nofonts");
    mkdirSync(join(empty, "sub"));
    const r = await cli(["convert", input, "--out", out, "--fonts", empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(empty, "fonts.json"));
  });

  it("convert --fonts renders with them; serve refuses a bad folder before listening", async () => {
    const dir = fontsDir({ body: "b.ttf" }, { "b.ttf": SERIF_LIGHT });
    const out = tempDir("out");
    const input = new URL("../fixtures/render/report-2021.json", import.meta.url).pathname;
    const r = await cli(["convert", input, "--out", out, "--fonts", dir, "--format", "pdf"]);
    expect(r.code, r.stderr).toBe(0);
    const faces = (await pdfFacts(new Uint8Array(readFileSync(join(out, "report-2021.pdf"))))).fonts.map(
      (f) => f.name.split("+")[1],
    );
    expect(faces).toContain("NotoSerifSC-Light");
    const bad = fontsDir({ body: "无.ttf" });
    await expect(
      startServer({ port: 0, dataDir: out, fontsDir: bad, env: {}, log: () => {} }),
    ).rejects.toThrow(/无\.ttf: 文件不存在/);
    await expect(
      startServer({ port: 0, dataDir: out, env: { FONTS_DIR: bad }, log: () => {} }),
    ).rejects.toThrow(/无\.ttf/);
  });
});
