// What is stored beside a report's artifacts (reports/<id>/meta.json) and answered by GET /v1/reports/{id}.
import { z } from "zod";
import { Edition, Finding } from "../core/model.ts";

export const ReportMeta = z.object({
  id: z
    .string()
    .describe(
      "content id: SHA-256 of the normalized report, the renderer version, the font set and the PDF options (tagged), 32 hex digits",
    ),
  organ: z.string().describe("机关名称"),
  year: z.number().int().describe("the year reported on"),
  edition: Edition,
  title: z.string(),
  issuedOn: z.string().nullable(),
  createdAt: z.string().describe("first publication, ISO 8601"),
  rendererVersion: z.string(),
  forced: z.boolean().describe("published with error findings through ?force=true"),
  tagged: z
    .boolean()
    .optional()
    .describe(
      "the PDF is tagged (structure tree, /MarkInfo: ?tagged=true or TAGGED_PDF); absent before the option",
    ),
  findings: z.array(Finding),
  sizes: z.object({
    pdf: z.number().int(),
    html: z.number().int(),
    json: z.number().int(),
    tujieHtml: z.number().int().optional(),
    tujiePdf: z.number().int().optional(),
  }),
  previous: z
    .object({ id: z.string(), year: z.number().int() })
    .nullable()
    .optional()
    .describe(
      "the organ's report of the year before that the cross-year checks ran against; null: none stored",
    ),
});
export type ReportMeta = z.infer<typeof ReportMeta>;
