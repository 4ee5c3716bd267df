// Loose report input (numbers or strings in cells, missing edition/title/sections) → a model Report, every change a finding.

import { z } from "zod";
import { type CellKind, type CellNote, readCell } from "./cell-value.ts";
import { type CellRef, cellRefs, emptyTables, pointer, setCell } from "./cells.ts";
import type { FindingCode } from "./codes.ts";
import { fromZodError } from "./errors.ts";
import { type CodeDoc, finding } from "./finding.ts";
import { APPLICANT_COLUMNS } from "./labels.ts";
import { type Block, type Edition, type Finding, Report, type Section, SectionRole } from "./model.ts";
import { trimSpaces } from "./text/trim.ts";

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
    meaning: "A table field the model does not have; ignored (its value is not used).",
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

/** Issues that make the input unusable: collected, then thrown once as invalid_input. */
type Issue = { path: (string | number)[]; message: string };

interface Ctx {
  findings: Finding[];
  issues: Issue[];
}

const TOP_KEYS = new Set([
  "edition",
  "organ",
  "year",
  "title",
  "issuedOn",
  "sections",
  "proactive",
  "requests",
  "appeals",
]);
const TABLES = ["proactive", "requests", "appeals"] as const;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** An own property only: never reads through a prototype (`__proto__` keys are plain data here). */
function own(obj: unknown, key: string): unknown {
  return isRecord(obj) && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function ownPath(obj: unknown, keys: readonly string[]): unknown {
  let node = obj;
  for (const k of keys) node = own(node, k);
  return node;
}

export function cellKind(column: string): CellKind {
  if (column === "change") return "change";
  if (column === "amountWan") return "money";
  return "count";
}

const NOTE_TEXT: Record<CellNote["kind"], { code: FindingCode; text: string }> = {
  fullwidth: { code: "normalize.fullwidth", text: "全角数字或符号已按半角读取" },
  "signed-word": { code: "normalize.signed-word", text: "「增/减」已读作正负数" },
  "blank-mark": { code: "normalize.blank-mark", text: "空白标记已读作空（不是0）" },
  "yuan-to-wan": { code: "normalize.yuan-to-wan", text: "金额单位为元，已换算为万元" },
  "unit-stripped": { code: "normalize.unit-stripped", text: "数字后的单位已去除" },
  "thousands-separator": { code: "normalize.thousands-separator", text: "千位分隔符已去除" },
};

/** Reads one raw cell; notes become findings at `path`. Wrong types are issues (the input is unusable). */
function readRawCell(raw: unknown, kind: CellKind, segs: (string | number)[], ctx: Ctx): number | null {
  if (raw === undefined || raw === null) return null;
  const path = pointer(...segs);
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) {
      ctx.issues.push({ path: segs, message: "应为有限数字" });
      return null;
    }
    return Object.is(raw, -0) ? 0 : raw;
  }
  if (typeof raw !== "string") {
    ctx.issues.push({ path: segs, message: "单元格应为数字、文本或 null" });
    return null;
  }
  const original = raw;
  const inner = trimSpaces(raw);
  // Digits separated by spaces may be two numbers run together: never guess.
  if (/[0-9０-９][\s\u00a0\u3000]+[0-9０-９]/.test(inner)) {
    ctx.findings.push(
      finding(
        "normalize.unreadable",
        path,
        `单元格内容「${original}」含有多个数字，无法确定数值，已按空白处理`,
        {
          original,
        },
      ),
    );
    return null;
  }
  const reading = readCell(raw, kind);
  if (reading.unreadable) {
    ctx.findings.push(
      finding("normalize.unreadable", path, `单元格内容「${original}」不是数字，已按空白处理，请核对`, {
        original,
      }),
    );
    return null;
  }
  if (inner !== raw && reading.value !== null) {
    ctx.findings.push(finding("normalize.trimmed", path, "单元格内容前后的空格已去除", { original }));
  }
  if (reading.value === null && reading.notes.length === 0) {
    ctx.findings.push(finding("normalize.blank-mark", path, "空白单元格已读作空（不是0）", { original }));
  }
  for (const note of reading.notes) {
    const { code, text } = NOTE_TEXT[note.kind];
    const extra: { original: string; actual?: number } = { original };
    if (reading.value !== null) extra.actual = reading.value;
    const shown = reading.value === null ? "空" : String(reading.value);
    ctx.findings.push(finding(code, path, `${text}：「${original}」→ ${shown}`, extra));
  }
  return reading.value;
}

