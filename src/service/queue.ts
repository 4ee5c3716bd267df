// The upload-queue consumer, runtime-neutral: R2 event messages → processUpload; ack when done, retry with backoff.
import { isNianbaoError } from "../core/errors.ts";
import { BatchJob, processBatchJob, recordJobFailure } from "./batch.ts";
import type { ServiceDeps } from "./convert.ts";
import { isR2Create, R2EventMessage, retryDelaySeconds } from "./events.ts";
import { processUpload, recordFailure, type UploadOptions } from "./incoming.ts";
import type { LogEntry } from "./log.ts";

/** wrangler.toml: max_retries = 5, so the sixth delivery is the last. */
export const DEFAULT_MAX_ATTEMPTS = 6;

/** The part of a Queues message the consumer uses. */
export interface QueueMessage {
  readonly id: string;
  readonly body: unknown;
  readonly attempts: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

export interface ConsumerOptions extends UploadOptions {
  /** Deliveries before a failing upload is given up and recorded as failed (wrangler.toml max_retries + 1). */
  maxAttempts?: number;
  log?: (entry: LogEntry) => void;
}

/**
 * Handles each message once: a malformed message or a non-create event is acked (nothing would change on
 * retry); a conversion outcome, success or permanent failure, is recorded by processUpload and acked; a
 * transient failure is retried with backoff and never acked, so the dead-letter queue gets what keeps failing.
 */
export async function consumeUploads(
  messages: readonly QueueMessage[],
  deps: ServiceDeps,
  options: ConsumerOptions = {},
): Promise<void> {
  const uploadOptions: UploadOptions = {
    ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.batch ? { batch: options.batch } : {}),
  };
  for (const message of messages) {
    const job = BatchJob.safeParse(message.body);
    if (job.success) {
      await consumeBatchJob(message, job.data, deps, { ...options, ...uploadOptions });
      continue;
    }
    const parsed = R2EventMessage.safeParse(message.body);
    if (!parsed.success) {
      options.log?.({
        level: "warn",
        msg: "queue message is not an R2 event notification; dropped",
        messageId: message.id,
      });
      message.ack();
      continue;
    }
    if (!isR2Create(parsed.data)) {
      message.ack();
      continue;
    }
    const key = parsed.data.object.key;
    const ok = await processUpload(deps, key, uploadOptions).then(
      (outcome) => {
        options.log?.({
          level: "info",
          msg: "upload processed",
          key,
          outcome: outcome.status === "done" ? outcome.result.status : outcome.reason,
        });
        return true;
      },
      async (error: unknown) => {
        const delaySeconds = retryDelaySeconds(message.attempts);
        // What a retry cannot fix, or the last delivery: record the failure so the upload has a result.
        const permanent = !isNianbaoError(error) || !error.retryable;
        if (permanent || message.attempts >= (options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
          try {
            await recordingTwice(() => recordFailure(deps, key, error));
            options.log?.({
              level: "error",
              msg: "upload conversion given up; recorded as failed",
              key,
              attempts: message.attempts,
              cause: String(error),
            });
            return true;
          } catch {
            // The store is unreachable even for the record: retry, and the dead-letter queue keeps it.
          }
        }
        options.log?.({
          level: "error",
          msg: "upload conversion failed; will retry",
          key,
          attempts: message.attempts,
          delaySeconds,
          cause: String(error),
        });
        message.retry({ delaySeconds });
        return false;
      },
    );
    if (ok) message.ack();
  }
}

/**
 * A failure record is small and the last word on an upload: a transient store fault while writing it is retried once
 * at once, so only a store that stays down leaves the message to the dead-letter queue.
 */
async function recordingTwice(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch {
    await write();
  }
}

/** One report of a zip batch (fan-out): converted and recorded; retried on a transient failure, recorded as failed at the end. */
async function consumeBatchJob(
  message: QueueMessage,
  job: BatchJob,
  deps: ServiceDeps,
  options: ConsumerOptions,
): Promise<void> {
  try {
    await processBatchJob(deps, job, options.batch);
    message.ack();
    return;
  } catch (error) {
    const permanent = !isNianbaoError(error) || !error.retryable;
    if (permanent || message.attempts >= (options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
      try {
        await recordingTwice(() => recordJobFailure(deps, job, error));
        options.log?.({
          level: "error",
          msg: "batch entry given up; recorded as failed",
          job,
          cause: String(error),
        });
        message.ack();
        return;
      } catch {
        // the store is unreachable even for the record: retried below
      }
    }
    options.log?.({ level: "error", msg: "batch entry failed; will retry", job, cause: String(error) });
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
  }
}
