// Storage event notifications (R2 via Queues, S3/MinIO as JSON) → the keys of created objects to convert.
import { z } from "zod";

/** The message body R2 event notifications put on a Queue. */
export const R2EventMessage = z.object({
  account: z.string().optional(),
  bucket: z.string(),
  action: z.string(),
  object: z.object({ key: z.string(), size: z.number().optional(), eTag: z.string().optional() }),
  eventTime: z.string().optional(),
});
export type R2EventMessage = z.infer<typeof R2EventMessage>;

const R2_CREATE_ACTIONS = new Set(["PutObject", "CopyObject", "CompleteMultipartUpload"]);
export const isR2Create = (m: R2EventMessage): boolean => R2_CREATE_ACTIONS.has(m.action);

/** Records accepted in one S3 event notification (AWS sends one per event); more → 413 input_limit. */
export const MAX_EVENT_RECORDS = 100;

/** Just the length of Records, checked before the records themselves are. */
export const S3EventRecordCount = z.object({ Records: z.array(z.unknown()) });

/** The S3 event notification shape (AWS, MinIO webhooks, and the S3-compatible clouds). */
export const S3Event = z.object({
  Records: z
    .array(
      z.object({
        eventName: z.string(),
        s3: z.object({
          bucket: z.object({ name: z.string() }),
          object: z.object({ key: z.string(), eTag: z.string().optional(), size: z.number().optional() }),
        }),
      }),
    )
    .min(1)
    .max(MAX_EVENT_RECORDS),
});
export type S3Event = z.infer<typeof S3Event>;

/** S3 puts keys in events form-encoded ("a+b%2Fc" is "a b/c"). */
export const decodeS3EventKey = (key: string): string => {
  try {
    return decodeURIComponent(key.replace(/\+/g, " "));
  } catch {
    // Malformed escapes ("%zz"): left as sent, so the record fails as a missing object instead of the request.
    return key;
  }
};

export const isS3Create = (eventName: string): boolean => /(^|:)ObjectCreated:/.test(eventName);

/** Delay before a retry: 10 s doubling per attempt, at most 15 minutes. */
export const retryDelaySeconds = (attempts: number): number =>
  Math.min(900, 10 * 2 ** Math.max(0, attempts - 1));
