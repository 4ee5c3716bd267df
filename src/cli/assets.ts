// The CLI's fonts: the package's subset fonts, a full fallback (FALLBACK_FONT, checked) and the office's own (--fonts), for glyph findings and renders.
import { existsSync } from "node:fs";
import type { RenderAssets } from "../core/render/index.ts";
import { nodeAssets } from "../runtime/assets-node.ts";
import { ConfigError, fallbackFontFrom } from "../runtime/config.ts";

export async function cliAssets(
  env: Record<string, unknown> = process.env,
  officeFontsDir?: string,
): Promise<RenderAssets> {
  const fallbackFont = fallbackFontFrom(env);
  if (fallbackFont && !existsSync(fallbackFont))
    throw new ConfigError(`配置无效 (invalid configuration): FALLBACK_FONT: no font file at ${fallbackFont}`);
  return nodeAssets({
    ...(fallbackFont ? { fallbackFont } : {}),
    ...(officeFontsDir ? { officeFontsDir } : {}),
  });
}
