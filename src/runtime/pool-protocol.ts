// The messages between the Node pool and its worker threads.
import type { ErrorCode, ErrorDetails } from "../core/errors.ts";
import type { Report } from "../core/model.ts";
import type { InputHint, PdfOptions } from "../service/engine.ts";

export type JobBody =
  | { op: "analyze"; input: Uint8Array | string; hint?: InputHint }
  | { op: "pdf"; report: Report; options?: PdfOptions }
  | { op: "html"; report: Report }
  | { op: "tujie"; report: Report; previous: Report | null }
  | { op: "spin" };

export type PoolJob = { id: number } & JobBody;

export type PoolReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code?: ErrorCode; message: string; details?: ErrorDetails };
