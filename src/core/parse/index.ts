// Raw text and HTML → report model: metadata, sections with prose blocks, and tables 二/三/四 of either edition, with findings.
import { NianbaoError } from "../errors.ts";
import { finding } from "../finding.ts";
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, defaultTitle, requestRows } from "../labels.ts";
import type { Block, Edition, Finding, Report, Section, Sources } from "../model.ts";
import { pointer } from "../pointer.ts";
import { foldTraditional, isTraditional } from "../text/traditional.ts";
import { withoutCrawlerChrome, withoutTitleRepeat } from "./crawler-chrome.ts";
import { detectEdition } from "./edition.ts";
import { htmlToText } from "./html.ts";
import { cleanLines, trimAll } from "./lines.ts";
import { findTitle, organFromBody, organFromTitle, yearFrom, yearFromBody } from "./metadata.ts";
import { isProseLine, type RawSection, splitSections, toBlocks } from "./sections.ts";
import { findSignature } from "./signature.ts";
import { type CellSource, Locator } from "./sources.ts";
import { notesBeforeHeader, tableScope } from "./table-scope.ts";
import { parseAppeals } from "./tables/appeals.ts";
import { parseProactive } from "./tables/proactive.ts";
import { finding2019As2021, proactive2019As2021, rowsFill2019 } from "./tables/proactive-mix.ts";
import { keyOf, parseRequests } from "./tables/requests.ts";
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

/**
 * The edition chosen by a margin of one problem or none: a warning at /edition that shows both counts, and the cells
 * whose meaning depends on it (table 二's columns, table 三's （六）其他处理 rows) named as doubts.
 */
function editionUnclear(
  won: {
    ed: Edition;
    problems: number;
    tables: { proactive: { found: boolean }; requests: { found: boolean } };
  },
  lost: { ed: Edition; problems: number },
  evidence: { score2019: number; score2021: number },
): Finding[] {
  const dependent: [string, string][] = [];
  if (won.tables.proactive.found) dependent.push([pointer("proactive"), "表二各栏"]);
  if (won.tables.requests.found)
    dependent.push([pointer("requests", "otherHandling"), "表三「（六）其他处理」"]);
  if (dependent.length === 0) return [];
  const names = dependent.map(([, name]) => name).join("和");
  const out = [
    finding(
      "parse.edition-unclear",
      "/edition",
      `表格版本难以判定：表头有2019版标志${evidence.score2019}处、2021版标志${evidence.score2021}处，按${won.ed}版读有${won.problems}处读不出的地方，按${lost.ed}版读有${lost.problems}处，已按${won.ed}版读取；${names}的含义取决于版本，请核对`,
    ),
  ];
  for (const [path, name] of dependent)
    out.push(
      finding(
        "parse.edition-unclear",
        path,
        `${name}按${won.ed}版读取，但表格版本难以判定（按${lost.ed}版读只多${lost.problems - won.problems}处问题），请核对`,
      ),
    );
  return out;
}

type Tree = { [key: string]: unknown };
const APPLICANT_KEYS = APPLICANT_COLUMNS.map((c) => c.key);
const APPEAL_KEYS = APPEAL_COLUMNS.map((c) => c.key);

/**
 * The sources' keys of a row's cells (row pointer + column), made once per row and column: rows are the model's own,
 * found by the row's key string or definition (no pointer string built and hashed per row).
 */
const SOURCE_KEYS = new Map<unknown, Map<string, string>>();
function sourceKeys(
  table: string,
  row: readonly string[],
  rowId: unknown,
  columns: readonly string[],
): string[] {
  let byColumn = SOURCE_KEYS.get(rowId);
  if (!byColumn) {
    if (SOURCE_KEYS.size >= 1000) SOURCE_KEYS.clear();
    byColumn = new Map();
    SOURCE_KEYS.set(rowId, byColumn);
  }
  const keys: string[] = [];
  for (const c of columns) {
    let key = byColumn.get(c);
    if (key === undefined) {
      key = `/${table}/${row.join("/")}/${c}`;
      byColumn.set(c, key);
    }
    keys.push(key);
  }
  return keys;
}

