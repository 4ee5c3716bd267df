// The API's request and response shapes as zod schemas: validation and the OpenAPI document come from these.
import { z } from "zod";
import { ERROR_CODES } from "../core/errors.ts";
import { Finding, Report, Sources } from "../core/model.ts";
import { ReportMeta } from "../service/meta.ts";

/**
 * The report model as the `Report` component (zod metadata id): answers embed it, and report bodies reference it
 * by `$ref` so that loose JSON reaches the core's normalizer instead of being refused by the strict schema.
 */
export const ReportModel = Report.meta({ id: "Report" });

export const Links = z.object({
  self: z.string().describe("metadata of this version"),
  pdf: z.string(),
  html: z.string(),
  json: z.string().describe("the normalized report model"),
  tujie: z.string().describe("报告图解: the illustrated summary page (HTML)"),
  tujiePdf: z.string().describe("报告图解 as an A4 PDF"),
});

export const PortalLinks = z.object({
  pdf: z.string().describe("stable link to the latest version for this organ and year"),
  html: z.string(),
  tujie: z.string().describe("stable link to the latest version's 报告图解"),
});

export const PreviousRef = z
  .object({ id: z.string(), year: z.number().int() })
  .nullable()
  .describe(
    "the organ's report of the year before, found in storage, that the cross-year checks ran against",
  );

export const Published = z.object({
  id: z.string(),
  created: z.boolean().describe("false when this report was already stored (nothing was written)"),
  report: ReportModel.optional().describe("left out with Prefer: return=minimal"),
  findings: z.array(Finding),
  sources: Sources.optional().describe(
    "JSON Pointer of each table cell read from text or HTML → {line, column, length, text}; {} for JSON input; left out with Prefer: return=minimal",
  ),
  links: Links,
  portal: PortalLinks,
  previous: PreviousRef,
});

export const Validated = z.object({
  report: ReportModel,
  findings: z.array(Finding),
  sources: Sources.describe(
    "JSON Pointer of each table cell read from text or HTML → where it was read: 1-based line and column in the decoded input (the HTML source for HTML), length, and the text read there; {} for JSON input",
  ),
  previous: PreviousRef,
});

export const ReportInfo = ReportMeta.extend({ links: Links, portal: PortalLinks });

/** The metadata under `Prefer: return=minimal`: finding counts instead of the findings. */
export const ReportInfoMinimal = ReportMeta.omit({ findings: true }).extend({
  findingCounts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  links: Links,
  portal: PortalLinks,
});

export const Version = z.object({
  id: z.string(),
  year: z.number().int(),
  createdAt: z.string(),
  links: Links,
});
export const VersionList = z.object({
  organ: z.string(),
  year: z.number().int().optional(),
  versions: z.array(Version),
});

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]),
    message: z.string().describe("Chinese, safe to show"),
    requestId: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    findings: z.array(Finding).optional().describe("with invalid_report: the error findings and the rest"),
  }),
});

/** A true/false query value (read by queryFlag in http/parse.ts). */
const QueryFlag = z.enum(["true", "false", "1", "0"]);

export const ForceQuery = z.object({
  force: QueryFlag.optional().describe("publish/render even with error findings"),
});

/** A tagged PDF (accessible: structure tree, /MarkInfo); absent: the service's default (TAGGED_PDF, else untagged). */
const Tagged = QueryFlag.optional().describe(
  "a tagged PDF (无障碍: structure tree of headings, paragraphs and tables with header cells, /MarkInfo): larger and slower to make; absent: the service's default (TAGGED_PDF, else false). A tagged report is stored under its own id",
);

export const PublishQuery = ForceQuery.extend({ tagged: Tagged });

export const RenderQuery = ForceQuery.extend({
  format: z.enum(["pdf", "html"]).default("pdf"),
  tagged: Tagged.describe(
    "with format=pdf: a tagged PDF (structure tree, /MarkInfo); absent: the service's default",
  ),
});

export const VersionsQuery = z.object({
  organ: z.string().min(1).max(200).describe("机关名称, as in the report"),
  year: z.coerce.number().int().min(2008).max(2100).optional(),
});

export const S3EventResults = z.object({
  results: z.array(
    z.object({
      key: z.string(),
      status: z.enum(["published", "rejected", "ignored", "failed", "batch"]),
      id: z.string().optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});

export const Health = z.object({ status: z.literal("ok"), storage: z.string(), rendererVersion: z.string() });
