// The records of a zip batch: one per report entry, and the summary kept in incoming/<zip>.result.json.
import { z } from "zod";

export const EntryResult = z.object({
  index: z.number().int(),
  name: z.string(),
  status: z.enum(["published", "rejected", "failed"]),
  id: z.string().optional(),
  links: z.object({ self: z.string(), pdf: z.string(), html: z.string(), tujie: z.string() }).optional(),
  errors: z.number().int().optional(),
  warnings: z.number().int().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type EntryResult = z.infer<typeof EntryResult>;

/** What incoming/<zip>.result.json holds for a zip (status "batch"): one line per report and the totals. */
export const BatchSummary = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  published: z.number().int(),
  rejected: z.number().int(),
  failed: z.number().int(),
  entries: z.array(EntryResult),
  skipped: z.array(z.string()),
});
export type BatchSummary = z.infer<typeof BatchSummary>;