/** Every number written in prose lines, as written (digits and a decimal point; separators dropped). */
function proseNumbers(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) {
    if (!/[0-9]/.test(l)) continue;
    for (const m of (l.includes(",") ? l.replace(/(?<=[0-9]),(?=[0-9]{3})/g, "") : l).matchAll(
      /[0-9]+(?:\.[0-9]+)?/g,
    ))
      out.add(m[0]);
  }
  return out;
}

/**
 * Parses a report written as text or HTML. Throws NianbaoError("not_a_report") when no report can be found.
 * `sources` maps the JSON Pointer of every table cell read from the input to where it was written.
 */
export function parseReport(
  text: string,
  kind: TextKind,
): { report: Report; findings: Finding[]; sources: Sources } {
  const asWritten = kind === "html" ? htmlToText(text) : text;
  // A copy in traditional characters is read with their simplified forms (same positions, so sources still hold).
  const traditional = isTraditional(asWritten);
  const source = traditional ? foldTraditional(asWritten) : asWritten;
  const lines = cleanLines(source);
  if (lines.every((l) => trimAll(l) === "")) throw new NianbaoError("empty_input");
  const findings: Finding[] = [];
  if (traditional)
    findings.push(
      finding(
        "parse.traditional-script",
        "",
        "原文为繁体字（转换后的转载页面），已按对应的简体字读取；正文按简体字显示，表格数字不变",
      ),
    );
  const { head, sections } = splitSections(lines);

  // Signature at the very end: date (issuedOn) and maybe the organ; removed from the last section's prose.
  const tail = sections[sections.length - 1]?.lines ?? head;
  const signature = findSignature(tail);
  if (signature) for (const i of [...signature.lines].sort((a, b) => b - a)) tail.splice(i, 1);
  if (signature?.cut) tail[signature.cut.line] = (tail[signature.cut.line] ?? "").slice(0, signature.cut.at);

  // Title and preamble.
  const titleFound = findTitle(head);
  const preambleLines = titleFound
    ? withoutTitleRepeat(withoutCrawlerChrome(head.slice(titleFound.used)), titleFound.title)
    : withoutCrawlerChrome(head);

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
    const { notes: before, cut } = notesBeforeHeader(s.role as (typeof TABLE_ROLES)[number], s.lines);
    s.lines.forEach((l, i) => {
      if (cut && i === cut.line && !isProseLine(l)) {
        prose.push(l.slice(0, cut.at));
        table.push(l.slice(cut.at));
      } else (before.has(i) || isProseLine(l) ? prose : table).push(l);
    });
    notes.set(s, prose);
  }
  const haveSections = new Set(sections.map((s) => s.role));
  for (const role of TABLE_ROLES)
    if (!haveSections.has(role))
      tableLines[role] = tableScope(
        role,
        lines.filter((l) => !isProseLine(l)),
      );

  const titleYear = titleFound ? yearFrom(titleFound.title) : undefined;
  const bodyParas = [...preambleLines, ...(sections.find((s) => s.role === "overview")?.lines ?? [])].map(
    trimAll,
  );
  let year = titleYear ?? yearFromBody(bodyParas.filter((p) => p !== ""));
  const evidence = detectEdition([...tableLines.proactive, ...tableLines.requests].join("\n"));
  const byYear: Edition = year !== undefined && year >= 2021 ? "2021" : "2019";
  const opts = { trailingEmptyIsArtefact: kind === "text", locator: new Locator(text, kind, traditional) };
  const tokensOf = (role: (typeof TABLE_ROLES)[number]) => {
    if (!haveSections.has(role)) opts.locator?.restart();
    return tokenize(tableLines[role], opts);
  };
  const tokens = {
    proactive: tokensOf("proactive"),
    requests: tokensOf("requests"),
    appeals: tokensOf("appeals"),
  };
  // A year cut off digits run into the prose after a table (「收费02025年，」) is sure when it is the report's year or
  // the next (the year the report is written); another year, or none known, leaves the cut a doubt.
  if (year !== undefined)
    for (const list of [tokens.proactive, tokens.requests, tokens.appeals])
      for (const t of list)
        if (t.kind === "value" && t.yearCut !== undefined && t.yearCut - year >= 0 && t.yearCut - year <= 1)
          delete t.yearCut;
  const prose = proseNumbers([
    ...preambleLines,
    ...sections.filter((s) => !(TABLE_ROLES as readonly string[]).includes(s.role)).flatMap((s) => s.lines),
    ...[...notes.values()].flat(),
  ]);
  // Table 二 in its own section written only in the 2019 columns while the report is read as 2021 (edition mix).
  const proactiveEvidence = detectEdition(tableLines.proactive.join("\n"));
  const proactive2019 =
    haveSections.has("proactive") && proactiveEvidence.score2019 >= 2 && proactiveEvidence.score2021 === 0;
  // The cells the 2019 columns do not print are noted apart (`mapped`): they are no problem of the reading.
  // Only when the rows fill the 2019 columns (a 2019 header copied over 2021 rows is trusted less than the rows).
  const readProactive = (ed: Edition, local: Finding[], mapped: Finding[]) => {
    if (ed === "2021" && proactive2019) {
      const own: Finding[] = [];
      const read2019 = parseProactive(tokens.proactive, "2019", own, true, prose);
      if (rowsFill2019(read2019.rows)) {
        for (const f of own) {
          const kept = finding2019As2021(f);
          if (kept) local.push(kept);
        }
        return { rows: proactive2019As2021(read2019.rows, mapped), found: read2019.found };
      }
    }
    return parseProactive(tokens.proactive, ed, local, haveSections.has("proactive"), prose);
  };
  const readTables = (ed: Edition) => {
    const local: Finding[] = [];
    const mapped: Finding[] = [];
    const tables = {
      proactive: readProactive(ed, local, mapped),
      requests: parseRequests(tokens.requests, ed, local, haveSections.has("requests")),
      appeals: parseAppeals(tokens.appeals, ed, local),
    };
    const problems = local.filter((f) => PROBLEMS.has(f.code)).length + (tables.requests.formRowsAbsent ?? 0);
    local.push(...mapped);
    return { ed, tables, local, problems };
  };
  // Headers may be wrong (OCR, copied from the other form): when both forms show, or neither, the rows decide.
  let read = readTables(evidence.edition ?? byYear);
  // The reading not chosen, when it was tried and came within one problem of the chosen one.
  let close: typeof read | undefined;
  if (!evidence.edition || (evidence.score2019 > 0 && evidence.score2021 > 0)) {
    const other = readTables(read.ed === "2021" ? "2019" : "2021");
    const [won, lost] = other.problems < read.problems ? [other, read] : [read, other];
    read = won;
    if (lost.problems - won.problems <= 1) close = lost;
  }
  const edition = read.ed;
  if (close) findings.push(...editionUnclear(read, close, evidence));
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
  // Each row's object is found (or made) once, and its cells written in column order: the same objects, keys and
  // order as writing each cell from the report's root. The source keys are kept (the same few hundred strings).
  const putRow = (
    table: "proactive" | "requests" | "appeals",
    row: readonly string[],
    rowId: unknown,
    columns: readonly string[],
    values: readonly (number | null | undefined)[],
    srcs: readonly (CellSource | undefined)[],
  ) => {
    if (columns.length === 0) return;
    let node = report as Tree;
    for (const key of [table, ...row]) {
      const next = node[key];
      if (next === null || typeof next !== "object") node[key] = {};
      node = node[key] as Tree;
    }
    const keys = sourceKeys(table, row, rowId, columns);
    for (let i = 0; i < columns.length; i++) {
      const value = values[i];
      node[columns[i] as string] = value ?? null;
      const src = srcs[i];
      if (src && value !== null && value !== undefined) sources[keys[i] as string] = src;
    }
  };
  // Row ids: table 二's and 四's row keys are plain identifiers, distinct from each other and from table 三's
  // row definitions (objects).
  for (const [key, row] of proactive.rows) putRow("proactive", [key], key, row.columns, row.values, row.srcs);
  for (const def of requestRows(edition)) {
    const k = keyOf(def);
    putRow("requests", def.path, def, APPLICANT_KEYS, requests.rows.get(k) ?? [], requests.srcs.get(k) ?? []);
  }
  for (const g of APPEAL_GROUPS)
    putRow(
      "appeals",
      [g.key],
      g,
      APPEAL_KEYS,
      appeals.groups.get(g.key) ?? [],
      appeals.srcs.get(g.key) ?? [],
    );
  return { report: report as unknown as Report, findings, sources };
}
