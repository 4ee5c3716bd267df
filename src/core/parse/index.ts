// Raw text and HTML → report model: metadata, sections with prose blocks, and tables 二/三/四 of either edition, with findings.
import { type CellRef, setCell } from "../cells.ts";
import { NianbaoError } from "../errors.ts";
import { finding } from "../finding.ts";
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, defaultTitle, requestRows } from "../labels.ts";
import type { Block, Edition, Finding, Report, Section, Sources } from "../model.ts";
import { pointer } from "../pointer.ts";
import { detectEdition } from "./edition.ts";
import { htmlToText } from "./html.ts";
import { cleanLines, trimAll } from "./lines.ts";
import {
  findSignature,
  findTitle,
  organFromBody,
  organFromTitle,
  yearFrom,
  yearFromBody,
} from "./metadata.ts";
import { isProseLine, type RawSection, splitSections, toBlocks } from "./sections.ts";
import { type CellSource, Locator } from "./sources.ts";
import { parseAppeals } from "./tables/appeals.ts";
import { parseProactive } from "./tables/proactive.ts";
import { parseRequests } from "./tables/requests.ts";
import { tokenize } from "./tokens.ts";

export { PARSE_CODES } from "./codes.ts";
export { decodeInput } from "./decode.ts";

export type TextKind = "text" | "html";

const TABLE_ROLES = ["proactive", "requests", "appeals"] as const;
const PROBLEMS = new Set([
  "parse.row-missing",
  "parse.cell-missing",
  "parse.extra-cells",
  "parse.label-by-order",
  "normalize.unreadable",
]);

/** JSON Pointers of cells, built once: row and column keys are plain identifiers (no escaping needed). */
const CELL_KEYS = new Map<string, Map<string, string>>();
function cellKey(ref: CellRef): string {
  const row = `${ref.table}/${ref.row.join("/")}`;
  let cols = CELL_KEYS.get(row);
  if (!cols) {
    cols = new Map();
    CELL_KEYS.set(row, cols);
  }
  let key = cols.get(ref.column);
  if (key === undefined) {
    key = `/${row}/${ref.column}`;
    cols.set(ref.column, key);
  }
  return key;
}

/**
 * Parses a report written as text or HTML. Throws NianbaoError("not_a_report") when no report can be found.
 * `sources` maps the JSON Pointer of every table cell read from the input to where it was written.
 */
