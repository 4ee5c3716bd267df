// Canonical JSON (sorted keys, no whitespace) and the content-addressed report id built on it.
import type { Report } from "../core/model.ts";
import type { PdfOptions } from "../core/render/index.ts";
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

/**
 * Same normalized report, output version (renderer and fonts) and PDF options → same id, whatever the input form
 * was. A tagged PDF is another artifact, so another id; an untagged one keeps the id it had before the option.
 */
export async function reportId(report: Report, outputVersion: string, pdf: PdfOptions = {}): Promise<string> {
  const options = pdf.tagged ? "\npdf tagged" : "";
  return (await sha256Hex(`${canonicalJson(report)}\n${outputVersion}${options}`)).slice(0, 32);
}
