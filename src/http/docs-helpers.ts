// Small builders for the OpenAPI path entries: report bodies, JSON responses, the shared error responses.
import type { z } from "zod";
import { ERROR_CODES } from "../core/errors.ts";
import { ErrorBody } from "./schemas.ts";

export const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const errorStatuses = [...new Set(Object.values(ERROR_CODES).map((e) => e.status))].sort();

/** Error responses for the given statuses, each listing the codes that can carry it. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(
    statuses
      .filter((s) => errorStatuses.includes(s as (typeof errorStatuses)[number]))
      .map((s) => [
        String(s),
        json(
          ErrorBody,
          Object.entries(ERROR_CODES)
            .filter(([, e]) => e.status === s)
            .map(([code]) => code)
            .join(", "),
        ),
      ]),
  );
}

/**
 * The forms a report can be sent in. The JSON model is referenced, not validated here: loose JSON (cells as text,
 * a missing edition) is the core normalizer's to read, with a finding for each change (the component is `ReportModel` in schemas.ts).
 */
export const reportBody = () => ({
  required: true,
  description:
    "The report as the JSON model, raw text (UTF-8 or GB18030, by charset), HTML, a Word .docx, a PDF with a text layer, or a multipart form with a `file` (its kind told by its bytes). Legacy .doc/.wps, OFD, images and scanned PDFs are answered 415 with what to do.",
  content: {
    "application/json": { schema: { $ref: "#/components/schemas/Report" } },
    "text/plain": { schema: { type: "string" as const } },
    "text/html": { schema: { type: "string" as const } },
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
      schema: { type: "string" as const, format: "binary" },
    },
    "application/pdf": { schema: { type: "string" as const, format: "binary" } },
    "application/octet-stream": { schema: { type: "string" as const, format: "binary" } },
    "multipart/form-data": {
      schema: {
        type: "object" as const,
        properties: { file: { type: "string" as const, format: "binary" } },
      },
    },
  },
});

export const bearer = [{ bearer: [] as string[] }];
