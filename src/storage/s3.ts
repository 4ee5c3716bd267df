// S3-compatible store (AWS S3, R2's S3 API, MinIO, Aliyun OSS, Tencent COS) through @aws-sdk/client-s3.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { ObjectExists, storageError } from "./errors.ts";
import { assertMetadataKeys, assertSafeKey, assertSafePrefix, toBytes } from "./keys.ts";
import { pageLimit } from "./paging.ts";
import type { ListOptions, ListPage, ObjectInfo, PutOptions, Storage, StoredObject } from "./types.ts";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For anything but AWS itself: the service URL, e.g. a MinIO or OSS endpoint. */
  endpoint?: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Prepended to every key, for sharing a bucket ("nianbao/"). */
  keyPrefix?: string;
}

export class S3Storage implements Storage {
  readonly kind = "s3";
  readonly bucket: string;
  readonly #client: S3Client;
  readonly #prefix: string;

  constructor(options: S3StorageOptions, client?: S3Client) {
    this.bucket = options.bucket;
    this.#prefix = options.keyPrefix ?? "";
    this.#client =
      client ??
      new S3Client({
        region: options.region,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
        ...(options.accessKeyId && options.secretAccessKey
          ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
          : {}),
        // Other S3 implementations do not all know the newer default checksums.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      });
  }

  #key(key: string): string {
    return this.#prefix + assertSafeKey(key);
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const r = await this.#client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.#key(key) }));
      return info(key, r);
    } catch (e) {
      if (isNotFound(e)) return null;
      throw storageError(e);
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const r = await this.#client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.#key(key) }));
      const body = r.Body ? await r.Body.transformToByteArray() : new Uint8Array();
      return { ...info(key, { ...r, ContentLength: body.byteLength }), body };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw storageError(e);
    }
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<ObjectInfo> {
    assertMetadataKeys(options.metadata);
    const bytes = toBytes(body);
    try {
      const r = await this.#client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.#key(key),
          Body: bytes,
          ContentLength: bytes.byteLength,
          ...(options.contentType ? { ContentType: options.contentType } : {}),
          Metadata: encodeMetadata(options.metadata ?? {}),
          ...(options.onlyIfAbsent ? { IfNoneMatch: "*" } : {}),
        }),
      );
      return {
        key,
        size: bytes.byteLength,
        etag: unquote(r.ETag),
        uploaded: new Date(),
        metadata: { ...options.metadata },
        ...(options.contentType ? { contentType: options.contentType } : {}),
      };
    } catch (e) {
      // 412: the key exists (409: a concurrent conditional write is in progress; it will win or fail on its own).
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (options.onlyIfAbsent && (status === 412 || status === 409)) throw new ObjectExists(key);
      throw storageError(e);
    }
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    assertSafePrefix(prefix);
    try {
      const r = await this.#client.send(
        // ListObjects (v1) with Marker: every S3-compatible service has it, and the cursor is simply the
        // last key, as in the other stores (s3rver's v2 continuation tokens need DES, gone from OpenSSL 3).
        new ListObjectsCommand({
          Bucket: this.bucket,
          Prefix: this.#prefix + prefix,
          MaxKeys: pageLimit(options),
          ...(options.cursor ? { Marker: this.#prefix + assertSafeKey(options.cursor) } : {}),
        }),
      );
      const objects = (r.Contents ?? [])
        .filter((o) => o.Key !== undefined)
        .map((o) => ({
          key: (o.Key as string).slice(this.#prefix.length),
          size: o.Size ?? 0,
          etag: unquote(o.ETag),
          uploaded: o.LastModified ?? new Date(0),
        }));
      const last = objects[objects.length - 1];
      return r.IsTruncated && last ? { objects, cursor: last.key } : { objects };
    } catch (e) {
      throw storageError(e);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.#client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.#key(key) }));
    } catch (e) {
      if (isNotFound(e)) return;
      throw storageError(e);
    }
  }
}

interface S3Head {
  ContentLength?: number;
  ETag?: string;
  LastModified?: Date;
  ContentType?: string;
  Metadata?: Record<string, string>;
}

function info(key: string, r: S3Head): ObjectInfo {
  return {
    key,
    size: r.ContentLength ?? 0,
    etag: unquote(r.ETag),
    uploaded: r.LastModified ?? new Date(0),
    metadata: decodeMetadata(r.Metadata ?? {}),
    ...(r.ContentType ? { contentType: r.ContentType } : {}),
  };
}

/** S3 metadata travels in HTTP headers, so only ASCII survives: values are percent-encoded. */
function encodeMetadata(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, encodeURIComponent(v)]));
}

function decodeMetadata(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(m).map(([k, v]) => {
      try {
        return [k.toLowerCase(), decodeURIComponent(v)];
      } catch {
        return [k.toLowerCase(), v];
      }
    }),
  );
}

const unquote = (etag: string | undefined): string => (etag ?? "").replace(/^W\//, "").replace(/"/g, "");

function isNotFound(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === "NoSuchKey" || err?.name === "NotFound" || err?.$metadata?.httpStatusCode === 404;
}
