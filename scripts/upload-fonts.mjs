// `npm run fonts:upload [-- --remote]`: puts the display faces of fonts/ into the Worker's bucket under fonts/.
// Local (default; what `wrangler dev` reads, also run by `npm start`): one in-process local runtime, fonts already
// there with the same size are skipped. --remote: `wrangler r2 object put --remote` per font (needs a login).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BUCKET_FONTS, FONT_PREFIX } from "../src/runtime/bucket-fonts.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { remote: { type: "boolean", default: false }, "persist-to": { type: "string" } },
});
const files = [BUCKET_FONTS.title, BUCKET_FONTS.heading, BUCKET_FONTS.subheading];
const config = join(root, "wrangler.toml");
const bucket = /binding\s*=\s*"REPORTS"\s*\n\s*bucket_name\s*=\s*"([^"]+)"/.exec(
  readFileSync(config, "utf8"),
)?.[1];
if (!bucket) {
  console.error("fonts:upload: no REPORTS bucket in wrangler.toml");
  process.exit(2);
}

if (values.remote) {
  const wrangler = join(root, "node_modules", "wrangler", "bin", "wrangler.js");
  for (const f of files) {
    const key = `${bucket}/${FONT_PREFIX}${f}`;
    const args = [wrangler, "r2", "object", "put", key, "--file", join(root, "fonts", f), "--remote"];
    const r = spawnSync(process.execPath, [...args, "--content-type", "font/ttf"], {
      stdio: "inherit",
      cwd: root,
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
} else {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
  const { getPlatformProxy } = await import("wrangler");
  const persist = values["persist-to"] ? { path: values["persist-to"] } : true;
  const proxy = await getPlatformProxy({ configPath: config, persist });
  try {
    const r2 = proxy.env.REPORTS;
    for (const f of files) {
      const data = readFileSync(join(root, "fonts", f));
      const key = `${FONT_PREFIX}${f}`;
      if ((await r2.head(key))?.size === data.length) continue;
      await r2.put(key, data, { httpMetadata: { contentType: "font/ttf" } });
      console.log(`fonts:upload: ${key} (${(data.length / 1024).toFixed(0)} KiB) into the local ${bucket}`);
    }
  } finally {
    await proxy.dispose();
  }
}
