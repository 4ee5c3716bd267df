// `npm run fonts:upload` (also run by `npm start`): the display faces land in the local bucket the Worker reads.
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUCKET_FONTS, FONT_PREFIX } from "../../src/runtime/bucket-fonts.ts";
import { tempDir } from "../support/temp-dir.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const persist = tempDir("fonts");
/** The child's OS temp dir (wrangler's local runtime may keep files there), removed with the file. */
const childTmp = tempDir("upload-tmp");

const upload = () =>
  spawnSync(process.execPath, [join(root, "scripts/upload-fonts.mjs"), "--persist-to", persist], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", TMPDIR: childTmp },
  });

describe("fonts:upload --local", () => {
  const faces = [BUCKET_FONTS.title, BUCKET_FONTS.heading, BUCKET_FONTS.subheading];

  it("puts each display face under fonts/, then skips the ones already there", async () => {
    const first = upload();
    expect(first.status, first.stderr).toBe(0);
    for (const f of faces) expect(first.stdout).toContain(`${FONT_PREFIX}${f}`);
    const again = upload();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe("");

    process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
    const { getPlatformProxy } = await import("wrangler");
    const proxy = await getPlatformProxy<{ REPORTS: R2Bucket }>({
      configPath: join(root, "wrangler.toml"),
      persist: { path: persist },
    });
    try {
      for (const f of faces) {
        const head = await proxy.env.REPORTS.head(`${FONT_PREFIX}${f}`);
        expect(head?.size, f).toBe(statSync(join(root, "fonts", f)).size);
        expect(head?.httpMetadata?.contentType).toBe("font/ttf");
      }
    } finally {
      await proxy.dispose();
    }
  }, 60_000);
});
