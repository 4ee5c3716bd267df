// Recognizes row labels of tables 二, 三 and 四 by distinctive keywords, tolerant of variants, typos and wrapping.
import type { Edition } from "../model.ts";

export interface RowMatch {
  /** Row path below the table key; empty for a group label (it only ends the previous row). */
  path: readonly string[];
  /** Index in the text where the keyword was found (the last keyword wins in glued text). */
  at: number;
}

interface RowKeywords {
  path: readonly string[];
  keys: readonly string[];
  /** Only matches once this row key (or later) has been seen — for 「总计」 and 「3.其他」. */
  after?: string;
  exact?: RegExp;
  edition?: Edition;
}

const GROUP: readonly string[] = [];

const PROACTIVE: readonly RowKeywords[] = [
  { path: ["regulations"], keys: ["规章"] },
  { path: ["normativeDocuments"], keys: ["规范性文件", "规范文件"] },
  { path: ["licensing"], keys: ["行政许可"] },
  { path: ["otherServices"], keys: ["对外管理服务", "其他对外管理"] },
  { path: ["penalties"], keys: ["行政处罚"] },
  { path: ["coercion"], keys: ["行政强制"] },
  { path: ["fees"], keys: ["事业性收费", "行政事业收费"] },
  { path: ["procurement"], keys: ["集中采购"] },
  // A row some provincial templates add (「其他主动公开文件」): no row of the official table, never placed by order.
  { path: GROUP, keys: ["其他主动公开"] },
];

const REQUESTS: readonly RowKeywords[] = [
  { path: ["received"], keys: ["本年新收", "新收政府信息", "本年收到"] },
  { path: ["carriedOver"], keys: ["上年结转"] },
  { path: GROUP, keys: ["办理结果"] },
  { path: ["granted"], keys: ["予以公开"] },
  { path: ["partiallyGranted"], keys: ["部分公开"] },
  { path: GROUP, keys: ["不予公开"] },
  { path: ["withheld", "stateSecret"], keys: ["国家秘密"] },
  { path: ["withheld", "prohibitedByLaw"], keys: ["禁止公开", "法规禁止"] },
  { path: ["withheld", "threeSecurities"], keys: ["三安全", "一稳定", "危及"] },
  { path: ["withheld", "thirdParty"], keys: ["第三方"] },
  { path: ["withheld", "internalAffairs"], keys: ["内部事务"] },
  { path: ["withheld", "processInfo"], keys: ["过程性"] },
  { path: ["withheld", "enforcementFiles"], keys: ["执法案卷"] },
  { path: ["withheld", "queryMatters"], keys: ["行政查询", "查询事项"] },
  { path: GROUP, keys: ["无法提供"] },
  { path: ["unavailable", "notHeld"], keys: ["不掌握"] },
  { path: ["unavailable", "needsCreation"], keys: ["另行制作", "没有现成"] },
  { path: ["unavailable", "unclear"], keys: ["仍不明确", "补正后申请"] },
  { path: GROUP, keys: ["不予处理"] },
  { path: ["notProcessed", "petition"], keys: ["信访", "举报投诉"] },
  { path: ["notProcessed", "duplicate"], keys: ["重复申请"] },
  { path: ["notProcessed", "publication"], keys: ["出版物"] },
  { path: ["notProcessed", "excessive"], keys: ["大量反复", "反复申请"] },
  { path: ["notProcessed", "confirmation"], keys: ["重新出具", "确认或"] },
  { path: ["otherHandling"], keys: ["其他处理"], edition: "2019" },
  { path: GROUP, keys: ["其他处理"], edition: "2021" },
  { path: ["otherHandling", "noCorrection"], keys: ["不补正", "逾期不补", "理由逾期"], edition: "2021" },
  { path: ["otherHandling", "unpaidFee"], keys: ["缴纳费用", "收费通知", "逾期未按"], edition: "2021" },
  {
    path: ["otherHandling", "other"],
    keys: [],
    exact: /^[（(]?[3３三][）)]?[.．、]?\s*其他$/,
    after: "otherHandling",
    edition: "2021",
  },
  { path: ["handledTotal"], keys: ["总计", "合计"], after: "granted" },
  { path: ["carriedForward"], keys: ["结转下年", "结转下一年"] },
];

const APPEALS: readonly RowKeywords[] = [
  { path: ["litigationDirect"], keys: ["直接起诉"] },
  { path: ["litigationAfterReview"], keys: ["复议后起诉"] },
  { path: ["review"], keys: ["行政复议"] },
];

export type TableName = "proactive" | "requests" | "appeals";

const TABLE_KEYWORDS: Record<TableName, readonly RowKeywords[]> = {
  proactive: PROACTIVE,
  requests: REQUESTS,
  appeals: APPEALS,
};

/** The heads of table 三's rows in document order (the key below `requests`). */
export const REQUEST_ROW_ORDER = [
  "received",
  "carriedOver",
  "granted",
  "partiallyGranted",
  "withheld",
  "unavailable",
  "notProcessed",
  "otherHandling",
  "handledTotal",
  "carriedForward",
];

/** The heads of table 三's 办理结果 rows (「三、本年度办理结果」 （一）–（六）), which R1 sums into （七）总计. */
export const RESULT_HEADS = new Set([
  "granted",
  "partiallyGranted",
  "withheld",
  "unavailable",
  "notProcessed",
  "otherHandling",
]);

/** Normalizes label text for matching: spaces, full-width dots and quotes unified. */
export function labelKey(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, "").replace(/．/g, ".");
}

/**
 * Finds the row a text token names. `seen` is the furthest request-row key seen so far (ordering guards
 * 「总计」 against the header cell of the same name). Returns undefined for header or unknown text.
 */
