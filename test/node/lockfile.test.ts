// The lockfile names every optional dependency, so `npm ci` accepts it on any machine (see scripts/lockfile-platforms.mjs).
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

it("records every optional dependency (run `npm run lockfile` after npm install)", () => {
  const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
    packages: Record<string, LockEntry>;
  };
  const missing: string[] = [];
  for (const [path, meta] of Object.entries(lock.packages)) {
    for (const name of Object.keys(meta.optionalDependencies ?? {})) {
      const nested = path === "" ? `node_modules/${name}` : `${path}/node_modules/${name}`;
      if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`])
        missing.push(`${path || "(root)"} → ${name}`);
    }
  }
  expect(missing).toEqual([]);
});
