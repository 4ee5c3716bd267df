// An office's own fonts: fonts.json (role → file) checked, each file checked (sfnt, no TTC, GB2312 hanzi), assets made.
import { z } from "zod";
import type { FaceRole, FontFile, RenderAssets } from "./assets.ts";
import { coverage } from "./coverage.ts";
import { gb2312Hanzi } from "./gb2312.ts";
import { tableDirectory } from "./sfnt.ts";

/** fonts.json's roles and the renderer's face each one sets. `table` must be the body face's file (see README). */
export const OFFICE_ROLES = {
  body: "body",
  title: "title",
  heading1: "heading",
  heading2: "subheading",
  table: "body",
} as const satisfies Record<string, FaceRole>;

const FileName = z
  .string()
  .regex(/^[^/\\]+\.(ttf|otf)$/i, "须为 fonts.json 所在目录中的 .ttf 或 .otf 文件名")
  .refine((s) => s !== "." && s !== ".." && !s.startsWith("."), "须为普通文件名");

export const FontsJson = z.strictObject({
  body: FileName.optional(),
  title: FileName.optional(),
  heading1: FileName.optional(),
  heading2: FileName.optional(),
  table: FileName.optional(),
});
export type FontsJson = z.infer<typeof FontsJson>;

/** A font configuration that cannot be used; the message names the file (fonts.json or the font) and the reason. */
export class FontConfigError extends Error {
  override name = "FontConfigError";
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`字体配置无效 (invalid fonts): ${file}: ${reason}`);
    this.file = file;
  }
}

const REQUIRED_TABLES = ["cmap", "head", "hhea", "hmtx", "maxp"];

/** Throws FontConfigError unless `data` is one TrueType or CFF OpenType font mapping every GB2312 hanzi. */
export function checkFontFile(file: string, data: Uint8Array): void {
  if (data.length < 12) throw new FontConfigError(file, "不是字体文件 (not a font file)");
  const tag = String.fromCharCode(data[0] ?? 0, data[1] ?? 0, data[2] ?? 0, data[3] ?? 0);
  if (tag === "ttcf")
    throw new FontConfigError(
      file,
      "是 TTC 字体集合，请改用其中单个字体的 .ttf/.otf 文件 (TTC collections are not supported)",
    );
  if (tag === "wOFF" || tag === "wOF2")
    throw new FontConfigError(file, "是 WOFF 网页字体，请改用 .ttf/.otf 文件 (WOFF is not supported)");
  if (tag !== "OTTO" && tag !== "true" && !(data[0] === 0 && data[1] === 1 && data[2] === 0 && data[3] === 0))
    throw new FontConfigError(file, "不是 TrueType/OpenType 字体文件 (not a TrueType or OpenType font)");
  let tables: Map<string, { offset: number; length: number }>;
  try {
    tables = tableDirectory(data);
  } catch {
    throw new FontConfigError(file, "字体文件已损坏 (truncated table directory)");
  }
  for (const [t, { offset, length }] of tables)
    if (offset + length > data.length)
      throw new FontConfigError(file, `字体文件已损坏 (table ${t.trim()} outside the file)`);
  const missingTables = REQUIRED_TABLES.filter((t) => !tables.has(t));
  if (!tables.has("glyf") && !tables.has("CFF ")) missingTables.push("glyf/CFF");
  if (missingTables.length > 0)
    throw new FontConfigError(file, `缺少字体表 ${missingTables.join("、")} (missing tables)`);
  let map: Map<number, number>;
  try {
    map = coverage({ name: `check:${file}`, data });
  } catch {
    throw new FontConfigError(file, "无法读取字符映射表 (unreadable cmap)");
  }
  const missing = gb2312Hanzi().filter((cp) => !map.has(cp));
  if (missing.length > 0) {
    const sample = missing
      .slice(0, 5)
      .map((cp) => `${String.fromCodePoint(cp)} U+${cp.toString(16).toUpperCase()}`)
      .join("、");
    throw new FontConfigError(
      file,
      `未覆盖 GB2312：缺少 ${missing.length} 个汉字（如 ${sample}）(lacks GB2312 coverage)`,
    );
  }
}

/** Parses fonts.json's bytes; FontConfigError naming `file` when it is not JSON or not the schema. */
export function parseFontsJson(file: string, bytes: Uint8Array): FontsJson {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new FontConfigError(file, "不是合法的 UTF-8 JSON (not valid JSON)");
  }
  const r = FontsJson.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue?.path.join(".") || "/";
    throw new FontConfigError(
      file,
      `${path}: ${issue?.message ?? "格式错误"}（可用角色：${Object.keys(OFFICE_ROLES).join("、")}）`,
    );
  }
  if (r.data.table && r.data.table !== (r.data.body ?? r.data.table))
    throw new FontConfigError(file, "table: 表格字体须与正文 body 相同 (table must name the body font)");
  return r.data;
}

/**
 * The renderer's assets with the office's fonts in place of the defaults: `read` gives a file's bytes (undefined when
 * absent). Every named file is checked; a role fonts.json leaves out keeps the default face. `fontsJson` names the
 * configuration file in messages (e.g. "fonts/fonts.json").
 */
export async function officeAssets(
  defaults: RenderAssets,
  fontsJson: string,
  config: FontsJson,
  read: (file: string) => Promise<Uint8Array | undefined>,
  label: (file: string) => string = (f) => f,
): Promise<RenderAssets> {
  const fonts = { ...defaults.fonts };
  const files = new Map<string, FontFile>();
  const body = config.body ?? config.table;
  const chosen: [keyof typeof fonts, string | undefined][] = [
    ["body", body],
    ["title", config.title],
    ["heading", config.heading1],
    ["subheading", config.heading2],
  ];
  for (const [role, file] of chosen) {
    if (!file) continue;
    let font = files.get(file);
    if (!font) {
      const data = await read(file);
      if (!data) throw new FontConfigError(label(file), `文件不存在（${fontsJson} 中引用）(missing file)`);
      checkFontFile(label(file), data);
      font = { name: `office-${file}`, data };
      files.set(file, font);
    }
    fonts[role] = font;
  }
  return { ...defaults, fonts };
}
