// The one way a backend failure leaves a store: a retryable storage_unavailable carrying the cause for the log.
import { NianbaoError } from "../core/errors.ts";

export function storageError(e: unknown): NianbaoError {
  return e instanceof NianbaoError ? e : new NianbaoError("storage_unavailable", undefined, {}, { cause: e });
}
