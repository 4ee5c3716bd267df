// The parser's finding codes, for the catalogue in src/core/codes.ts and the README.
import type { CodeDoc } from "../finding.ts";

export const PARSE_CODES = [
  {
    code: "parse.cell-inferred",
    severity: "info",
    meaning: "A cell missing from the text was filled because R1–R4 force its value; `expected` holds it.",
  },
  {
    code: "parse.cell-missing",
    severity: "warning",
    meaning: "A cell missing from the text that no rule can recover; set to null.",
  },
  {
    code: "parse.digits-split",
    severity: "info",
    meaning:
      "Run-together digits (「640020470」) split into cells; the split is the only one the row's rules allow, or — when no split keeps the row's own total, every other row of table 三 is read as written and one split alone equals the results column by column (R3) — that one (R1 and R2 are then checked on it as on written cells).",
  },
  {
    code: "parse.digits-too-long",
    severity: "warning",
    meaning:
      "Run-together digits longer than the row's cells can hold (15 characters a cell): not split, the row left blank; nothing searched.",
  },
  {
    code: "parse.ambiguous",
    severity: "warning",
    meaning:
      "Run-together digits allow several splits that satisfy every rule; the most plausible is used, `alternatives` lists all.",
  },
  {
    code: "parse.label-by-order",
    severity: "warning",
    meaning:
      "A row label that could not be recognized (OCR typo, cut by wrapping) was read as the next row of the table, by position.",
  },
  {
    code: "parse.row-assembled",
    severity: "info",
    meaning:
      "A row's values were written on a line of their own, apart from its label (PDF → markdown conversions); they were placed by the official row order between rows read with their labels. A rule failure involving them is `rule.uncertain`.",
  },
  {
    code: "parse.cells-placed",
    severity: "warning",
    meaning:
      "A row's values do not say which columns they sit in (blank cells dropped, table bars padded at the end of the row, one cell too many with blanks at both ends) and no sum of the row or table, nor R5, decides it alone: the cells all placements agree on are kept (or, with none that keeps the sums, the values read from the left). A rule failure involving the row is `rule.uncertain`.",
  },
  {
    code: "parse.column-by-position",
    severity: "warning",
    meaning:
      "A 2021 cell under a header of the 2019 form that means something else (本年新公开数量 where the 2021 form has 本年废止件数): the value written in its place is read, as a doubt. A rule failure on it is `rule.uncertain`.",
  },
  {
    code: "parse.run-chosen",
    severity: "warning",
    meaning:
      "Table 四 written without group labels, and more than one run of values could fill its fifteen cells, written differently (a second copy, a fee table or prose run on after it): the last run with fifteen cells (else the last with fifteen digits) is read, the others are named. A rule failure on table 四 is `rule.uncertain`.",
  },
  {
    code: "parse.year-cut",
    severity: "warning",
    meaning:
      "A row's digits run into the prose after the table (「行政事业性收费02025年，我局…」) and their last four were read as the year that opens it, a year that is neither the report's nor the next: the cells are read before it, as a doubt. A rule failure involving the row is `rule.uncertain`.",
  },
  {
    code: "parse.digits-guessed",
    severity: "warning",
    meaning:
      "Run-together digits that split several ways, none of which makes the row's own sums hold (blank cells lost from the run?): the most plausible split is used, `alternatives` lists all. A rule failure involving the row is `rule.uncertain` when one of them makes it hold.",
  },
  {
    code: "parse.extra-cells",
    severity: "warning",
    meaning: "A row has more values than columns; the extra values are not used.",
  },
  {
    code: "parse.row-missing",
    severity: "warning",
    meaning: "A table row was not found in the text; its cells are null.",
  },
  {
    code: "parse.table-missing",
    severity: "warning",
    meaning: "A whole table was not found in the text; its cells are null.",
  },
  {
    code: "parse.edition-unclear",
    severity: "warning",
    meaning:
      "Both editions' headers or row labels show, or none do, and the two readings of the tables come within one unreadable row or cell of each other: the one with fewer is used, and the cells whose meaning depends on the edition (table 二's columns, table 三's （六）其他处理 rows) are named as doubts. A rule failure involving them is `rule.uncertain`.",
  },
  {
    code: "parse.edition-assumed",
    severity: "info",
    meaning: "No header or row tells the table edition; it was taken from the year (≥ 2021 → 2021).",
  },
  {
    code: "parse.year-guessed",
    severity: "warning",
    meaning: "No year in the title or body; taken from the signature date (minus one) or the edition.",
  },
  {
    code: "parse.organ-from-signature",
    severity: "info",
    meaning: "The title names no organ; the signature's organ is used.",
  },
  {
    code: "parse.organ-from-body",
    severity: "info",
    meaning: "The title names no organ; the organ named in the body is used.",
  },
  {
    code: "parse.organ-missing",
    severity: "warning",
    meaning: "No organ found in the title, signature or body.",
  },
  {
    code: "parse.blanks-assumed",
    severity: "warning",
    meaning:
      "A row with a sum rule has a single number: it is read as the total and the other cells as blank (PDF text drops blank cells).",
  },
  {
    code: "parse.traditional-script",
    severity: "info",
    meaning:
      "The text is written in traditional characters (a converted copy of the report); it was read with their simplified forms, character for character, and its prose is shown in simplified characters.",
  },
  {
    code: "parse.title-missing",
    severity: "info",
    meaning: "The text has no title line; 「{organ}{year}年度政府信息公开工作年度报告」 is used.",
  },
] as const satisfies readonly CodeDoc[];

/** Parser findings that mark the cells (at or below their path) as read by choice, not as written. */
export const DOUBT_CODES: ReadonlySet<string> = new Set([
  "parse.cell-inferred",
  "parse.ambiguous",
  "parse.label-by-order",
  "parse.blanks-assumed",
  "parse.row-assembled",
  "parse.cells-placed",
  "parse.digits-guessed",
  "parse.column-by-position",
  "parse.run-chosen",
  "parse.edition-unclear",
  "parse.year-cut",
  // A cell left blank because the text had no reading of it (missing, dropped as extra, too long to split).
  "parse.cell-missing",
  "parse.row-missing",
  "parse.extra-cells",
  "parse.digits-too-long",
  "parse.table-missing",
]);