const escapeRe = (k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const anyOf = (keys: readonly string[]) => new RegExp(keys.map(escapeRe).join("|"));
const ANY_KEY: Record<TableName, RegExp> = {
  proactive: anyOf(PROACTIVE.flatMap((r) => r.keys)),
  requests: anyOf([...REQUESTS.flatMap((r) => r.keys), "其他"]),
  appeals: anyOf(APPEALS.flatMap((r) => r.keys)),
};
const keyRows = (rows: readonly RowKeywords[]) => {
  const map = new Map<string, RowKeywords[]>();
  for (const row of rows) for (const key of row.keys) map.set(key, [...(map.get(key) ?? []), row]);
  return map;
};
const KEY_ROWS: Record<TableName, Map<string, RowKeywords[]>> = {
  proactive: keyRows(PROACTIVE),
  requests: keyRows(REQUESTS),
  appeals: keyRows(APPEALS),
};
const ALL_KEYS_G: Record<TableName, RegExp> = {
  proactive: new RegExp(ANY_KEY.proactive.source, "g"),
  requests: new RegExp([...KEY_ROWS.requests.keys()].map(escapeRe).join("|"), "g"),
  appeals: new RegExp(ANY_KEY.appeals.source, "g"),
};
const ALL_KEYS = Object.values(TABLE_KEYWORDS).flatMap((rows) => rows.flatMap((r) => r.keys));
const MENTION: Record<number, RegExp> = {};

export function matchRow(
  table: TableName,
  text: string,
  edition: Edition,
  seen: string | undefined,
): RowMatch | undefined {
  // Labels repeat from report to report: remember answers (bounded). Only the ordering guards depend on `seen`.
  // One map per table, edition and guard state, keyed by the text itself (no key string to build and hash).
  const stage =
    TABLE_INDEX[table] * 8 +
    (edition === "2021" ? 4 : 0) +
    (reached(seen, "granted") ? 2 : 0) +
    (reached(seen, "otherHandling") ? 1 : 0);
  let cache = CACHE[stage];
  if (!cache) {
    cache = new Map();
    CACHE[stage] = cache;
  }
  const hit = cache.get(text);
  if (hit !== undefined) return hit === null ? undefined : hit;
  const found = matchUncached(table, text, edition, seen);
  if (++cached > CACHE_LIMIT) {
    for (const c of CACHE) c?.clear();
    cached = 1;
  }
  cache.set(text, found ?? null);
  return found;
}

const TABLE_INDEX: Record<TableName, number> = { proactive: 0, requests: 1, appeals: 2 };
const CACHE: (Map<string, RowMatch | null> | undefined)[] = [];
const CACHE_LIMIT = 20_000;
let cached = 0;

function matchUncached(
  table: TableName,
  text: string,
  edition: Edition,
  seen: string | undefined,
): RowMatch | undefined {
  const full = /[\s\u3000．]/.test(text) ? labelKey(text) : text;
  const bare = withoutNotes(full);
  // The label before its note, when that names a row; else the whole text (「行政诉讼（未经复议直接起诉）」).
  return (
    (bare !== full ? matchKey(table, bare, edition, seen) : undefined) ?? matchKey(table, full, edition, seen)
  );
}

function matchKey(
  table: TableName,
  t: string,
  edition: Edition,
  seen: string | undefined,
): RowMatch | undefined {
  if (t === "") return undefined;
  let best: RowMatch | undefined;
  const consider = (row: RowKeywords, key: string, at: number) => {
    if (row.edition && row.edition !== edition) return;
    if (row.after && !reached(seen, row.after)) return;
    // 「总计」 only as a row label of its own, not inside longer header text.
    if ((key === "总计" || key === "合计") && t.replace(/^[（(][七7][）)]|^七[、.]?/, "").length > 3) return;
    if (!best || at > best.at || (at === best.at && row.path.length > 0 && best.path.length === 0))
      best = { path: row.path, at };
  };
  const re = ALL_KEYS_G[table];
  re.lastIndex = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    for (const row of KEY_ROWS[table].get(m[0]) ?? []) consider(row, m[0], m.index);
    // Keys may overlap (「确认或重新出具」): look again one character on.
    re.lastIndex = m.index + 1;
  }
  for (const row of TABLE_KEYWORDS[table]) {
    if (!row.exact || (row.edition && row.edition !== edition) || (row.after && !reached(seen, row.after)))
      continue;
    if (row.exact.test(t)) best = { path: row.path, at: 0 };
  }
  return best;
}

/**
 * A label without the template's explanatory notes: 「其他对外管理服务事项（指行政许可以外的…行政处罚、行政强制…）」
 * names its row before the note, and the note names other rows. A note is a bracket of 8 or more characters
 * (closed, or cut at the end of the text); a label that is only a note stays as written.
 */
function withoutNotes(t: string): string {
  if (!t.includes("(") && !t.includes("（")) return t;
  const stripped = t.replace(/[（(][^（）()]{8,}(?:[）)]|$)/g, "");
  return stripped === "" ? t : stripped;
}

function reached(seen: string | undefined, key: string): boolean {
  if (seen === undefined) return false;
  return REQUEST_ROW_ORDER.indexOf(seen) >= REQUEST_ROW_ORDER.indexOf(key);
}

/** Whether a text mentions any row keyword of a table (used to tell table lines from prose). */
export function mentionsRow(text: string, minKeyLength = 3): boolean {
  let re = MENTION[minKeyLength];
  if (!re) {
    re = anyOf(ALL_KEYS.filter((k) => k.length >= minKeyLength));
    MENTION[minKeyLength] = re;
  }
  return re.test(/[\s\u3000]/.test(text) ? labelKey(text) : text);
}
