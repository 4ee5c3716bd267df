// The signature at a report's end: the date it was issued on (and the organ), on short lines of their own or run on at the end of crawler text.

import { trimAll } from "./lines.ts";
import { asciiDigits, CN_DIGIT, cleanOrgan, cnNumber, ORGAN_SUFFIX } from "./metadata.ts";

export interface Signature {
  issuedOn: string;
  organ?: string;
  /** Indexes of the signature lines in the given array. */
  lines: number[];
  /** A signature run on at the end of a long line: that line is cut at `at`. */
  cut?: { line: number; at: number };
}

const DATE_RE = /(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?/;

function cnDate(s: string): string | undefined {
  const m =
    /([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/.exec(
      s,
    );
  if (!m) return undefined;
  const y = [...(m[1] ?? "")].map((c) => String(CN_DIGIT[c] ?? "")).join("");
  return s.replace(m[0], `${y}年${cnNumber(m[2] ?? "")}月${cnNumber(m[3] ?? "")}日`);
}

/** An ISO date of a signature's year, month and day, or undefined when they are no date of a report's time. */
const isoDate = (y: number, mo: number, d: number) =>
  mo < 1 || mo > 12 || d < 1 || d > 31 || y < 2008 || y > 2100
    ? undefined
    : `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** The signature at the end: a short date line among the last lines, with the organ on it or just before it. */
export function findSignature(lines: readonly string[]): Signature | undefined {
  const idx: number[] = [];
  for (let i = lines.length - 1; i >= 0 && idx.length < 4; i--)
    if (trimAll(lines[i] ?? "") !== "") idx.push(i);
  for (const [rank, i] of idx.entries()) {
    if (rank > 2) break;
    // Portal links glued after the date (「2020年1月20日 【打印本页】 【关闭窗口】」) are not part of it.
    const raw = trimAll((lines[i] ?? "").replace(/[【[][^】\]]{0,12}[】\]]/g, ""));
    const line = asciiDigits(cnDate(raw) ?? raw).replace(/[\s\u00a0\u3000]+/g, "");
    if (line.length > 40) continue;
    const m = DATE_RE.exec(line);
    if (!m || m.index + m[0].length !== line.length) continue;
    const issuedOn = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!issuedOn) continue;
    const sigLines = [i];
    let organ: string | undefined = cleanOrgan(line.slice(0, m.index));
    if (!organ) {
      const prev = idx[rank + 1];
      const prevText = prev === undefined ? "" : trimAll(lines[prev] ?? "");
      if (
        prev !== undefined &&
        prevText.length <= 30 &&
        ORGAN_SUFFIX.test(prevText) &&
        !/[。，；：]/.test(prevText)
      ) {
        organ = prevText.replace(/[\s\u00a0\u3000]+/g, "");
        sigLines.push(prev);
      } else organ = undefined;
    }
    return { issuedOn, organ: organ || undefined, lines: sigLines };
  }
  const last = idx[0];
  return last === undefined ? undefined : runOnSignature(lines[last] ?? "", last);
}

// Page furniture after a run-on signature, matched at the end of at most TAIL characters: 「附件下载」, 【打印】,
// （此件主动公开）/（联系人：…）, a 「抄送：…」 line and the print line 「…办公室 2022年1月7日印发」.
const TAIL = 400;
const FURNITURE_END = [
  /附件下载$/,
  /[【[][^】\]]{0,12}[】\]]$/,
  /[（(][^（()）]{0,60}[）)]$/,
  /[^\s\u00a0\u3000。；]{0,30}[\s\u00a0\u3000]*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/,
  /抄送[:：][^。]{0,60}。?$/,
];
const DATE_END = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const ORGAN_RUN = /[^\s\u00a0\u3000。；！？：:，,、）)]{2,30}$/;

/**
 * Crawler text whose body is one line: 「…处理费。 平潭综合实验区交通与建设局 2022年1月7日 （联系人：…） 附件下载」. The
 * date must end the line once page furniture is taken off, and an organ's name (ending like one) must come right
 * before it, so a sentence that ends in a date is no signature.
 */
function runOnSignature(line: string, index: number): Signature | undefined {
  const start = Math.max(0, line.length - TAIL);
  let s = asciiDigits(line.slice(start));
  for (let round = 0; round < 8; round++) {
    s = s.trimEnd();
    const hit = FURNITURE_END.map((re) => re.exec(s)).find((m) => m !== null);
    if (!hit) break;
    s = s.slice(0, hit.index);
  }
  const m = DATE_END.exec(s);
  if (!m) return undefined;
  const issuedOn = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const before = s.slice(0, m.index).trimEnd();
  const name = ORGAN_RUN.exec(before);
  if (!issuedOn || !name || !ORGAN_SUFFIX.test(name[0])) return undefined;
  // The run back to the last delimiter may take prose with it (「…事项无平潭综合实验区行政审批局」): then only the date.
  const organ = /事项|报告|情况|特此/.test(name[0]) ? "" : cleanOrgan(name[0]);
  return {
    issuedOn,
    ...(organ.length >= 2 ? { organ } : {}),
    lines: [],
    cut: { line: index, at: start + (organ.length >= 2 ? name.index : m.index) },
  };
}
