// Test helpers: damage one table row of a report written out as text, in each way real copies damage rows (padded bars, dropped blanks, a garbled label, run-together digits, values apart from their label, table 四 as one digit run).
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  proactiveBlocks,
  requestRows,
} from "../../src/core/labels.ts";
import type { Cell, Report } from "../../src/core/model.ts";
import { type Layout, writeReport } from "./parse-layouts.ts";

export type Damage =
  /** Markdown: the row's blank cells vanished and the bars were padded at the end (「| 予以公开 | 3 | 3 | |||||||」). */
  | "padded"
  /** Markdown: the row's blank cells vanished and fewer bars than columns are left (「3 | 3 | | | | |」). */
  | "bars"
  /** Tab text: the row's blank cells dropped, the values left from the label (PDF text). */
  | "short"
  /** Tab text: the row label garbled (OCR), so it is read by position. */
  | "label"
  /** Tab text: the row's values run together in one digit string (crawler text). */
  | "run"
  /** Tab text: the row's values on a line of their own after the next row (PDF → text reading order). */
  | "apart"
  /** Tab text: table 四's fifteen cells as one digit run after its header. */
  | "appeals-run"
  /** Tab text: table 四 as one digit run, then text run on with a second run of fifteen digits written otherwise. */
  | "appeals-twice"
  /** Tab text: table 二's column headers copied from the other edition's form, over rows written in their own. */
  | "headers-copied"
  /** Crawler text: table 二's last row run into a sentence opening with a year (「行政事业性收费02017年，我局…」). */
  | "year-glued";

export const DAMAGES: readonly Damage[] = [
  "padded",
  "bars",
  "short",
  "label",
  "run",
  "apart",
  "appeals-run",
  "appeals-twice",
  "headers-copied",
  "year-glued",
];

/** Damages of a whole table (tried once a report, not row by row). */
export const TABLE_DAMAGES: readonly Damage[] = ["appeals-run", "appeals-twice", "headers-copied"];

/** A damageable table row: its table, model path, label as written, and columns. */
export interface RowRef {
  table: "proactive" | "requests";
  path: readonly string[];
  label: string;
  columns: readonly string[];
}

/** Every row of tables 二 and 三 of an edition. */
export function damageableRows(edition: Report["edition"]): RowRef[] {
  const out: RowRef[] = [];
  for (const b of proactiveBlocks(edition))
    for (const r of b.rows)
      out.push({ table: "proactive", path: [r.key], label: r.label, columns: b.columns.map((c) => c.key) });
  for (const d of requestRows(edition))
    out.push({
      table: "requests",
      path: d.path,
      label: d.label,
      columns: APPLICANT_COLUMNS.map((c) => c.key),
    });
  return out;
}

function rowOf(report: Report, row: RowRef): Record<string, Cell> {
  let node: unknown = (report as unknown as Record<string, unknown>)[row.table];
  for (const k of row.path) node = (node as Record<string, unknown>)[k];
  return node as Record<string, Cell>;
}

/** The row's cells in column order. */
export function rowValues(report: Report, row: RowRef): Cell[] {
  const cells = rowOf(report, row);
  return row.columns.map((c) => cells[c] ?? null);
}

/**
 * Blanks the row's zero part cells the `mask` picks (bit i: part i), keeping every sum: a total stays, a part
 * that is 0 becomes blank (blank parts count as 0). Returns whether a cell changed.
 */
export function blankZeros(report: Report, row: RowRef, mask: number): boolean {
  const cells = rowOf(report, row);
  let changed = false;
  row.columns.forEach((c, i) => {
    if (c === "total" || c === "change") return;
    if (cells[c] === 0 && (mask >> i) & 1) {
      cells[c] = null;
      changed = true;
    }
  });
  return changed;
}

const GARBLE = "口囗□";

/** An OCR-garbled label: the words kept only in part, so no label rule recognizes it. */
function garbled(label: string): string {
  const chars = [...label.replace(/^[0-9（）()一二三四五六七八九十、.]+/, "")];
  return chars.map((c, i) => (i % 2 === 1 ? (GARBLE[i % 3] as string) : c)).join("");
}

const text = (v: Cell) => (v === null ? "" : String(v));

/**
 * The report written in the layout the damage needs (markdown for "padded", tab text otherwise) with `row`
 * damaged; undefined when the damage does not apply to the row (no blank to lose, one value only).
 */
