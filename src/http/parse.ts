// Request parts checked against a zod schema; failures become one invalid_input error through fromZodError.
import type { z } from "zod";
import { fromZodError } from "../core/errors.ts";

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZodError(r.error);
  return r.data;
}

export const isForced = (force: string | undefined): boolean => force === "true" || force === "1";