/** The tree of known keys of an edition's tables: nested objects, leaves are `true`. */
type KeyTree = Map<string, KeyTree | true>;

function keyTree(edition: Edition): KeyTree {
  const root: KeyTree = new Map();
  for (const ref of cellRefs(edition)) {
    let node = root;
    for (const k of [ref.table, ...ref.row]) {
      let next = node.get(k);
      if (!(next instanceof Map)) {
        next = new Map();
        node.set(k, next);
      }
      node = next;
    }
    node.set(ref.column, true);
  }
  return root;
}

const TREES: Record<Edition, KeyTree> = { "2019": keyTree("2019"), "2021": keyTree("2021") };

function inTree(tree: KeyTree, keys: readonly string[]): boolean {
  let node: KeyTree | true | undefined = tree;
  for (const k of keys) {
    if (!(node instanceof Map)) return false;
    node = node.get(k);
    if (node === undefined) return false;
  }
  return true;
}

/** Which edition the table keys point to, when every distinctive key agrees. */
function shapeEdition(input: Record<string, unknown>): Edition | undefined {
  const votes = new Set<Edition>();
  const has = (node: unknown, keys: readonly string[]) =>
    isRecord(node) && keys.some((k) => Object.hasOwn(node, k));
  const other = ownPath(input, ["requests", "otherHandling"]);
  if (has(other, ["noCorrection", "unpaidFee", "other"])) votes.add("2021");
  if (
    has(
      other,
      APPLICANT_COLUMNS.map((c) => c.key),
    )
  )
    votes.add("2019");
  const pro = own(input, "proactive");
  if (has(pro, ["otherServices", "procurement"])) votes.add("2019");
  const reg = own(pro, "regulations");
  if (has(reg, ["issued", "repealed"])) votes.add("2021");
  if (has(reg, ["made", "published"])) votes.add("2019");
  return votes.size === 1 ? [...votes][0] : undefined;
}

function readEdition(input: Record<string, unknown>, year: number, ctx: Ctx): Edition {
  const raw = own(input, "edition");
  if (raw !== undefined && raw !== null) {
    const s = typeof raw === "number" ? String(raw) : raw;
    if (s === "2019" || s === "2021") return s;
    ctx.issues.push({ path: ["edition"], message: 'edition 应为 "2019" 或 "2021"' });
    return "2019";
  }
  const byShape = shapeEdition(input);
  const byYear: Edition = year >= 2021 ? "2021" : "2019";
  const edition = byShape ?? byYear;
  const why = byShape ? "按表格结构" : `按年度（${year}年）`;
  ctx.findings.push(
    finding("normalize.edition-inferred", "/edition", `未注明表格版本，已${why}认定为${edition}版格式`),
  );
  return edition;
}

function readYear(raw: unknown, ctx: Ctx): number {
  if (typeof raw === "number") return raw;
  if (typeof raw === "string") {
    const half = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    const m = /^\s*(\d{4})\s*(年度?)?\s*$/.exec(half);
    if (m) {
      ctx.findings.push(
        finding("normalize.year-text", "/year", `年度「${raw}」已读作 ${m[1]}`, { original: raw }),
      );
      return Number(m[1]);
    }
  }
  ctx.issues.push({
    path: ["year"],
    message: raw === undefined ? "缺少报告年度 year" : "year 应为四位数年份",
  });
  return Number.NaN;
}

function trimText(raw: string, segs: (string | number)[], what: string, ctx: Ctx): string {
  const t = trimSpaces(raw);
  if (t !== raw) {
    ctx.findings.push(
      finding("normalize.trimmed", pointer(...segs), `${what}前后的空格已去除`, { original: raw }),
    );
  }
  return t;
}

function readString(input: unknown, key: string, ctx: Ctx, what: string): string | undefined {
  const raw = own(input, key);
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "string") {
    ctx.issues.push({ path: [key], message: `${key} 应为文本` });
    return undefined;
  }
  return trimText(raw, [key], what, ctx);
}

