// Conversion on upload: an object under incoming/ is published like a POST, and <key>.result.json records the outcome.
import { z } from "zod";
import { ERROR_CODES, isNianbaoError, NianbaoError } from "../core/errors.ts";
import { FILE_TYPES } from "../core/input/index.ts";
import { Finding } from "../core/model.ts";
import { isSafeKey } from "../storage/keys.ts";
import type { StoredObject } from "../storage/types.ts";
import { type BatchOptions, isZipUpload, processZip } from "./batch.ts";
import { BatchSummary } from "./batch-schema.ts";
import { publish, type ServiceDeps } from "./convert.ts";
import type { InputHint } from "./engine.ts";
import { INCOMING_PREFIX, RESULT_SUFFIX, reportLinks, resultKey } from "./layout.ts";
import { openResult, sealResult } from "./result-seal.ts";

export const IncomingResult = z.object({
  /** failed: the conversion kept failing (storage or an internal error) and was given up; a redelivery tries again. */
  /** batch: a zip of reports, each converted on its own; `batch` has their outcomes (pending until all are done). */
  status: z.enum(["published", "rejected", "failed", "batch"]),
  source: z.object({ key: z.string(), etag: z.string() }),
  id: z.string().optional(),
  links: z.object({ self: z.string(), pdf: z.string(), html: z.string(), json: z.string() }).optional(),
  findings: z.array(Finding).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  batch: BatchSummary.optional(),
  finishedAt: z.string(),
});
export type IncomingResult = z.infer<typeof IncomingResult>;

const HINTS: Record<string, InputHint["contentType"]> = {
  txt: "text/plain",
  html: "text/html",
  htm: "text/html",
  json: "application/json",
  docx: FILE_TYPES.docx,
  pdf: FILE_TYPES.pdf,
};

/** The content-type hint of an uploaded key, or null when the key is not an upload to convert. */
export function uploadHint(key: string): InputHint | null {
  if (!key.startsWith(INCOMING_PREFIX) || key.endsWith(RESULT_SUFFIX)) return null;
  // A key that is unsafe, or whose result key would be, can never be read or answered: not an upload.
  if (!isSafeKey(resultKey(key))) return null;
  const ext = /\.([a-z]+)$/i.exec(key)?.[1]?.toLowerCase();
  const contentType = ext ? HINTS[ext] : undefined;
  if (!contentType) return null;
  return { contentType, filename: key.slice(key.lastIndexOf("/") + 1) };
}

export type IncomingOutcome =
  | { status: "ignored"; key: string; reason: "not-an-upload" | "missing" }
  | { status: "done"; key: string; result: IncomingResult; repeated: boolean };

/**
 * Converts one uploaded object. Permanent failures (bad input, invalid report) are recorded in the
 * result file and returned; transient ones (storage, timeouts) are thrown so the caller retries.
 * A result already recorded for the same bytes (same etag) is returned without doing the work again.
 */
export interface UploadOptions {
  publicBaseUrl?: string;
  /** Uploads larger than this are rejected (input_limit) without being read; the HTTP body limit is the usual value. */
  maxBytes?: number;
  /** Zips: how their reports are handed out (Workers: the queue; default: a pool here) and their limits. */
  batch?: BatchOptions;
}

export async function processUpload(
  deps: ServiceDeps,
  key: string,
  options: UploadOptions = {},
): Promise<IncomingOutcome> {
  const zip = isZipUpload(key) && isSafeKey(resultKey(key));
  const hint = zip ? null : uploadHint(key);
  if (!hint && !zip) return { status: "ignored", key, reason: "not-an-upload" };
  // head first: a redelivery or an oversized upload is answered without reading the object.
  const info = await deps.storage.head(key);
  if (!info) return { status: "ignored", key, reason: "missing" };

  const previous = await readResult(deps, key);
  if (previous && previous.source.etag === info.etag && previous.status !== "failed") {
    return { status: "done", key, result: previous, repeated: true };
  }

  if (zip) {
    const batch = {
      ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
      ...options.batch,
    };
    const result = await processZip(deps, { key, etag: info.etag, size: info.size }, batch);
    return result
      ? { status: "done", key, result, repeated: false }
      : { status: "ignored", key, reason: "missing" };
  }
  let result: IncomingResult;
  if (options.maxBytes !== undefined && info.size > options.maxBytes) {
    const tooLarge = new NianbaoError(
      "input_limit",
      `上传文件超过大小限制（${Math.floor(options.maxBytes / 1024)} KB）`,
    );
    result = rejected(deps, { key, etag: info.etag }, tooLarge);
  } else {
    const object = await deps.storage.get(key);
    if (!object) return { status: "ignored", key, reason: "missing" };
    result = await convertUpload(deps, object, hint as InputHint, options.publicBaseUrl);
  }
  await deps.storage.put(resultKey(key), await sealResult(result, deps.resultSecret), {
    contentType: "application/json; charset=utf-8",
  });
  return { status: "done", key, result, repeated: false };
}

async function convertUpload(
  deps: ServiceDeps,
  object: StoredObject,
  hint: InputHint,
  publicBaseUrl?: string,
): Promise<IncomingResult> {
  const source = { key: object.key, etag: object.etag };
  try {
    const { meta, findings } = await publish(deps, object.body, hint);
    return {
      status: "published",
      source,
      id: meta.id,
      links: reportLinks(meta.id, publicBaseUrl),
      findings,
      finishedAt: now(deps),
    };
  } catch (e) {
    // Only a failure that a retry cannot fix is recorded; everything else goes back to the caller.
    if (!isNianbaoError(e) || ERROR_CODES[e.code].retry) throw e;
    return rejected(deps, source, e);
  }
}

function rejected(deps: ServiceDeps, source: IncomingResult["source"], e: NianbaoError): IncomingResult {
  return {
    status: "rejected",
    source,
    error: { code: e.code, message: e.message },
    ...(e.details.findings ? { findings: e.details.findings } : {}),
    finishedAt: now(deps),
  };
}

const now = (deps: ServiceDeps): string => (deps.now?.() ?? new Date()).toISOString();

async function readResult(deps: ServiceDeps, key: string): Promise<IncomingResult | null> {
  const o = await deps.storage.get(resultKey(key));
  if (!o) return null;
  // Anyone who can upload can write this key too: a result that is not ours (unsigned, or signed with
  // another secret) is treated as absent, and the upload converted.
  const body = await openResult(new TextDecoder().decode(o.body), deps.resultSecret);
  if (body === null) return null;
  const parsed = IncomingResult.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/**
 * Records that converting an upload was given up (retries exhausted, or an error no retry can fix), so the
 * upload is never left without a result. Throws when the store cannot be reached: the caller retries then.
 */
export async function recordFailure(deps: ServiceDeps, key: string, error: unknown): Promise<IncomingResult> {
  // The etag is nice to have; the record is not (the upload itself may be what keeps failing).
  const object = await deps.storage.head(key).catch(() => null);
  const code = isNianbaoError(error) ? error.code : "internal";
  const result: IncomingResult = {
    status: "failed",
    source: { key, etag: object?.etag ?? "" },
    error: { code, message: ERROR_CODES[code].message },
    finishedAt: now(deps),
  };
  await deps.storage.put(resultKey(key), await sealResult(result, deps.resultSecret), {
    contentType: "application/json; charset=utf-8",
  });
  return result;
}
