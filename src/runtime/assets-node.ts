// RenderAssets for Node and the CLI: the subset fonts read from fonts/ and a full fallback font, read once per process.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FontConfigError, officeAssets, parseFontsJson } from "../core/render/fonts/office-fonts.ts";
import type { FontFile, RenderAssets } from "../core/render/index.ts";
import { ConfigError } from "./config.ts";

export const FONT_FILES = {
  body: "FandolFang-Regular.ttf",
  title: "NotoSerifSC-Black.ttf",
  heading: "NotoSansSC-Regular.ttf",
  subheading: "NianbaoKai-Regular.ttf",
} as const;

/** fonts/ of the package: two levels up from src/runtime/, one up from the CLI bundle in dist/. */
const DEFAULT_FONTS_DIR =
  ["../../fonts/", "../fonts/"]
    .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
    .find((dir) => existsSync(join(dir, FONT_FILES.body))) ??
  fileURLToPath(new URL("../../fonts/", import.meta.url));

/**
 * Full fonts tried in order for characters outside the subsets (first one present wins): the full Noto Serif SC of
 * the npm package (a devDependency), else Debian's LXGW WenKai. A production install sets FALLBACK_FONT instead.
 */
function fallbackCandidates(): string[] {
  const out: string[] = [];
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve("@expo-google-fonts/noto-serif-sc/package.json");
    out.push(join(pkg, "..", "400Regular", "NotoSerifSC_400Regular.ttf"));
  } catch {
    // the npm package is a devDependency; Debian fonts below
  }
  out.push("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf");
  return out;
}

async function load(dir: string, name: string): Promise<FontFile> {
  const buf = await readFile(join(dir, name));
  return { name, data: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
}

export interface NodeAssetsOptions {
  /** Directory holding the subset fonts (default: the package's fonts/). */
  fontsDir?: string;
  /** Load a full fallback font for characters outside the subsets (default true). */
  fallback?: boolean;
  /** The fallback font's path (FALLBACK_FONT); it must exist. Default: the first font found of a few known ones. */
  fallbackFont?: string;
  /** The office's own fonts: a directory with fonts.json (role → .ttf/.otf file in that directory). */
  officeFontsDir?: string;
}

async function readIfPresent(path: string): Promise<Uint8Array | undefined> {
  try {
    const buf = await readFile(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** The defaults with the faces of DIR/fonts.json in place; ConfigError naming the file at fault. */
async function withOfficeFonts(defaults: RenderAssets, dir: string): Promise<RenderAssets> {
  const jsonPath = join(dir, "fonts.json");
  try {
    const bytes = await readIfPresent(jsonPath);
    if (!bytes) throw new FontConfigError(jsonPath, "文件不存在 (missing fonts.json)");
    const config = parseFontsJson(jsonPath, bytes);
    return await officeAssets(
      defaults,
      jsonPath,
      config,
      (f) => readIfPresent(join(dir, f)),
      (f) => join(dir, f),
    );
  } catch (e) {
    if (e instanceof FontConfigError) throw new ConfigError(e.message);
    throw e;
  }
}

const cache = new Map<string, Promise<RenderAssets>>();

/** RenderAssets read once per process and directory. */
export function nodeAssets(options: NodeAssetsOptions = {}): Promise<RenderAssets> {
  const dir = options.fontsDir ?? DEFAULT_FONTS_DIR;
  const key = `${dir}|${options.fallback !== false}|${options.fallbackFont ?? ""}|${options.officeFontsDir ?? ""}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = (async () => {
      const [body, title, heading, subheading] = await Promise.all([
        load(dir, FONT_FILES.body),
        load(dir, FONT_FILES.title),
        load(dir, FONT_FILES.heading),
        load(dir, FONT_FILES.subheading),
      ]);
      const assets: RenderAssets = { fonts: { body, title, heading, subheading } };
      if (options.fallback !== false) {
        if (options.fallbackFont && !existsSync(options.fallbackFont))
          throw new Error(`FALLBACK_FONT: no font file at ${options.fallbackFont}`);
        const path = options.fallbackFont ?? fallbackCandidates().find((p) => existsSync(p));
        if (path) {
          const buf = await readFile(path);
          assets.fallback = {
            name: `fallback-${path.split("/").pop()}`,
            data: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength),
          };
        }
      }
      return options.officeFontsDir ? withOfficeFonts(assets, options.officeFontsDir) : assets;
    })();
    cache.set(key, hit);
    // A configuration error is not cached: fixing fonts.json and retrying reads it again.
    hit.catch(() => cache.delete(key));
  }
  return hit;
}