export function damagedText(report: Report, damage: Damage, row: RowRef): string | undefined {
  const layout: Layout = damage === "padded" || damage === "bars" ? "markdown" : "tabs";
  const lines = writeReport(report, layout).split("\n");
  const values = rowValues(report, row).map(text);
  if (damage === "headers-copied") {
    const other = proactiveBlocks(report.edition === "2021" ? "2019" : "2021");
    let changed = false;
    for (const block of proactiveBlocks(report.edition)) {
      const copied = other.find((b) => b.article === block.article);
      const i = lines.indexOf(["信息内容", ...block.columns.map((c) => c.label)].join("\t"));
      if (!copied || i < 0) continue;
      lines[i] = ["信息内容", ...copied.columns.map((c) => c.label)].join("\t");
      changed = true;
    }
    return changed ? lines.join("\n") : undefined;
  }
  if (TABLE_DAMAGES.includes(damage)) {
    const all = APPEAL_GROUPS.flatMap((g) =>
      APPEAL_COLUMNS.map((c) =>
        text(report.appeals[g.key][c.key as keyof (typeof report.appeals)["review"]]),
      ),
    );
    const i = lines.indexOf(all.join("\t"));
    if (i < 0 || all.some((v) => v === "")) return undefined;
    lines[i] = all.join("");
    if (damage === "appeals-twice") {
      // Run on after its header (crawler text), then a second run written otherwise (its first cell one more): a
      // corrected copy, or a fee table's cells run on after a heading the standard headings do not end.
      const second = [String(Number(all[0]) + 1), ...all.slice(1)].join("");
      lines.splice(i - 1, 2, `${lines[i - 1]}${all.join("")}信息处理费收取情况${second}`);
    }
    return lines.join("\n");
  }
  const sep = layout === "markdown" ? " | " : "\t";
  const i = lines.findIndex((l) => l.includes(row.label) && l.includes(`${sep}${values.join(sep)}`));
  if (i < 0) return undefined;
  const line = lines[i] as string;
  const written = values.filter((v) => v !== "");
  switch (damage) {
    case "padded": {
      if (written.length === values.length || written.length === 0) return undefined;
      const head = line.slice(0, line.indexOf(` | ${values.join(" | ")}`));
      lines[i] = `${head} | ${written.join(" | ")} | ${"|".repeat(values.length - written.length + 3)}`;
      break;
    }
    case "bars": {
      if (written.length === values.length || written.length === 0) return undefined;
      const head = line.slice(0, line.indexOf(` | ${values.join(" | ")}`));
      const bars = new Array(values.length - written.length - 1).fill(" ");
      lines[i] = `${head} | ${[...written, ...bars].join(" | ")} |`;
      break;
    }
    case "short": {
      if (written.length === values.length || written.length === 0) return undefined;
      lines[i] = `${line.slice(0, line.indexOf(`\t${values.join("\t")}`))}\t${written.join("\t")}`;
      break;
    }
    case "label": {
      lines[i] = line.replace(row.label, garbled(row.label));
      break;
    }
    case "run": {
      // Only a row written in full: a blank lost from a run of one digit per cell is the text as written.
      if (written.length !== values.length || written.some((v) => !/^[0-9]+$/.test(v))) return undefined;
      lines[i] = `${line.slice(0, line.indexOf(`\t${values.join("\t")}`))}${written.join("")}`;
      break;
    }
    case "year-glued": {
      // Table 二's last row, written in full in digits, its cells and a sentence after it run together: a year
      // three before the report's (not confirmed by it) and one after it (the year the report is written).
      const last = proactiveBlocks(report.edition).at(-1)?.rows.at(-1);
      if (row.table !== "proactive" || row.path[0] !== last?.key) return undefined;
      if (written.length !== values.length || written.some((v) => !/^[0-9]$/.test(v))) return undefined;
      const year = report.year + (row.columns.length % 2 === 0 ? 1 : -3);
      lines[i] = `${row.label}${written.join("")}${year}年，我局持续做好政府信息公开工作。`;
      break;
    }
    case "apart": {
      // Two rows' labels in one run and their value rows in another (pdftotext's reading order of table 三).
      const next = (lines[i + 1] ?? "").split("\t");
      if (row.table !== "requests" || next.length < 8) return undefined;
      const nextValues = next.slice(-7);
      if (nextValues.some((v) => !/^[0-9]*$/.test(v))) return undefined;
      lines[i] = line.slice(0, line.indexOf(`\t${values.join("\t")}`));
      lines[i + 1] = next.slice(0, -7).join("\t");
      lines.splice(i + 2, 0, values.join("\t"), nextValues.join("\t"));
      break;
    }
  }
  return lines.join("\n");
}
