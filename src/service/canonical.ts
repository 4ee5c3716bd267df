// Canonical JSON (sorted keys, no whitespace) and the content-addressed report id built on it.
import type { Report } from "../core/model.ts";
import { sha256Hex } from "../storage/keys.ts";

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** Same normalized report and output version (renderer and fonts) → same id, whatever the input form was. */
export async function reportId(report: Report, outputVersion: string): Promise<string> {
  return (await sha256Hex(`${canonicalJson(report)}\n${outputVersion}`)).slice(0, 32);
}
