// The sweep after a crash: temp files removed, reports with meta.json indexed, artifacts no meta.json completed removed. Node at start-up, Workers by cron.
import type { LogEntry } from "../http/services.ts";
import { listAll } from "../storage/paging.ts";
import type { Storage } from "../storage/types.ts";
import { ensureIndexed, readMeta } from "./convert.ts";
import { indexKey, metaKey } from "./layout.ts";

/** Artifacts younger than this may belong to a publish still in progress: left alone. */
export const SWEEP_GRACE_MS = 15 * 60_000;

export interface SweepResult {
  /** Temp files of an interrupted write removed (filesystem store). */
  temp: number;
  /** Reports whose meta.json had no index entry: the entry written. */
  indexed: number;
  /** Reports left without meta.json (never complete, never served): their artifacts removed. */
  removed: number;
}

/** A store that keeps temp files of its own (the filesystem store). */
interface WithTemp {
  sweepTemp(olderThanMs: number, now: number): Promise<number>;
}
const hasTemp = (s: Storage): s is Storage & WithTemp =>
  typeof (s as Partial<WithTemp>).sweepTemp === "function";

export async function sweep(
  storage: Storage,
  options: { now?: number; graceMs?: number; log?: (e: LogEntry) => void } = {},
): Promise<SweepResult> {
  const now = options.now ?? Date.now();
  const grace = options.graceMs ?? SWEEP_GRACE_MS;
  const result: SweepResult = { temp: 0, indexed: 0, removed: 0 };
  if (hasTemp(storage)) result.temp = await storage.sweepTemp(grace, now);
  const byId = new Map<string, { keys: string[]; newest: number }>();
  for (const o of await listAll(storage, "reports/")) {
    const id = o.key.split("/")[1];
    if (!id) continue;
    const entry = byId.get(id) ?? { keys: [], newest: 0 };
    entry.keys.push(o.key);
    entry.newest = Math.max(entry.newest, o.uploaded.getTime());
    byId.set(id, entry);
  }
  for (const [id, { keys, newest }] of byId) {
    if (keys.includes(metaKey(id))) {
      const meta = await readMeta(storage, id);
      if (meta && !(await storage.head(indexKey(meta.organ, meta.year, meta.createdAt, id)))) {
        await ensureIndexed(storage, meta);
        result.indexed++;
      }
      continue;
    }
    if (now - newest < grace) continue;
    for (const key of keys) await storage.delete(key);
    result.removed++;
    options.log?.({ level: "warn", msg: "sweep removed an unfinished report", id, keys: keys.length });
  }
  return result;
}
