// `wrangler deploy --dry-run`: a Worker that cannot be built (bundle, bindings, fonts) fails the suite, not the deploy.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { tempDir } from "../support/temp-dir.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

it("bundles the Worker with its R2 binding and the fonts", async () => {
  const outdir = tempDir("dry-run");
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir],
    {
      cwd: ROOT,
      encoding: "utf8",
      // wrangler keeps its update check (update-check/) in the OS temp dir: its own, removed with the test.
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", TMPDIR: tempDir("wrangler-tmp") },
      timeout: 180_000,
    },
  );
  const output = `${r.stdout}\n${r.stderr}`;
  expect(r.status, output).toBe(0);
  expect(output).toContain("--dry-run: exiting now");
  expect(output).toMatch(/env\.REPORTS \(nianbao-reports\)\s+R2 Bucket/);
  const bundle = join(outdir, "worker.js");
  expect(existsSync(bundle)).toBe(true);
  const code = readFileSync(bundle, "utf8");
  // The service is in the bundle: the upload consumer and the API routes.
  expect(code).toContain("incoming/");
  expect(code).toContain("/v1/events/s3");
}, 240_000);
