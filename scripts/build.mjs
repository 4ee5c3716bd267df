// Build step run by `npm install` (prepare), `npm start`, `npm test` and `npm run bench`: runs each scripts/build-*.mjs in order.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const steps = readdirSync(here)
  .filter((f) => /^build-.+\.mjs$/.test(f))
  .sort();
for (const step of steps) {
  const mod = await import(pathToFileURL(join(here, step)).href);
  if (typeof mod.default === "function") await mod.default();
}
