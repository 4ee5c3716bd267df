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

/** A report with every count of table 三 a 15-digit number: its cells wrap to four lines and the table needs 3–4 pages. */
export function tallRequests(report: Report): Report {
  const big = (v: unknown): unknown =>
    typeof v === "number"
      ? 123456789012345
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, big(x)]))
        : v;
  return { ...report, requests: big(report.requests) } as Report;
}
