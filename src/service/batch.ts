// Zip batches under incoming/: unpacked, each report converted on its own (queue fan-out or a bounded pool), one summary.
import { z } from "zod";
import { DEFAULT_ZIP_LIMITS, unpackZip, type ZipLimits } from "../core/batch/unzip.ts";
import { ERROR_CODES, isNianbaoError, NianbaoError } from "../core/errors.ts";
import { keySegment } from "../storage/keys.ts";
import { listAll } from "../storage/paging.ts";
import type { Storage } from "../storage/types.ts";
import { type BatchSummary, EntryResult } from "./batch-schema.ts";
import { mapPool } from "./catalog.ts";
import { publish, type ServiceDeps } from "./convert.ts";
import type { InputHint } from "./engine.ts";
import type { IncomingResult } from "./incoming.ts";
import { INCOMING_PREFIX, RESULT_SUFFIX, reportLinks, resultKey } from "./layout.ts";
import { sealResult } from "./result-seal.ts";

/** A queue message: convert entry `index` of the zip `zip` (as it was at `etag`). */
export const BatchJob = z.object({
  type: z.literal("nianbao.batch-entry"),
  zip: z.string(),
  etag: z.string(),
  index: z.number().int().min(0),
});
export type BatchJob = z.infer<typeof BatchJob>;

/** Hands jobs to be done each on its own (Workers: the queue). Absent: the jobs run here in a bounded pool. */
export type Dispatch = (jobs: BatchJob[]) => Promise<void>;

export interface BatchOptions {
  publicBaseUrl?: string;
  dispatch?: Dispatch;
  /** Jobs at once when run here (Node): default 4. */
  poolSize?: number;
  /** Largest zip accepted (compressed); default 20 MB. */
  maxZipBytes?: number;
  zipLimits?: ZipLimits;
}

export const DEFAULT_MAX_ZIP_BYTES = 20 * 1024 * 1024;

const Manifest = z.object({
  zip: z.string(),
  etag: z.string(),
  entries: z.array(z.object({ name: z.string(), key: z.string() })),
  skipped: z.array(z.string()),
  startedAt: z.string(),
});
type Manifest = z.infer<typeof Manifest>;

export const isZipUpload = (key: string): boolean =>
  key.startsWith(INCOMING_PREFIX) && !key.endsWith(RESULT_SUFFIX) && /\.zip$/i.test(key);

/** The work area of one zip version; outside incoming/, so writing it starts no upload event. */
const workDir = (zip: string, etag: string) => `batches/${keySegment(zip)}/${keySegment(etag || "-")}/`;
const manifestKey = (zip: string, etag: string) => `${workDir(zip, etag)}manifest.json`;
const entryResultKey = (zip: string, etag: string, index: number) =>
  `${workDir(zip, etag)}results/${String(index).padStart(5, "0")}.json`;

const JSON_TYPE = { contentType: "application/json; charset=utf-8" };
const now = (deps: ServiceDeps) => (deps.now?.() ?? new Date()).toISOString();

