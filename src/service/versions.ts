// The organ/year index: every published version, and the latest one behind the stable portal links.
import { keySegment } from "../storage/keys.ts";
import { listAll } from "../storage/paging.ts";
import type { Storage } from "../storage/types.ts";
import { type IndexEntry, indexPrefix, parseIndexKey } from "./layout.ts";

/** Versions of an organ's reports (of one year, or all years), newest first. */
export async function listVersions(storage: Storage, organ: string, year?: number): Promise<IndexEntry[]> {
  // A name no published report can have (its key segment longer than a file name may be): nothing to list.
  if (new TextEncoder().encode(keySegment(organ)).length > 255) return [];
  const objects = await listAll(storage, indexPrefix(organ, year));
  return objects
    .map((o) => parseIndexKey(o.key))
    .filter((e): e is IndexEntry => e !== null)
    .sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    );
}

export async function latestVersion(
  storage: Storage,
  organ: string,
  year: number,
): Promise<IndexEntry | null> {
  return (await listVersions(storage, organ, year))[0] ?? null;
}
