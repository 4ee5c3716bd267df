// `npm run fonts`: builds the GB2312 TrueType subsets under fonts/ (plus their licences) from the open source fonts.

import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";
import { renameFont } from "./sfnt-rename.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "fonts");
const require = createRequire(import.meta.url);
const pkgDir = (name) => dirname(require.resolve(`${name}/package.json`));

/** Characters of GB2312 decoded through GBK: rows A1–F7 (symbols, level 1 and level 2). */
function gb2312() {
  const dec = new TextDecoder("gbk");
  let s = "";
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = dec.decode(new Uint8Array([hi, lo]));
      if (c.length === 1 && c !== "\ufffd") s += c;
    }
  }
  return s;
}

function range(from, to) {
  let s = "";
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

/** Characters the templates and labels print, so a subset always holds them. */
function templateChars() {
  let s = "";
  const dirs = [join(root, "templates"), join(root, "src", "core")];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      if (/\.(hbs|ts)$/.test(f)) s += readFileSync(join(dir, f), "utf8");
    }
  }
  return [...new Set(s)].filter((c) => c.codePointAt(0) > 0x7f).join("");
}

const EXTRA =
  range(0x20, 0x7e) + // ASCII
  range(0xa0, 0xff) + // Latin-1 (°, ±, ×, ÷, ·)
  range(0x2010, 0x2027) + // dashes, quotes, ellipsis
  range(0x2030, 0x203b) + // ‰, ′, ※
  range(0x2160, 0x216b) + // Ⅰ–Ⅻ
  range(0x2460, 0x2473) + // ①–⑳
  range(0x2474, 0x2487) + // ⑴–⒇
  range(0x3000, 0x303f) + // CJK symbols and punctuation
  range(0x3220, 0x3229) + // ㈠–㈩
  range(0xff01, 0xff5e) + // full-width forms
  "￠￡￥℃℉№™€—–‐〇";

/** Where Debian's texlive-lang-chinese puts the Fandol fonts (FANDOL_DIR overrides). */
const fandolDir = () =>
  process.env.FANDOL_DIR ?? "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol";

const SOURCES = [
  {
    // 仿宋 of GB/T 9704 for body and tables. A CID-keyed CFF OpenType font without subroutines: its subset is turned
    // into TrueType by scripts/fandol-ttf.py (fontTools), simplified within 2/1000 em, on a 256-unit em, cu2qu within
    // 2/1000 em (fonts/README.md has the measurements).
    out: "FandolFang-Regular.ttf",
    toTrueType: { tolerance: 2, unitsPerEm: 256, simplify: 2 },
    src: () => join(fandolDir(), "FandolFang-Regular.otf"),
    licence: () => join(root, "fonts", "LICENSE-Fandol.txt"),
    licenceOut: "LICENSE-Fandol.txt",
  },
  {
    // The heaviest open serif: the nearest open face to 小标宋 for the title.
    out: "NotoSerifSC-Black.ttf",
    src: () => join(pkgDir("@expo-google-fonts/noto-serif-sc"), "900Black", "NotoSerifSC_900Black.ttf"),
    licence: () => join(pkgDir("@expo-google-fonts/noto-serif-sc"), "LICENSE_FONT"),
    licenceOut: "OFL-NotoSerifSC.txt",
  },
  {
    out: "NotoSansSC-Regular.ttf",
    src: () => join(pkgDir("@expo-google-fonts/noto-sans-sc"), "400Regular", "NotoSansSC_400Regular.ttf"),
    licence: () => join(pkgDir("@expo-google-fonts/noto-sans-sc"), "LICENSE_FONT"),
    licenceOut: "OFL-NotoSansSC.txt",
  },
  {
    // LXGW WenKai's licence reserves the names 「霞鹜」 and "LXGW" for unmodified fonts: the subset is renamed.
    out: "NianbaoKai-Regular.ttf",
    names: {
      1: "Nianbao Kai",
      2: "Regular",
      3: "Nianbao Kai Regular (GB2312 subset of LXGW WenKai 1.250)",
      4: "Nianbao Kai Regular",
      6: "NianbaoKai-Regular",
    },
    src: () => "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
    licence: () => "/usr/share/doc/fonts-lxgw-wenkai/copyright",
    licenceOut: "OFL-LXGWWenKai.txt",
  },
];

/**
 * A CFF OpenType font → TrueType through scripts/fandol-ttf.py. Needs Python with fontTools (Debian python3-fonttools;
 * PYTHON names the interpreter, default python3). The fontTools version is part of the output's bytes.
 */
function cffToTrueType(bytes, { tolerance, unitsPerEm, simplify }) {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-fonts-"));
  try {
    const [src, dst] = [join(dir, "in.otf"), join(dir, "out.ttf")];
    writeFileSync(src, bytes);
    const script = join(root, "scripts", "fandol-ttf.py");
    const args = [script, src, dst, String(tolerance), String(unitsPerEm), String(simplify)];
    const r = spawnSync(process.env.PYTHON ?? "python3", args, { stdio: ["ignore", "inherit", "inherit"] });
    if (r.status !== 0)
      throw new Error(
        "fonts: the TrueType conversion failed (needs fontTools: Debian python3-fonttools; PYTHON=…)",
      );
    return readFileSync(dst);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function buildFonts() {
  mkdirSync(out, { recursive: true });
  const full = [...new Set(gb2312() + EXTRA + templateChars())].join("");
  // Every face holds all of GB2312 (issue #13): a display face never hands a title or heading character to another.
  console.log(`fonts: ${[...full].length} characters (GB2312 + punctuation + template text) in every face`);
  for (const f of SOURCES) {
    const src = f.src();
    if (!existsSync(src)) {
      console.error(`fonts: source missing for ${f.out}: ${src} (install it, then rerun)`);
      process.exitCode = 1;
      continue;
    }
    const t0 = Date.now();
    const bytes = await subsetFont(readFileSync(src), full, {
      targetFormat: "truetype",
      noHinting: true,
      // No shaping tables (CJK body text needs none; fontkit's layout then has no lookups to run) and no vertical
      // metrics (horizontal text only): smaller files, faster PDF rendering.
      dropTables: ["GSUB", "GPOS", "GDEF", "vhea", "vmtx", "VORG", "DSIG"],
    });
    const subset = f.toTrueType ? cffToTrueType(bytes, f.toTrueType) : bytes;
    const file = f.names ? renameFont(new Uint8Array(subset), f.names) : subset;
    writeFileSync(join(out, f.out), file);
    console.log(`fonts: ${f.out} ${(file.length / 1024).toFixed(0)} KiB in ${Date.now() - t0} ms`);
    if (f.licence && f.licence() !== join(out, f.licenceOut))
      copyFileSync(f.licence(), join(out, f.licenceOut));
  }
  writeFileSync(join(out, "chars.txt"), `${full}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildFonts();
