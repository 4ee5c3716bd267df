// Year over year: the organ's report of the year before, looked up in storage; cross-year findings against it.

import type { Finding } from "../core/model.ts";
import { Report } from "../core/model.ts";
import { sortFindings } from "../core/order.ts";
import { checkCrossYear } from "../core/rules/cross-year.ts";
import type { Storage } from "../storage/types.ts";
import { artifactKey, CONTENT_TYPES, metaKey } from "./layout.ts";
import { ReportMeta } from "./meta.ts";
import { latestVersion } from "./versions.ts";

/** The version of last year's report a check was made against. */
export interface PreviousRef {
  id: string;
  year: number;
}

export interface PreviousReport {
  ref: PreviousRef;
  report: Report;
}

/** A stored report's normalized model, or null when absent or not a model (storage is trusted, but checked). */
export async function readStoredReport(storage: Storage, id: string): Promise<Report | null> {
  const o = await storage.get(artifactKey(id, "json"));
  if (!o) return null;
  try {
    const parsed = Report.safeParse(JSON.parse(new TextDecoder().decode(o.body)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The latest published version of the organ's report for `year`, with its model; null when there is none. */
export async function findReport(
  storage: Storage,
  organ: string,
  year: number,
): Promise<PreviousReport | null> {
  const entry = await latestVersion(storage, organ, year);
  if (!entry) return null;
  const report = await readStoredReport(storage, entry.id);
  return report ? { ref: { id: entry.id, year: entry.year }, report } : null;
}

const isCrossYear = (f: Finding) => f.code.startsWith("cross-year.");

/**
 * The findings of a report with the cross-year checks against last year's report in storage (those of an earlier
 * check replaced), and which report that was. No previous report: the findings as they were, previous null.
 */
export async function withPrevious(
  storage: Storage,
  report: Report,
  findings: readonly Finding[],
): Promise<{ findings: Finding[]; previous: PreviousReport | null }> {
  const previous = await findReport(storage, report.organ, report.year - 1);
  if (!previous) return { findings: [...findings], previous: null };
  const kept = findings.filter((f) => !isCrossYear(f));
  return {
    findings: sortFindings(report, [...kept, ...checkCrossYear(report, previous.report)]),
    previous,
  };
}

/**
 * After a report of `report.year` is published: the organ's latest report of the year after is checked again
 * against it, and its stored findings (meta.json) updated. Its artifacts stay as they are. Returns the id updated.
 */
export async function recheckNextYear(
  storage: Storage,
  report: Report,
  ref: PreviousRef,
): Promise<string | null> {
  const next = await findReport(storage, report.organ, report.year + 1);
  if (!next) return null;
  const o = await storage.get(metaKey(next.ref.id));
  if (!o) return null;
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(o.body));
  } catch {
    return null;
  }
  const parsed = ReportMeta.safeParse(body);
  if (!parsed.success) return null;
  const meta = parsed.data;
  const kept = meta.findings.filter((f) => !isCrossYear(f));
  const findings = sortFindings(next.report, [...kept, ...checkCrossYear(next.report, report)]);
  const updated: ReportMeta = { ...meta, findings, previous: ref };
  await storage.put(metaKey(next.ref.id), JSON.stringify(updated), { contentType: CONTENT_TYPES.json });
  return next.ref.id;
}
