// The report model of both editions as zod schemas: the single source of truth for types, API docs and CLI JSON.
import { z } from "zod";

/** A table cell: a number, or null when blank or unreadable (never silently 0). */
export const Cell = z.number().nullable();
export type Cell = z.infer<typeof Cell>;

export const Edition = z.enum(["2019", "2021"]);
export type Edition = z.infer<typeof Edition>;

export const SectionRole = z.enum([
  "preamble",
  "overview",
  "proactive",
  "requests",
  "appeals",
  "problems",
  "other",
  "extra",
]);
export type SectionRole = z.infer<typeof SectionRole>;

export const Block = z.object({
  type: z.enum(["heading", "paragraph"]),
  text: z.string(),
});
export type Block = z.infer<typeof Block>;

export const Section = z.object({
  role: SectionRole,
  heading: z.string(),
  blocks: z.array(Block),
});
export type Section = z.infer<typeof Section>;

// ---- Table 二 (proactive disclosure) ----

const DocRow2019 = z.object({ made: Cell, published: Cell, inForce: Cell });
const ItemRow2019 = z.object({ lastYear: Cell, change: Cell, decisions: Cell });

export const Proactive2019 = z.object({
  regulations: DocRow2019,
  normativeDocuments: DocRow2019,
  licensing: ItemRow2019,
  otherServices: ItemRow2019,
  penalties: ItemRow2019,
  coercion: ItemRow2019,
  fees: z.object({ lastYear: Cell, change: Cell }),
  procurement: z.object({ projects: Cell, amountWan: Cell }),
});
export type Proactive2019 = z.infer<typeof Proactive2019>;

const DocRow2021 = z.object({ issued: Cell, repealed: Cell, inForce: Cell });
const DecisionRow = z.object({ decisions: Cell });

export const Proactive2021 = z.object({
  regulations: DocRow2021,
  normativeDocuments: DocRow2021,
  licensing: DecisionRow,
  penalties: DecisionRow,
  coercion: DecisionRow,
  fees: z.object({ amountWan: Cell }),
});
export type Proactive2021 = z.infer<typeof Proactive2021>;

// ---- Table 三 (requests) ----

/** One row of table 三: the six applicant columns and their total. */
export const ApplicantRow = z.object({
  natural: Cell,
  commercial: Cell,
  research: Cell,
  nonprofit: Cell,
  legal: Cell,
  otherOrg: Cell,
  total: Cell,
});
export type ApplicantRow = z.infer<typeof ApplicantRow>;

const Withheld = z.object({
  stateSecret: ApplicantRow,
  prohibitedByLaw: ApplicantRow,
  threeSecurities: ApplicantRow,
  thirdParty: ApplicantRow,
  internalAffairs: ApplicantRow,
  processInfo: ApplicantRow,
  enforcementFiles: ApplicantRow,
  queryMatters: ApplicantRow,
});
const Unavailable = z.object({
  notHeld: ApplicantRow,
  needsCreation: ApplicantRow,
  unclear: ApplicantRow,
});
const NotProcessed = z.object({
  petition: ApplicantRow,
  duplicate: ApplicantRow,
  publication: ApplicantRow,
  excessive: ApplicantRow,
  confirmation: ApplicantRow,
});

const requestsShape = {
  received: ApplicantRow,
  carriedOver: ApplicantRow,
  granted: ApplicantRow,
  partiallyGranted: ApplicantRow,
  withheld: Withheld,
  unavailable: Unavailable,
  notProcessed: NotProcessed,
  handledTotal: ApplicantRow,
  carriedForward: ApplicantRow,
};

export const Requests2019 = z.object({ ...requestsShape, otherHandling: ApplicantRow });
export type Requests2019 = z.infer<typeof Requests2019>;

export const OtherHandling2021 = z.object({
  noCorrection: ApplicantRow,
  unpaidFee: ApplicantRow,
  other: ApplicantRow,
});
export const Requests2021 = z.object({ ...requestsShape, otherHandling: OtherHandling2021 });
export type Requests2021 = z.infer<typeof Requests2021>;

// ---- Table 四 (appeals) ----

export const AppealGroup = z.object({
  upheld: Cell,
  corrected: Cell,
  other: Cell,
  pending: Cell,
  total: Cell,
});
export type AppealGroup = z.infer<typeof AppealGroup>;

export const Appeals = z.object({
  review: AppealGroup,
  litigationDirect: AppealGroup,
  litigationAfterReview: AppealGroup,
});
export type Appeals = z.infer<typeof Appeals>;

// ---- The report ----

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

const reportBase = {
  organ: z.string().min(1).describe("机关名称"),
  year: z.number().int().min(2008).max(2100).describe("the year reported on"),
  title: z.string(),
  issuedOn: IsoDate.nullable().describe("signature date, ISO"),
  sections: z.array(Section),
  appeals: Appeals,
};

export const Report2019 = z.object({
  edition: z.literal("2019"),
  ...reportBase,
  proactive: Proactive2019,
  requests: Requests2019,
});
export type Report2019 = z.infer<typeof Report2019>;

export const Report2021 = z.object({
  edition: z.literal("2021"),
  ...reportBase,
  proactive: Proactive2021,
  requests: Requests2021,
});
export type Report2021 = z.infer<typeof Report2021>;

/** A normalized report of either edition. */
export const Report = z.discriminatedUnion("edition", [Report2019, Report2021]);
export type Report = z.infer<typeof Report>;

// ---- Findings ----

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  severity: Severity,
  code: z.string().describe("stable dotted code, documented in the README"),
  path: z.string().describe("JSON Pointer into the normalized report"),
  message: z.string().describe("Chinese, for the agency"),
  expected: z.number().optional(),
  actual: z.number().optional(),
  original: z.string().optional().describe("the value as written, where the normalizer changed it"),
  alternatives: z
    .array(z.unknown())
    .optional()
    .describe("other readings, for parse.ambiguous and parse.digits-guessed"),
  codePoint: z.string().optional().describe("U+XXXX, for font.missing-glyph"),
  line: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("for a finding about a cell read from text or HTML: the 1-based input line it was read from"),
});
export type Finding = z.infer<typeof Finding>;

/** Where a table cell was read in the input: 1-based line and column in the decoded text, and the text read there. */
export const CellSource = z.object({
  line: z.number().int().positive().describe("1-based line in the decoded input text (or HTML source)"),
  column: z.number().int().positive().describe("1-based column of the value's first character"),
  length: z.number().int().nonnegative().describe("characters of the value as written"),
  text: z.string().describe("the source line, or the run of text read, containing the value as written"),
  page: z.number().int().positive().optional().describe("page of a PDF or .docx input, when known"),
  table: z.number().int().nonnegative().optional().describe("index of the table in a .docx/PDF input"),
  row: z.number().int().nonnegative().optional().describe("row index in that table"),
  cell: z.number().int().nonnegative().optional().describe("cell index in that row"),
});
export type CellSource = z.infer<typeof CellSource>;

/** JSON Pointer of a table cell → where it was read. Empty for JSON input. */
export const Sources = z.record(z.string(), CellSource);
export type Sources = z.infer<typeof Sources>;

export const ValidationResult = z.object({
  report: Report,
  findings: z.array(Finding),
  sources: Sources.describe("JSON Pointer of each table cell read from text or HTML → where it was read"),
});
export type ValidationResult = z.infer<typeof ValidationResult>;