const CN_DIGITS: Record<string, number> = Object.fromEntries([
  ...[..."〇○零ＯO"].map((c): [string, number] => [c, 0]),
  ...[..."一二三四五六七八九"].map((c, i): [string, number] => [c, i + 1]),
]);

/** 「二〇二一」→ 2021, 「十二」→ 12, 「二十五」→ 25; undefined when not Chinese numerals. */
function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.includes("十")) {
    const [a, b] = s.split("十");
    const tens = a === "" ? 1 : CN_DIGITS[a ?? ""];
    const ones = b === "" ? 0 : CN_DIGITS[b ?? ""];
    return tens === undefined || ones === undefined ? undefined : tens * 10 + ones;
  }
  let n = 0;
  for (const c of s) {
    const d = CN_DIGITS[c];
    if (d === undefined) return undefined;
    n = n * 10 + d;
  }
  return s === "" ? undefined : n;
}

function isoDate(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function readIssuedOn(input: Record<string, unknown>, ctx: Ctx): string | null {
  const raw = own(input, "issuedOn");
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== "string") {
    ctx.issues.push({ path: ["issuedOn"], message: "issuedOn 应为日期文本或 null" });
    return null;
  }
  const s = raw
    .replace(/\s|\u3000/g, "")
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (s === "") return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) {
    const v = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (v) return v;
  }
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ??
    /^([\d〇○零Ｏ一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})[日号]?$/.exec(
      s,
    );
  if (m) {
    const [y, mo, d] = [cnNumber(m[1] ?? ""), cnNumber(m[2] ?? ""), cnNumber(m[3] ?? "")];
    const v = y !== undefined && mo !== undefined && d !== undefined ? isoDate(y, mo, d) : undefined;
    if (v) {
      ctx.findings.push(
        finding("normalize.date-format", "/issuedOn", `日期「${raw}」已转换为 ${v}`, {
          original: raw,
        }),
      );
      return v;
    }
  }
  ctx.findings.push(
    finding("normalize.date-unreadable", "/issuedOn", `日期「${raw}」无法识别，已置为空`, {
      original: raw,
    }),
  );
  return null;
}

const ROLE_BY_HEADING: [RegExp, Section["role"]][] = [
  [/总体情况/, "overview"],
  [/主动公开/, "proactive"],
  [/(收到和处理|依申请)/, "requests"],
  [/(行政复议|行政诉讼)/, "appeals"],
  [/(存在的主要问题|问题及|改进情况|整改)/, "problems"],
  [/其他需要报告/, "other"],
];

/** The role a heading names, by its wording ("extra" when it names none). */
export function roleOfHeading(heading: string, index: number): Section["role"] {
  if (heading === "" && index === 0) return "preamble";
  for (const [re, role] of ROLE_BY_HEADING) if (re.test(heading)) return role;
  return "extra";
}

function readSections(input: Record<string, unknown>, ctx: Ctx): Section[] {
  const raw = own(input, "sections");
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    ctx.issues.push({ path: ["sections"], message: "sections 应为数组" });
    return [];
  }
  const out: Section[] = [];
  raw.forEach((sec: unknown, i: number) => {
    if (!isRecord(sec)) {
      ctx.issues.push({ path: ["sections", i], message: "章节应为对象" });
      return;
    }
    const headingRaw = own(sec, "heading") ?? "";
    if (typeof headingRaw !== "string") {
      ctx.issues.push({ path: ["sections", i, "heading"], message: "heading 应为文本" });
      return;
    }
    const heading = trimText(headingRaw, ["sections", i, "heading"], "章节标题", ctx);
    const roleRaw = own(sec, "role");
    const parsedRole = SectionRole.safeParse(roleRaw);
    let role: Section["role"];
    if (parsedRole.success) role = parsedRole.data;
    else {
      role = roleOfHeading(heading, i);
      ctx.findings.push(
        finding(
          "normalize.role-inferred",
          pointer("sections", i, "role"),
          `章节「${heading}」的类型已按标题认定为 ${role}`,
        ),
      );
    }
    const blocksRaw = own(sec, "blocks") ?? [];
    if (!Array.isArray(blocksRaw)) {
      ctx.issues.push({ path: ["sections", i, "blocks"], message: "blocks 应为数组" });
      return;
    }
    const blocks: Block[] = [];
    blocksRaw.forEach((b: unknown, j: number) => {
      const at = ["sections", i, "blocks", j];
      if (typeof b === "string") {
        ctx.findings.push(finding("normalize.block-text", pointer(...at), "文本段落已按正文段落读取"));
        blocks.push({ type: "paragraph", text: trimText(b, [...at, "text"], "段落", ctx) });
        return;
      }
      const type = own(b, "type") ?? "paragraph";
      const text = own(b, "text");
      if ((type !== "heading" && type !== "paragraph") || typeof text !== "string") {
        ctx.issues.push({ path: at, message: '段落应为 { type: "heading" | "paragraph", text }' });
        return;
      }
      blocks.push({ type, text: trimText(text, [...at, "text"], "段落", ctx) });
    });
    out.push({ role, heading, blocks });
  });
  return out;
}

