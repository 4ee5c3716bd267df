// A store wrapper for fault injection: transient and permanent failures of chosen operations, and slow calls.
import { NianbaoError } from "../core/errors.ts";
import type { ListOptions, ListPage, ObjectInfo, PutOptions, Storage, StoredObject } from "./types.ts";

export type StorageOp = "get" | "head" | "put" | "list" | "delete";

/** What happens to one call: it goes through, fails (and may work next time), or waits first. */
export type Fault = { kind: "ok" } | { kind: "fail"; permanent: boolean } | { kind: "delay"; ms: number };

export interface FaultOptions {
  /** Probability of a transient failure per call, 0–1 (default 0). */
  rate?: number;
  /** Operations that may fail (default: all). */
  ops?: readonly StorageOp[];
  /** Keys that fail on every call, for ever (a permanent fault): a predicate on the key. */
  permanent?: (key: string, op: StorageOp) => boolean;
  /** Probability that a call is slowed down, and by how much (ms). */
  slowRate?: number;
  slowMs?: number;
  /** Random numbers in [0, 1): pass a seeded one for reproducible runs (default Math.random). */
  random?: () => number;
  /** Waits `ms` (default: setTimeout). */
  sleep?: (ms: number) => Promise<void>;
}

export interface FaultStats {
  calls: number;
  transient: number;
  permanent: number;
  delayed: number;
}

/** Thrown by an injected fault: a retryable storage_unavailable, like the real backends throw. */
export function injectedFault(op: StorageOp, key: string, permanent: boolean): NianbaoError {
  return new NianbaoError(
    "storage_unavailable",
    undefined,
    {},
    {
      cause: new Error(`injected ${permanent ? "permanent" : "transient"} fault: ${op} ${key}`),
    },
  );
}

/**
 * Wraps a store and fails or slows its calls by the options. A failed put writes nothing, so a caller sees
 * exactly what a store that refused the request would leave behind.
 */
export class FaultyStorage implements Storage {
  readonly kind: string;
  readonly inner: Storage;
  readonly stats: FaultStats = { calls: 0, transient: 0, permanent: 0, delayed: 0 };
  options: FaultOptions;

  constructor(inner: Storage, options: FaultOptions = {}) {
    this.inner = inner;
    this.kind = `faulty(${inner.kind})`;
    this.options = options;
  }

  /** Change the fault rates mid-run (e.g. heal the store: `setFaults({})`). */
  setFaults(options: FaultOptions): void {
    this.options = options;
  }

  #decide(op: StorageOp, key: string): Fault {
    const o = this.options;
    const random = o.random ?? Math.random;
    if (o.permanent?.(key, op)) return { kind: "fail", permanent: true };
    if (o.ops && !o.ops.includes(op)) return { kind: "ok" };
    if ((o.rate ?? 0) > 0 && random() < (o.rate ?? 0)) return { kind: "fail", permanent: false };
    if ((o.slowRate ?? 0) > 0 && random() < (o.slowRate ?? 0)) return { kind: "delay", ms: o.slowMs ?? 50 };
    return { kind: "ok" };
  }

  async #gate(op: StorageOp, key: string): Promise<void> {
    this.stats.calls++;
    const f = this.#decide(op, key);
    if (f.kind === "delay") {
      this.stats.delayed++;
      await (this.options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(f.ms);
    } else if (f.kind === "fail") {
      if (f.permanent) this.stats.permanent++;
      else this.stats.transient++;
      throw injectedFault(op, key, f.permanent);
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    await this.#gate("get", key);
    return this.inner.get(key);
  }

  async head(key: string): Promise<ObjectInfo | null> {
    await this.#gate("head", key);
    return this.inner.head(key);
  }

  async put(key: string, body: Uint8Array | string, options?: PutOptions): Promise<ObjectInfo> {
    await this.#gate("put", key);
    return this.inner.put(key, body, options);
  }

  async list(prefix: string, options?: ListOptions): Promise<ListPage> {
    await this.#gate("list", prefix);
    return this.inner.list(prefix, options);
  }

  async delete(key: string): Promise<void> {
    await this.#gate("delete", key);
    return this.inner.delete(key);
  }
}

/** A small seeded generator (mulberry32), so fault runs can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
