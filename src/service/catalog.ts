// Every organ's latest report per year from the index, with its model and findings: for the CSV export and /r/.
import type { ExportRow } from "../core/export/csv.ts";
import { listAll } from "../storage/paging.ts";
import type { Storage } from "../storage/types.ts";
import { readMeta } from "./convert.ts";
import { INDEX_ROOT, type IndexEntry, indexPrefix, parseIndexKey } from "./layout.ts";
import type { ReportMeta } from "./meta.ts";
import { readStoredReport } from "./previous.ts";

export interface CatalogQuery {
  organ?: string;
  year?: number;
}

/** The latest version of each organ and year that matches, sorted by year, then organ. */
export async function latestEntries(storage: Storage, query: CatalogQuery = {}): Promise<IndexEntry[]> {
  const prefix = query.organ ? indexPrefix(query.organ, query.year) : INDEX_ROOT;
  const latest = new Map<string, IndexEntry>();
  for (const o of await listAll(storage, prefix)) {
    const e = parseIndexKey(o.key);
    if (!e || (query.year !== undefined && e.year !== query.year)) continue;
    const k = `${e.organ}\u0000${e.year}`;
    const known = latest.get(k);
    // Index keys sort by first publication, so the last one of an organ and year is the latest.
    if (!known || o.key > indexKeyOf(known)) latest.set(k, e);
  }
  return [...latest.values()].sort((a, b) =>
    a.year !== b.year ? a.year - b.year : a.organ < b.organ ? -1 : a.organ > b.organ ? 1 : 0,
  );
}

const indexKeyOf = (e: IndexEntry) =>
  `${indexPrefix(e.organ, e.year)}${String(Date.parse(e.createdAt)).padStart(15, "0")}-${e.id}`;

/** Runs `fn` over items with at most `limit` at once, keeping the order of the results. */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

export interface CatalogItem {
  entry: IndexEntry;
  meta: ReportMeta | null;
}

/** Each entry's stored metadata (status and findings), read a few at a time. */
export function readMetas(
  storage: Storage,
  entries: readonly IndexEntry[],
  concurrency = 16,
): Promise<CatalogItem[]> {
  return mapPool(entries, concurrency, async (entry) => ({ entry, meta: await readMeta(storage, entry.id) }));
}

/** The export rows of the entries: model and stored findings; an entry whose files are gone is left out. */
export async function exportRows(
  storage: Storage,
  entries: readonly IndexEntry[],
  source: (id: string) => string,
  concurrency = 16,
): Promise<ExportRow[]> {
  const rows = await mapPool(entries, concurrency, async (entry): Promise<ExportRow | null> => {
    const [meta, report] = await Promise.all([
      readMeta(storage, entry.id),
      readStoredReport(storage, entry.id),
    ]);
    if (!meta || !report) return null;
    return { report, findings: meta.findings, id: entry.id, source: source(entry.id) };
  });
  return rows.filter((r): r is ExportRow => r !== null);
}
