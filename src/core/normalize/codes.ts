// The finding codes of the JSON normalizer, with their severities and meanings.
import type { CodeDoc } from "../finding.ts";

export const NORMALIZE_CODES = [
  {
    code: "normalize.fullwidth",
    severity: "info",
    meaning: "Full-width digits or signs (１２, －２) read as half-width.",
  },
  { code: "normalize.signed-word", severity: "info", meaning: "「增3」/「减2」 read as a signed number." },
  {
    code: "normalize.blank-mark",
    severity: "info",
    meaning: "A blank text or mark (「/」, 「-」, 「无」) read as null (blank), not 0.",
  },
  {
    code: "normalize.yuan-to-wan",
    severity: "info",
    meaning: "An amount written in 元 converted to 万元; `original` keeps it as written.",
  },
  {
    code: "normalize.unit-stripped",
    severity: "info",
    meaning: "A unit after a number (件, 个, 万元) removed.",
  },
  {
    code: "normalize.thousands-separator",
    severity: "info",
    meaning: "Thousands separators (1,234) removed.",
  },
  {
    code: "normalize.trimmed",
    severity: "info",
    meaning: "Spaces (also full-width and NBSP) trimmed from a cell or text.",
  },
  {
    code: "normalize.unreadable",
    severity: "warning",
    meaning: "A cell text that is not a number; kept as null, `original` has the text.",
  },
  {
    code: "normalize.unknown-field",
    severity: "warning",
    meaning:
      "A table field the model does not have; ignored (its value is not used). Past 250 findings the rest are counted in one finding (`actual`), not listed.",
  },
  {
    code: "normalize.extra-field",
    severity: "info",
    meaning: "A top-level field the model does not have (e.g. `expect`); ignored.",
  },
  {
    code: "normalize.edition-inferred",
    severity: "info",
    meaning: "`edition` was missing; inferred from the table shape or from `year` (≥ 2021 → 2021).",
  },
  {
    code: "normalize.year-text",
    severity: "info",
    meaning: "`year` given as text (「2020年」) read as a number.",
  },
  {
    code: "normalize.title-default",
    severity: "info",
    meaning: "`title` was missing; set to 「{organ}{year}年度政府信息公开工作年度报告」.",
  },
  {
    code: "normalize.date-format",
    severity: "info",
    meaning: "`issuedOn` written as 「2021年1月25日」 (or similar) converted to an ISO date.",
  },
  {
    code: "normalize.date-unreadable",
    severity: "warning",
    meaning: "`issuedOn` is not a date; set to null.",
  },
  {
    code: "normalize.role-inferred",
    severity: "info",
    meaning: "A section without a valid `role`; the role was inferred from its heading.",
  },
  {
    code: "normalize.block-text",
    severity: "info",
    meaning: "A section block given as a bare string; read as a paragraph.",
  },
  {
    code: "edition.mix",
    severity: "warning",
    meaning:
      "Rows or years of the other edition: e.g. a single （六）其他处理 row in a 2021 report, 2019-only rows of table 二, or year ≥ 2021 with edition 2019.",
  },
] as const satisfies readonly CodeDoc[];
