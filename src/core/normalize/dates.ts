// The report's year and date of issue as given (「2020年」, 「二〇二一年一月二十五日」, 「2021/1/25」) → a number and an ISO date.
import { finding } from "../finding.ts";
import { halfWidthDigits } from "../text/digits.ts";
import { type Ctx, own } from "./context.ts";

/** `year` as a number; text like 「2020年」 or 「２０２０」 is read with a finding, anything else is an issue. */
export function readYear(raw: unknown, ctx: Ctx): number {
  if (typeof raw === "number") return raw;
  if (typeof raw === "string") {
    const half = halfWidthDigits(raw);
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

/** `issuedOn` as an ISO date or null; other date writings converted with a finding, an unreadable one dropped with a warning. */
export function readIssuedOn(input: Record<string, unknown>, ctx: Ctx): string | null {
  const raw = own(input, "issuedOn");
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== "string") {
    ctx.issues.push({ path: ["issuedOn"], message: "issuedOn 应为日期文本或 null" });
    return null;
  }
  const s = halfWidthDigits(raw.replace(/\s|\u3000/g, ""));
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
