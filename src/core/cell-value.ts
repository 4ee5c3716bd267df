// Reads one written cell value (「增3」, 「１２」, 「13.84万元」, 「251000元」, 「/」, 「　　0」) into a number or null.
import { halfWidthChar } from "./text/digits.ts";

export type CellKind = "count" | "change" | "money";

export type CellNote =
  | { kind: "fullwidth" }
  | { kind: "signed-word" }
  | { kind: "blank-mark" }
  | { kind: "yuan-to-wan" }
  | { kind: "unit-stripped" }
  | { kind: "thousands-separator" };

export interface CellReading {
  value: number | null;
  /** What was changed while reading, for findings. */
  notes: CellNote[];
  /** The text could not be read as a number. */
  unreadable?: boolean;
}

const FULLWIDTH_DIGITS = /[０-９．－＋，]/g;
const SPACES = /[\s\u00a0\u3000\u2000-\u200b\ufeff]+/g;
const BLANK_MARKS = new Set(["/", "／", "-", "—", "－", "——", "–", "无", "空", "\\", "、"]);

function toHalfWidth(s: string): string {
  return s.replace(FULLWIDTH_DIGITS, halfWidthChar);
}

/** Reads a cell as written. Numbers pass through; strings are cleaned, with a note for each change. */
export function readCell(raw: unknown, kind: CellKind = "count"): CellReading {
  if (raw === null || raw === undefined) return { value: null, notes: [] };
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { value: raw, notes: [] } : { value: null, notes: [], unreadable: true };
  if (typeof raw !== "string") return { value: null, notes: [], unreadable: true };
  const notes: CellNote[] = [];
  let s = raw.replace(SPACES, "");
  if (s === "") return { value: null, notes };
  if (BLANK_MARKS.has(s)) return { value: null, notes: [{ kind: "blank-mark" }] };
  const half = toHalfWidth(s);
  if (half !== s) notes.push({ kind: "fullwidth" });
  s = half;
  let sign = 1;
  const word = /^(增加|增|减少|减)/.exec(s);
  if (word) {
    sign = word[1]?.startsWith("减") ? -1 : 1;
    s = s.slice(word[0].length);
    notes.push({ kind: "signed-word" });
  }
  let scale = 1;
  const unit = /(万元|元|件|个|项|条|宗|次)$/.exec(s);
  if (unit) {
    s = s.slice(0, -unit[0].length);
    if (unit[1] === "元" && kind === "money") {
      scale = 1 / 10_000;
      notes.push({ kind: "yuan-to-wan" });
    } else {
      notes.push({ kind: "unit-stripped" });
    }
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    s = s.replace(/,/g, "");
    notes.push({ kind: "thousands-separator" });
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { value: null, notes, unreadable: true };
  const n = Number(s) * sign;
  if (!Number.isFinite(n)) return { value: null, notes, unreadable: true };
  // Keep money exact to 6 decimals after a 元 → 万元 conversion (251000元 → 25.1).
  const value = scale === 1 ? n : Math.round(n * scale * 1e6) / 1e6;
  return { value: Object.is(value, -0) ? 0 : value, notes };
}
