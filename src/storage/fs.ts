// Filesystem store for `nianbao serve --data DIR`: one file per key, metadata in a sidecar under DIR/.meta.
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { NianbaoError } from "../core/errors.ts";
import { ObjectExists, storageError } from "./errors.ts";
import { assertMetadataKeys, assertSafeKey, assertSafePrefix, sha256Hex, toBytes } from "./keys.ts";
import { pageOf } from "./paging.ts";
import type { ListOptions, ListPage, ObjectInfo, PutOptions, Storage, StoredObject } from "./types.ts";

interface Sidecar {
  etag: string;
  uploaded: string;
  contentType?: string;
  metadata: Record<string, string>;
}

const META_DIR = ".meta";
const TMP_DIR = ".tmp";

export class FsStorage implements Storage {
  readonly kind = "filesystem";
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file of a key, refusing keys that are unsafe or reach the store's own hidden folders. */
  #path(key: string, base = this.root): string {
    assertSafeKey(key);
    if (key.startsWith(".")) throw new NianbaoError("invalid_input", `存储键不能以“.”开头：${key}`);
    const path = resolve(base, ...key.split("/"));
    if (!path.startsWith(base + sep)) throw new NianbaoError("invalid_input", `存储键越界：${key}`);
    return path;
  }

  #metaPath(key: string): string {
    return `${this.#path(key, join(this.root, META_DIR))}.json`;
  }

  async #readSidecar(key: string): Promise<Sidecar | null> {
    try {
      return JSON.parse(await readFile(this.#metaPath(key), "utf8")) as Sidecar;
    } catch (e) {
      if (isMissing(e)) return null;
      throw storageError(e);
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const path = this.#path(key);
    let size: number;
    let mtime: Date;
    try {
      const s = await stat(path);
      if (!s.isFile()) return null;
      size = s.size;
      mtime = s.mtime;
    } catch (e) {
      if (isMissing(e)) return null;
      throw storageError(e);
    }
    const side = await this.#readSidecar(key);
    const etag = side?.etag ?? (await sha256Hex(await readFile(path))).slice(0, 32);
    return {
      key,
      size,
      etag,
      uploaded: side ? new Date(side.uploaded) : mtime,
      metadata: { ...side?.metadata },
      ...(side?.contentType ? { contentType: side.contentType } : {}),
    };
  }

  async get(key: string): Promise<StoredObject | null> {
    const info = await this.head(key);
    if (!info) return null;
    try {
      return { ...info, body: new Uint8Array(await readFile(this.#path(key))) };
    } catch (e) {
      if (isMissing(e)) return null;
      throw storageError(e);
    }
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<ObjectInfo> {
    const path = this.#path(key);
    assertMetadataKeys(options.metadata);
    const bytes = toBytes(body);
    const side: Sidecar = {
      etag: (await sha256Hex(bytes)).slice(0, 32),
      uploaded: new Date().toISOString(),
      metadata: { ...options.metadata },
      ...(options.contentType ? { contentType: options.contentType } : {}),
    };
    try {
      if (options.onlyIfAbsent) {
        // The file first, by an exclusive link (EEXIST when taken), then its sidecar: a loser changes nothing.
        await this.#exclusiveWrite(path, bytes, key);
        await this.#atomicWrite(this.#metaPath(key), JSON.stringify(side));
      } else {
        await this.#atomicWrite(this.#metaPath(key), JSON.stringify(side));
        await this.#atomicWrite(path, bytes);
      }
    } catch (e) {
      throw storageError(e);
    }
    return {
      key,
      size: bytes.byteLength,
      etag: side.etag,
      uploaded: new Date(side.uploaded),
      metadata: side.metadata,
      ...(side.contentType ? { contentType: side.contentType } : {}),
    };
  }

  async #tempFile(path: string, data: Uint8Array | string): Promise<string> {
    const tmpDir = join(this.root, TMP_DIR);
    await mkdir(tmpDir, { recursive: true });
    await mkdir(dirname(path), { recursive: true });
    const tmp = join(tmpDir, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
    await writeFile(tmp, data);
    return tmp;
  }

  async #atomicWrite(path: string, data: Uint8Array | string): Promise<void> {
    await rename(await this.#tempFile(path, data), path);
  }

  /** Complete bytes appear at `path` only if nothing was there: link(2) never replaces a file. */
  async #exclusiveWrite(path: string, data: Uint8Array | string, key: string): Promise<void> {
    const tmp = await this.#tempFile(path, data);
    try {
      await link(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new ObjectExists(key);
      throw e;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /**
   * Start-up sweep: temp files older than `olderThanMs` (left by a crash mid-write) are removed.
   * Returns how many were removed.
   */
  async sweepTemp(olderThanMs = 60_000, now = Date.now()): Promise<number> {
    const tmpDir = join(this.root, TMP_DIR);
    let names: string[];
    try {
      names = await readdir(tmpDir);
    } catch (e) {
      if (isMissing(e)) return 0;
      throw storageError(e);
    }
    let removed = 0;
    for (const name of names) {
      const file = join(tmpDir, name);
      const s = await stat(file).catch(() => null);
      if (s && now - s.mtimeMs >= olderThanMs) {
        await rm(file, { force: true, recursive: true });
        removed++;
      }
    }
    return removed;
  }

  async list(prefix: string, options: ListOptions = {}): Promise<ListPage> {
    assertSafePrefix(prefix);
    // Walk only the deepest folder the prefix names completely.
    const cut = prefix.lastIndexOf("/");
    const dirKey = cut < 0 ? "" : prefix.slice(0, cut);
    const start = dirKey === "" ? this.root : this.#path(dirKey);
    const keys: string[] = [];
    await this.#walk(start, keys);
    const matching = keys.filter((k) => k.startsWith(prefix)).sort();
    return pageOf(matching, options, async (k) => {
      const info = await this.head(k);
      if (!info) return { key: k, size: 0, etag: "", uploaded: new Date(0) };
      return { key: k, size: info.size, etag: info.etag, uploaded: info.uploaded };
    });
  }

  async #walk(dir: string, out: string[]): Promise<void> {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (isMissing(e) || (e as NodeJS.ErrnoException).code === "ENOTDIR") return;
      throw storageError(e);
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (dir === this.root && entry.name.startsWith(".")) continue;
      if (entry.isDirectory()) await this.#walk(full, out);
      else if (entry.isFile()) out.push(relative(this.root, full).split(sep).join("/"));
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.#path(key);
    try {
      await rm(path, { force: true });
      await rm(this.#metaPath(key), { force: true });
    } catch (e) {
      throw storageError(e);
    }
  }
}

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
