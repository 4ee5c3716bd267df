// Cloudflare R2 store through a Worker binding.

import { NianbaoError } from "../core/errors.ts";
import { ObjectExists, storageError } from "./errors.ts";
import { assertMetadataKeys, assertSafeKey, assertSafePrefix, toBytes } from "./keys.ts";
import { pageLimit } from "./paging.ts";
import type { ListOptions, ListPage, ObjectInfo, PutOptions, Storage, StoredObject } from "./types.ts";

export class R2Storage implements Storage {
  readonly kind = "r2";
  readonly #bucket: R2Bucket;

  constructor(bucket: R2Bucket) {
    this.#bucket = bucket;
  }

  async head(key: string): Promise<ObjectInfo | null> {
    assertSafeKey(key);
    const o = await guard(() => this.#bucket.head(key));
    return o ? info(o) : null;
  }

  async get(key: string): Promise<StoredObject | null> {
    assertSafeKey(key);
    const o = await guard(() => this.#bucket.get(key));
    if (!o) return null;
    const body = new Uint8Array(await guard(() => o.arrayBuffer()));
    return { ...info(o), body };
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<ObjectInfo> {
    assertSafeKey(key);
    assertMetadataKeys(options.metadata);
    const o = await guard(() =>
      this.#bucket.put(key, toBytes(body), {
        customMetadata: { ...options.metadata },
        ...(options.onlyIfAbsent ? { onlyIf: new Headers({ "If-None-Match": "*" }) } : {}),
        ...(options.contentType ? { httpMetadata: { contentType: options.contentType } } : {}),
      }),
    );
    // R2 answers a failed precondition with null.
    if (!o && options.onlyIfAbsent) throw new ObjectExists(key);
    if (!o) throw new NianbaoError("storage_unavailable", "R2 写入未完成");
    return info(o);
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    assertSafePrefix(prefix);
    const r = await guard(() =>
      this.#bucket.list({
        prefix,
        limit: pageLimit(options),
        ...(options.cursor ? { cursor: options.cursor } : {}),
      }),
    );
    const objects = r.objects.map((o) => ({ key: o.key, size: o.size, etag: o.etag, uploaded: o.uploaded }));
    return r.truncated ? { objects, cursor: r.cursor } : { objects };
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await guard(() => this.#bucket.delete(key));
  }
}

function info(o: R2Object): ObjectInfo {
  return {
    key: o.key,
    size: o.size,
    etag: o.etag,
    uploaded: o.uploaded,
    metadata: { ...o.customMetadata },
    ...(o.httpMetadata?.contentType ? { contentType: o.httpMetadata.contentType } : {}),
  };
}

/** R2 failures are transient from our side: they become retryable storage_unavailable errors. */
async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw storageError(e);
  }
}
