// RenderAssets for the Worker: the body font bundled as a Data module; the other faces and a full fallback from R2.
import bodyFont from "../../fonts/FandolFang-Regular.ttf";
import { NianbaoError } from "../core/errors.ts";
import { FontConfigError, officeAssets, parseFontsJson } from "../core/render/fonts/office-fonts.ts";
import type { FontFile, RenderAssets } from "../core/render/index.ts";
import { BUCKET_FONTS, FONT_PREFIX } from "./bucket-fonts.ts";

/** The part of an R2 bucket this needs. */
export interface FontBucket {
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null>;
}

export interface WorkerAssetsOptions {
  bucket?: FontBucket;
  /** Key prefix of the fonts in the bucket (default "fonts/"). */
  prefix?: string;
}

const body: FontFile = { name: "FandolFang-Regular.ttf", data: new Uint8Array(bodyFont) };

/** Loaded once per isolate (a failed load is retried on the next call). */
let cached: { key: string; assets: Promise<RenderAssets> } | undefined;

async function fromBucket(bucket: FontBucket, prefix: string, name: string): Promise<FontFile | undefined> {
  const object = await bucket.get(`${prefix}${name}`);
  if (!object) return undefined;
  return { name: `r2-${name}`, data: new Uint8Array(await object.arrayBuffer()) };
}

async function load(options: WorkerAssetsOptions): Promise<RenderAssets> {
  const assets: RenderAssets = { fonts: { body } };
  const { bucket } = options;
  if (!bucket) return assets;
  const prefix = options.prefix ?? FONT_PREFIX;
  const [title, heading, subheading, fallback] = await Promise.all([
    fromBucket(bucket, prefix, BUCKET_FONTS.title),
    fromBucket(bucket, prefix, BUCKET_FONTS.heading),
    fromBucket(bucket, prefix, BUCKET_FONTS.subheading),
    fromBucket(bucket, prefix, BUCKET_FONTS.fallback),
  ]);
  if (title) assets.fonts.title = title;
  if (heading) assets.fonts.heading = heading;
  if (subheading) assets.fonts.subheading = subheading;
  if (fallback) assets.fallback = fallback;
  // The office's own fonts: fonts.json in the same folder maps roles to font files there.
  const json = await bucket.get(`${prefix}fonts.json`);
  if (!json) return assets;
  const label = (f: string) => `${prefix}${f}`;
  try {
    const config = parseFontsJson(label("fonts.json"), new Uint8Array(await json.arrayBuffer()));
    return await officeAssets(
      assets,
      label("fonts.json"),
      config,
      async (f) => {
        const object = await bucket.get(label(f));
        return object ? new Uint8Array(await object.arrayBuffer()) : undefined;
      },
      label,
    );
  } catch (e) {
    if (e instanceof FontConfigError) throw new NianbaoError("invalid_fonts", e.message, {}, { cause: e });
    throw e;
  }
}

/**
 * RenderAssets inside workerd. Without a bucket (or with fonts absent from it) every face is the bundled body font.
 */
export function workerAssets(options: WorkerAssetsOptions = {}): Promise<RenderAssets> {
  const key = options.bucket ? (options.prefix ?? FONT_PREFIX) : "";
  if (cached?.key === key) return cached.assets;
  const assets = load(options);
  cached = { key, assets };
  assets.catch(() => {
    if (cached?.assets === assets) cached = undefined;
  });
  return assets;
}
