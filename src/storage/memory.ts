// In-memory store for unit tests and one-shot CLI runs; same contract as the durable stores.
import { ObjectExists } from "./errors.ts";
import { assertMetadataKeys, assertSafeKey, assertSafePrefix, sha256Hex, toBytes } from "./keys.ts";
import { pageOf } from "./paging.ts";
import type { ListOptions, ListPage, ObjectInfo, PutOptions, Storage, StoredObject } from "./types.ts";

export class MemoryStorage implements Storage {
  readonly kind = "memory";
  readonly #objects = new Map<string, StoredObject>();

  async get(key: string): Promise<StoredObject | null> {
    const o = this.#objects.get(assertSafeKey(key));
    return o ? { ...o, metadata: { ...o.metadata }, body: o.body.slice() } : null;
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const o = this.#objects.get(assertSafeKey(key));
    if (!o) return null;
    const { body: _body, ...info } = o;
    return { ...info, metadata: { ...info.metadata } };
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<ObjectInfo> {
    assertSafeKey(key);
    assertMetadataKeys(options.metadata);
    if (options.onlyIfAbsent && this.#objects.has(key)) throw new ObjectExists(key);
    const bytes = toBytes(body).slice();
    const o: StoredObject = {
      key,
      size: bytes.byteLength,
      etag: (await sha256Hex(bytes)).slice(0, 32),
      uploaded: new Date(),
      metadata: { ...options.metadata },
      body: bytes,
      ...(options.contentType ? { contentType: options.contentType } : {}),
    };
    this.#objects.set(key, o);
    const { body: _body, ...info } = o;
    return info;
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    assertSafePrefix(prefix);
    const keys = [...this.#objects.keys()].filter((k) => k.startsWith(prefix)).sort();
    return pageOf(keys, options, (k) => {
      const o = this.#objects.get(k) as StoredObject;
      return { key: k, size: o.size, etag: o.etag, uploaded: o.uploaded };
    });
  }

  async delete(key: string): Promise<void> {
    this.#objects.delete(assertSafeKey(key));
  }
}