export function parseReport(
  text: string,
  kind: TextKind,
): { report: Report; findings: Finding[]; sources: Sources } {
  const source = kind === "html" ? htmlToText(text) : text;
  const lines = cleanLines(source);
  if (lines.every((l) => trimAll(l) === "")) throw new NianbaoError("empty_input");
  const findings: Finding[] = [];
  const { head, sections } = splitSections(lines);

  // Signature at the very end: date (issuedOn) and maybe the organ; removed from the last section's prose.
  const tail = sections[sections.length - 1]?.lines ?? head;
  const signature = findSignature(tail);
  if (signature) for (const i of [...signature.lines].sort((a, b) => b - a)) tail.splice(i, 1);

  // Title and preamble.
  const titleFound = findTitle(head);
  const preambleLines = titleFound ? head.slice(titleFound.used) : head;

  // Tables: the lines of each table section that are not prose notes.
  const tableLines: Record<(typeof TABLE_ROLES)[number], string[]> = {
    proactive: [],
    requests: [],
    appeals: [],
  };
  const notes = new Map<RawSection, string[]>();
  for (const s of sections) {
    if (!(TABLE_ROLES as readonly string[]).includes(s.role)) continue;
    const prose: string[] = [];
    const table = tableLines[s.role as (typeof TABLE_ROLES)[number]];
    for (const l of s.lines) (isProseLine(l) ? prose : table).push(l);
    notes.set(s, prose);
  }
  const haveSections = new Set(sections.map((s) => s.role));
  for (const role of TABLE_ROLES)
    if (!haveSections.has(role)) tableLines[role] = lines.filter((l) => !isProseLine(l));

  const titleYear = titleFound ? yearFrom(titleFound.title) : undefined;
  const bodyParas = [...preambleLines, ...(sections.find((s) => s.role === "overview")?.lines ?? [])].map(
    trimAll,
  );
  let year = titleYear ?? yearFromBody(bodyParas.filter((p) => p !== ""));
  const evidence = detectEdition([...tableLines.proactive, ...tableLines.requests].join("\n"));
  const byYear: Edition = year !== undefined && year >= 2021 ? "2021" : "2019";
  const opts = { trailingEmptyIsArtefact: kind === "text", locator: new Locator(text, kind) };
  const tokensOf = (role: (typeof TABLE_ROLES)[number]) => {
    if (!haveSections.has(role)) opts.locator?.restart();
    return tokenize(tableLines[role], opts);
  };
  const tokens = {
    proactive: tokensOf("proactive"),
    requests: tokensOf("requests"),
    appeals: tokensOf("appeals"),
  };
  const readTables = (ed: Edition) => {
    const local: Finding[] = [];
    const tables = {
      proactive: parseProactive(tokens.proactive, ed, local, haveSections.has("proactive")),
      requests: parseRequests(tokens.requests, ed, local, haveSections.has("requests")),
      appeals: parseAppeals(tokens.appeals, ed, local),
    };
    const problems = local.filter((f) => PROBLEMS.has(f.code)).length;
    return { ed, tables, local, problems };
  };
  // Headers may be wrong (OCR, copied from the other form): when both forms show, or neither, the rows decide.
  let read = readTables(evidence.edition ?? byYear);
  if (!evidence.edition || (evidence.score2019 > 0 && evidence.score2021 > 0)) {
    const other = readTables(read.ed === "2021" ? "2019" : "2021");
    if (other.problems < read.problems) read = other;
  }
  const edition = read.ed;
  if (!evidence.edition)
    findings.push(
      finding(
        "parse.edition-assumed",
        "/edition",
        `表格中没有可区分版本的表头，已按表格各行的写法${edition === byYear ? "和年度" : ""}认定为${edition}版格式`,
      ),
    );
  if (year === undefined) {
    year = signature ? Number(signature.issuedOn.slice(0, 4)) - 1 : edition === "2021" ? 2021 : 2019;
    findings.push(finding("parse.year-guessed", "/year", `未能从标题或正文读出报告年度，已推定为${year}年`));
  }
  findings.push(...read.local);
  const { proactive, requests, appeals } = read.tables;

  const standardRoles = sections.filter((s) => s.role !== "extra").length;
  // A run of bare digits is no table 四: that one counts only under its heading or with its column words.
  const appealsTable =
    appeals.found && (haveSections.has("appeals") || /行政复议|行政诉讼/.test(tableLines.appeals.join("")));
  if (!proactive.found && !requests.found && !appealsTable && standardRoles < 2 && !titleFound)
    throw new NianbaoError("not_a_report");
  for (const [role, found] of [
    ["proactive", proactive.found],
    ["requests", requests.found],
    ["appeals", appeals.found],
  ] as const)
    if (!found)
      findings.push(
        finding("parse.table-missing", pointer(role), `未能在原文中找到表格「${role}」，各单元格置空`),
      );

  // Organ: title, else signature, else the body.
  let organ = titleFound ? organFromTitle(titleFound.title) : undefined;
  if (!organ && signature?.organ) {
    organ = signature.organ;
    findings.push(
      finding("parse.organ-from-signature", "/organ", `标题中没有机关名称，已取落款「${organ}」`),
    );
  }
  if (!organ) {
    const body = organFromBody(bodyParas.filter((p) => p !== ""));
    if (body) {
      organ = body;
      findings.push(
        finding("parse.organ-from-body", "/organ", `标题中没有机关名称，已取正文中的「${organ}」`),
      );
    }
  }
  if (!organ) {
    organ = "未知机关";
    findings.push(finding("parse.organ-missing", "/organ", "未能从标题、落款或正文中读出机关名称"));
  }
  let title = titleFound?.title ?? "";
  if (!title) {
    title = defaultTitle(organ, year);
    findings.push(finding("parse.title-missing", "/title", `原文没有标题，已按「${title}」补充`));
  }

  // Sections and blocks.
  const out: Section[] = [];
  const preamble = toBlocks(preambleLines);
  if (preamble.length > 0) out.push({ role: "preamble", heading: "", blocks: preamble });
  for (const s of sections) {
    const blocks: Block[] = toBlocks(notes.get(s) ?? s.lines);
    out.push({ role: s.role, heading: s.heading, blocks });
  }

  // Assemble tables.
  const report: Record<string, unknown> = {
    edition,
    organ,
    year,
    title,
    issuedOn: signature?.issuedOn ?? null,
    sections: out,
  };
  const sources: Sources = {};
  const put = (ref: CellRef, value: number | null | undefined, src: CellSource | undefined) => {
    setCell(report, ref, value ?? null);
    if (src && value !== null && value !== undefined) sources[cellKey(ref)] = src;
  };
  for (const [key, row] of proactive.rows)
    row.columns.forEach((col, i) => {
      put({ table: "proactive", row: [key], column: col }, row.values[i], row.srcs[i]);
    });
  for (const def of requestRows(edition)) {
    const values = requests.rows.get(def.path.join(".")) ?? [];
    const srcs = requests.srcs.get(def.path.join(".")) ?? [];
    APPLICANT_COLUMNS.forEach((col, i) => {
      put({ table: "requests", row: def.path, column: col.key }, values[i], srcs[i]);
    });
  }
  for (const g of APPEAL_GROUPS) {
    const values = appeals.groups.get(g.key) ?? [];
    const srcs = appeals.srcs.get(g.key) ?? [];
    APPEAL_COLUMNS.forEach((col, i) => {
      put({ table: "appeals", row: [g.key], column: col.key }, values[i], srcs[i]);
    });
  }
  return { report: report as unknown as Report, findings, sources };
}
