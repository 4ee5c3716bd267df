// The storage contract every backend implements: get, put with metadata, head, list by prefix, delete.

/** What a store knows about an object without its body. */
export interface ObjectInfo {
  key: string;
  size: number;
  /** Entity tag without quotes; changes when the bytes change. */
  etag: string;
  uploaded: Date;
  contentType?: string;
  /** User metadata; keys are lowercase `[a-z0-9-]`, values any UTF-8 string. */
  metadata: Record<string, string>;
}

export interface StoredObject extends ObjectInfo {
  body: Uint8Array;
}

export interface PutOptions {
  contentType?: string;
  metadata?: Record<string, string>;
  /**
   * Write only if no object has the key (If-None-Match: * on S3 and R2, exclusive create on a filesystem);
   * otherwise throw ObjectExists and change nothing. Concurrent writers: exactly one succeeds.
   */
  onlyIfAbsent?: boolean;
}

/** One entry of a listing; listings carry no metadata (S3 does not return it). */
export interface ListedObject {
  key: string;
  size: number;
  etag: string;
  uploaded: Date;
}

export interface ListOptions {
  /** At most this many keys per page (stores may return fewer). */
  limit?: number;
  cursor?: string;
}

export interface ListPage {
  /** In ascending key order. */
  objects: ListedObject[];
  /** Set when more keys follow; pass it back to get the next page. */
  cursor?: string;
}

export interface Storage {
  /** Human name of the backend, for logs and /healthz. */
  readonly kind: string;
  get(key: string): Promise<StoredObject | null>;
  head(key: string): Promise<ObjectInfo | null>;
  put(key: string, body: Uint8Array | string, options?: PutOptions): Promise<ObjectInfo>;
  list(prefix: string, options?: ListOptions): Promise<ListPage>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
}