/** Unknown keys under the tables: other-edition keys are edition.mix, the rest normalize.unknown-field. */
function scanUnknown(
  node: Record<string, unknown>,
  segs: string[],
  edition: Edition,
  skip: (segs: string[]) => boolean,
  ctx: Ctx,
): void {
  const other: Edition = edition === "2021" ? "2019" : "2021";
  for (const key of Object.keys(node)) {
    const at = [...segs, key];
    if (skip(at)) continue;
    const value = node[key];
    if (inTree(TREES[edition], at)) {
      if (isRecord(value)) scanUnknown(value, at, edition, skip, ctx);
      continue;
    }
    if (value === undefined || value === null) continue;
    const shown = typeof value === "object" ? "" : `（值「${String(value)}」未采用）`;
    if (inTree(TREES[other], at)) {
      ctx.findings.push(
        finding(
          "edition.mix",
          pointer(...at),
          `「${at.join(".")}」属于${other}版表格，本报告按${edition}版格式，该项已忽略${shown}`,
        ),
      );
    } else {
      ctx.findings.push(
        finding("normalize.unknown-field", pointer(...at), `未知字段「${at.join(".")}」已忽略${shown}`),
      );
    }
  }
}

function checkContainers(input: Record<string, unknown>, ctx: Ctx): void {
  const seen = new Set<string>();
  for (const edition of ["2019", "2021"] as const) {
    for (const ref of cellRefs(edition)) {
      const keys = [ref.table, ...ref.row];
      for (let n = 1; n <= keys.length; n++) {
        const part = keys.slice(0, n);
        const id = part.join("/");
        if (seen.has(id)) continue;
        seen.add(id);
        const v = ownPath(input, part);
        if (v !== undefined && v !== null && !isRecord(v))
          ctx.issues.push({ path: part, message: "应为对象" });
      }
    }
  }
}

