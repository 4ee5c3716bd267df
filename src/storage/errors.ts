// The one way a backend failure leaves a store: a retryable storage_unavailable carrying the cause for the log.
import { NianbaoError } from "../core/errors.ts";

/** A conditional write (`onlyIfAbsent`) found the key taken: someone else wrote it first. */
export class ObjectExists extends Error {
  override name = "ObjectExists";
  readonly key: string;
  constructor(key: string) {
    super(`object exists: ${key}`);
    this.key = key;
  }
}

/** A lost conditional write passes through as it is; so does an error already ours. */
export function storageError(e: unknown): NianbaoError | ObjectExists {
  return e instanceof NianbaoError || e instanceof ObjectExists
    ? e
    : new NianbaoError("storage_unavailable", undefined, {}, { cause: e });
}
