// Where things live in the store: report artifacts by id, the organ/year index, upload results; and the public links.
import { fromKeySegment, keySegment } from "../storage/keys.ts";

export type ArtifactKind = "pdf" | "html" | "json";

export const CONTENT_TYPES: Record<ArtifactKind, string> = {
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
};

export const artifactKey = (id: string, kind: ArtifactKind): string => `reports/${id}/report.${kind}`;
export const metaKey = (id: string): string => `reports/${id}/meta.json`;

/** The 图解 (illustrated summary) of a report: an HTML page and an A4 PDF beside the report's own artifacts. */
export type TujieKind = "html" | "pdf";
export const tujieKey = (id: string, kind: TujieKind): string => `reports/${id}/tujie.${kind}`;

export const INDEX_ROOT = "index/";
export const indexPrefix = (organ: string, year?: number): string =>
  `${INDEX_ROOT}${keySegment(organ)}/${year === undefined ? "" : `${year}/`}`;

/** The index entry's name sorts by first publication time, so the last key is the latest version. */
export const indexKey = (organ: string, year: number, createdAt: string, id: string): string =>
  `${indexPrefix(organ, year)}${String(Date.parse(createdAt)).padStart(15, "0")}-${id}`;

export interface IndexEntry {
  organ: string;
  year: number;
  createdAt: string;
  id: string;
}

export function parseIndexKey(key: string): IndexEntry | null {
  const m = /^index\/([^/]+)\/(\d{4})\/(\d{15})-([0-9a-f]{32})$/.exec(key);
  if (!m) return null;
  const [, organ, year, ms, id] = m as unknown as [string, string, string, string, string];
  return {
    organ: fromKeySegment(organ),
    year: Number(year),
    createdAt: new Date(Number(ms)).toISOString(),
    id,
  };
}

export const INCOMING_PREFIX = "incoming/";
export const RESULT_SUFFIX = ".result.json";
export const resultKey = (sourceKey: string): string => `${sourceKey}${RESULT_SUFFIX}`;

export interface Links {
  self: string;
  pdf: string;
  html: string;
  json: string;
  /** The 图解 page and its PDF. */
  tujie: string;
  tujiePdf: string;
}

/** Links to a report, absolute when a base URL is known ("https://host"), else root-relative. */
export function reportLinks(id: string, base = ""): Links {
  const root = `${base.replace(/\/+$/, "")}/v1/reports/${id}`;
  return {
    self: root,
    pdf: `${root}.pdf`,
    html: `${root}.html`,
    json: `${root}.json`,
    tujie: `${root}.tujie.html`,
    tujiePdf: `${root}.tujie.pdf`,
  };
}

/** The stable portal links of an organ's report for a year (the latest version behind them). */
export function portalLinks(
  organ: string,
  year: number,
  base = "",
): { pdf: string; html: string; tujie: string } {
  const root = `${base.replace(/\/+$/, "")}/r/${encodeURIComponent(organ)}/${year}`;
  return { pdf: `${root}.pdf`, html: `${root}.html`, tujie: `${root}.tujie.html` };
}