function readTables(input: Record<string, unknown>, edition: Edition, ctx: Ctx) {
  checkContainers(input, ctx);
  const tables = emptyTables(edition);
  const out = tables as unknown as Record<string, unknown>;
  for (const ref of cellRefs(edition)) {
    const keys = [ref.table, ...ref.row, ref.column];
    setCell(out, ref, readRawCell(ownPath(input, keys), cellKind(ref.column), keys, ctx));
  }
  const handled = new Set<string>();
  const otherRaw = ownPath(input, ["requests", "otherHandling"]);
  if (isRecord(otherRaw)) {
    const path = "/requests/otherHandling";
    if (edition === "2021" && APPLICANT_COLUMNS.some((c) => Object.hasOwn(otherRaw, c.key))) {
      // A single 2019 （六）其他处理 row in a 2021 report: its numbers go to 3.其他 unless that row is given too.
      const hasOther = Object.hasOwn(otherRaw, "other");
      for (const col of APPLICANT_COLUMNS) {
        handled.add(`requests/otherHandling/${col.key}`);
        if (hasOther) continue;
        const keys = ["requests", "otherHandling", col.key];
        const ref: CellRef = { table: "requests", row: ["otherHandling", "other"], column: col.key };
        setCell(out, ref, readRawCell(own(otherRaw, col.key), "count", keys, ctx));
      }
      ctx.findings.push(
        finding(
          "edition.mix",
          path,
          hasOther
            ? "（六）其他处理按2019版写成一行，与2021版的三个分项并存；单行数字已忽略，请按2021版填写"
            : "（六）其他处理按2019版写成一行；2021版分为三项，单行数字已计入「3.其他」，请核对",
        ),
      );
    }
    if (
      edition === "2019" &&
      ["noCorrection", "unpaidFee", "other"].some((k) => Object.hasOwn(otherRaw, k))
    ) {
      // 2021's three （六） sub-rows in a 2019 report: summed into the one row (a blank sub-row counts as 0).
      const hasFlat = APPLICANT_COLUMNS.some((c) => Object.hasOwn(otherRaw, c.key));
      for (const sub of ["noCorrection", "unpaidFee", "other"]) handled.add(`requests/otherHandling/${sub}`);
      if (!hasFlat) {
        for (const col of APPLICANT_COLUMNS) {
          let sum: number | null = null;
          for (const sub of ["noCorrection", "unpaidFee", "other"]) {
            const keys = ["requests", "otherHandling", sub, col.key];
            const v = readRawCell(ownPath(input, keys), "count", keys, ctx);
            if (v !== null) sum = (sum ?? 0) + v;
          }
          setCell(out, { table: "requests", row: ["otherHandling"], column: col.key }, sum);
        }
      }
      ctx.findings.push(
        finding(
          "edition.mix",
          path,
          hasFlat
            ? "（六）其他处理同时有2019版单行与2021版三个分项；已按2019版单行读取，分项已忽略"
            : "（六）其他处理按2021版分为三项；本报告为2019版格式，已合并为一行，请核对",
        ),
      );
    }
  }
  for (const table of TABLES) {
    const node = own(input, table);
    if (isRecord(node)) scanUnknown(node, [table], edition, (segs) => handled.has(segs.join("/")), ctx);
  }
  return tables;
}

/**
 * Normalizes a loose report (cells as numbers or strings, optional edition/title/sections) into a Report.
 * Every change is a finding with its path; unusable input throws NianbaoError("invalid_input").
 */
export function normalizeReport(input: unknown): { report: Report; findings: Finding[] } {
  const ctx: Ctx = { findings: [], issues: [] };
  if (!isRecord(input)) {
    throw fromZodError(new z.ZodError([{ code: "custom", path: [], message: "报告应为 JSON 对象", input }]));
  }
  const organRaw = own(input, "organ");
  const organ = typeof organRaw === "string" ? trimText(organRaw, ["organ"], "机关名称", ctx) : "";
  if (organ === "") {
    ctx.issues.push({
      path: ["organ"],
      message: organRaw === undefined ? "缺少机关名称 organ" : "organ 应为非空文本",
    });
  }
  const year = readYear(own(input, "year"), ctx);
  if (ctx.issues.length > 0) throw toError(ctx.issues, input);
  const edition = readEdition(input, year, ctx);
  let title = readString(input, "title", ctx, "标题");
  if (title === undefined || title === "") {
    title = `${organ}${year}年度政府信息公开工作年度报告`;
    ctx.findings.push(finding("normalize.title-default", "/title", `未提供标题，已设为「${title}」`));
  }
  const issuedOn = readIssuedOn(input, ctx);
  const sections = readSections(input, ctx);
  const tables = readTables(input, edition, ctx);
  for (const key of Object.keys(input)) {
    if (!TOP_KEYS.has(key)) {
      ctx.findings.push(finding("normalize.extra-field", pointer(key), `未知字段「${key}」已忽略`));
    }
  }
  if (ctx.issues.length > 0) throw toError(ctx.issues, input);
  const report = { edition, organ, year, title, issuedOn, sections, ...tables };
  const checked = Report.safeParse(report);
  if (!checked.success) throw fromZodError(checked.error);
  return { report: report as Report, findings: ctx.findings };
}

function toError(issues: Issue[], input: unknown) {
  return fromZodError(
    new z.ZodError(issues.map((i) => ({ code: "custom" as const, path: i.path, message: i.message, input }))),
  );
}