async function readJson<S extends z.ZodType>(
  storage: Storage,
  key: string,
  schema: S,
): Promise<z.infer<S> | null> {
  const o = await storage.get(key);
  if (!o) return null;
  try {
    const r = schema.safeParse(JSON.parse(new TextDecoder().decode(o.body)));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** The summary record beside the zip (incoming/<zip>.result.json). */
function summaryRecord(
  deps: ServiceDeps,
  m: Pick<Manifest, "zip" | "etag">,
  batch: BatchSummary,
): IncomingResult {
  return {
    status: "batch" as const,
    source: { key: m.zip, etag: m.etag },
    batch,
    finishedAt: now(deps),
  };
}

/**
 * Unpacks a zip put under incoming/ and hands out one job per report; returns the summary as it stands (pending until
 * every job is done, then written again by the last job). A zip too large, a bomb or no zip is recorded as rejected.
 */
export async function processZip(
  deps: ServiceDeps,
  zip: { key: string; etag: string; size: number },
  options: BatchOptions = {},
): Promise<IncomingResult | null> {
  const { storage } = deps;
  const { key, etag } = zip;
  let unpacked: ReturnType<typeof unpackZip>;
  try {
    const max = options.maxZipBytes ?? DEFAULT_MAX_ZIP_BYTES;
    // Too large: refused without being read.
    if (zip.size > max)
      throw new NianbaoError("input_limit", `压缩包超过 ${Math.floor(max / 1024 / 1024)} MB`);
    const object = await storage.get(key);
    if (!object) return null;
    unpacked = unpackZip(object.body, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
    if (unpacked.entries.length === 0)
      throw new NianbaoError("invalid_input", "压缩包中没有年报文件（.txt、.html、.json）");
  } catch (e) {
    if (!isNianbaoError(e)) throw e;
    const rejected: IncomingResult = {
      status: "rejected",
      source: { key, etag },
      error: { code: e.code, message: e.message },
      finishedAt: now(deps),
    };
    await storage.put(resultKey(key), await sealResult(rejected, deps.resultSecret), JSON_TYPE);
    return rejected;
  }
  const dir = workDir(key, etag);
  const entries = unpacked.entries.map((e, i) => ({
    name: e.name,
    key: `${dir}entries/${String(i).padStart(5, "0")}`,
  }));
  await mapPool(entries, 8, async (e, i) => {
    await storage.put(e.key, (unpacked.entries[i] as { data: Uint8Array }).data, {
      contentType: "application/octet-stream",
    });
  });
  const manifest: Manifest = { zip: key, etag, entries, skipped: unpacked.skipped, startedAt: now(deps) };
  await storage.put(manifestKey(key, etag), JSON.stringify(manifest), JSON_TYPE);
  const pending = summaryRecord(deps, manifest, {
    total: entries.length,
    pending: entries.length,
    published: 0,
    rejected: 0,
    failed: 0,
    entries: [],
    skipped: unpacked.skipped,
  });
  await storage.put(resultKey(key), await sealResult(pending, deps.resultSecret), JSON_TYPE);
  const jobs: BatchJob[] = entries.map((_, index) => ({
    type: "nianbao.batch-entry",
    zip: key,
    etag,
    index,
  }));
  if (options.dispatch) {
    await options.dispatch(jobs);
    return pending;
  }
  // Here (Node): a bounded pool; a job that fails even so is recorded as failed, so the summary always completes.
  await mapPool(jobs, options.poolSize ?? 4, async (job) => {
    try {
      await processBatchJob(deps, job, options);
    } catch (e) {
      await recordJobFailure(deps, job, e);
    }
  });
  return (await finishIfDone(deps, manifest)) ?? pending;
}

/**
 * Converts one entry of a zip and records its outcome; when it was the last, writes the zip's summary. Permanent
 * failures are recorded; transient ones are thrown for the caller to retry. A job already done is not done again.
 */
export async function processBatchJob(
  deps: ServiceDeps,
  job: BatchJob,
  options: BatchOptions = {},
): Promise<void> {
  const { storage } = deps;
  const manifest = await readJson(storage, manifestKey(job.zip, job.etag), Manifest);
  const entry = manifest?.entries[job.index];
  if (!manifest || !entry) return;
  const done = entryResultKey(job.zip, job.etag, job.index);
  if (!(await storage.head(done))) {
    const object = await storage.get(entry.key);
    if (!object) return;
    const result = await convertEntry(deps, job.index, entry.name, object.body, options.publicBaseUrl);
    await storage.put(done, JSON.stringify(result), JSON_TYPE);
  }
  await finishIfDone(deps, manifest);
}

/** Records a job that kept failing (retries used up) as failed, and finishes the summary if it was the last. */
export async function recordJobFailure(deps: ServiceDeps, job: BatchJob, error: unknown): Promise<void> {
  const manifest = await readJson(deps.storage, manifestKey(job.zip, job.etag), Manifest);
  const entry = manifest?.entries[job.index];
  if (!manifest || !entry) return;
  const code = isNianbaoError(error) ? error.code : "internal";
  const result: EntryResult = {
    index: job.index,
    name: entry.name,
    status: "failed",
    error: { code, message: ERROR_CODES[code].message },
  };
  await deps.storage.put(entryResultKey(job.zip, job.etag, job.index), JSON.stringify(result), JSON_TYPE);
  await finishIfDone(deps, manifest);
}

const HINTS: Record<string, InputHint["contentType"]> = {
  txt: "text/plain",
  html: "text/html",
  htm: "text/html",
  json: "application/json",
};

async function convertEntry(
  deps: ServiceDeps,
  index: number,
  name: string,
  body: Uint8Array,
  publicBaseUrl?: string,
): Promise<EntryResult> {
  const base = name.slice(name.lastIndexOf("/") + 1);
  const ext = /\.([a-z]+)$/i.exec(base)?.[1]?.toLowerCase() ?? "";
  const hint: InputHint = { filename: base, ...(HINTS[ext] ? { contentType: HINTS[ext] } : {}) };
  try {
    const { meta, findings } = await publish(deps, body, hint);
    const links = reportLinks(meta.id, publicBaseUrl);
    return {
      index,
      name,
      status: "published",
      id: meta.id,
      links: { self: links.self, pdf: links.pdf, html: links.html, tujie: links.tujie },
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
    };
  } catch (e) {
    if (!isNianbaoError(e) || ERROR_CODES[e.code].retry) throw e;
    const findings = e.details.findings ?? [];
    return {
      index,
      name,
      status: "rejected",
      error: { code: e.code, message: e.message },
      ...(findings.length > 0
        ? {
            errors: findings.filter((f) => f.severity === "error").length,
            warnings: findings.filter((f) => f.severity === "warning").length,
          }
        : {}),
    };
  }
}

/** When every entry has its result: the summary beside the zip. Writing it twice (two last jobs at once) is harmless. */
async function finishIfDone(deps: ServiceDeps, manifest: Manifest): Promise<IncomingResult | null> {
  const { storage } = deps;
  const prefix = `${workDir(manifest.zip, manifest.etag)}results/`;
  const listed = await listAll(storage, prefix);
  if (listed.length < manifest.entries.length) return null;
  const results = (await mapPool(listed, 8, (o) => readJson(storage, o.key, EntryResult))).filter(
    (r): r is EntryResult => r !== null,
  );
  if (results.length < manifest.entries.length) return null;
  results.sort((a, b) => a.index - b.index);
  const count = (s: EntryResult["status"]) => results.filter((r) => r.status === s).length;
  const summary = summaryRecord(deps, manifest, {
    total: manifest.entries.length,
    pending: 0,
    published: count("published"),
    rejected: count("rejected"),
    failed: count("failed"),
    entries: results,
    skipped: manifest.skipped,
  });
  await storage.put(resultKey(manifest.zip), await sealResult(summary, deps.resultSecret), JSON_TYPE);
  return summary;
}
