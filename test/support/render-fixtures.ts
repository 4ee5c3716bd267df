// The render fixtures as models: model JSON of both editions (report-*.json) and the corpus seeds with their prose (seed-*.json).
import { readdirSync, readFileSync } from "node:fs";
import type { Report } from "../../src/core/model.ts";

const FIXTURES = new URL("../fixtures/render/", import.meta.url);

export function fixtures(): { name: string; report: Report }[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ""),
      report: JSON.parse(readFileSync(new URL(f, FIXTURES), "utf8")) as Report,
    }));
}
