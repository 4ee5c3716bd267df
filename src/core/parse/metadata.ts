// Report metadata from text: title (possibly split over lines), organ, year reported on, and the signature date at the end.
import { halfWidthDigits } from "../text/digits.ts";
import { isSpaceCode, oneOf, trimBy } from "../text/trim.ts";
import { trimAll } from "./lines.ts";
import {
  dropPinyin,
  isOrganInSentence,
  isSelfReference,
  MENU_CATEGORY,
  sentenceVerbCut,
} from "./organ-guard.ts";

// An organ name never starts with punctuation: marks left over from markdown, quotes and closing brackets.
const ORGAN_HEAD_CHARS = oneOf('#*《“"》」』】〕）)]、，,。.；;：:！!？?·—-_=+|\\/~`「『【');
const ORGAN_HEAD = (c: number) => isSpaceCode(c) || ORGAN_HEAD_CHARS(c);
const ORGAN_TAIL_CHARS = oneOf('》”"');
const ORGAN_TAIL = (c: number) => isSpaceCode(c) || ORGAN_TAIL_CHARS(c);

export const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  "○": 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 「十二」→12, 「二十五」→25, 「三」→3. */
export function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === "十") return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? (CN_DIGIT[m[1]] ?? 0) : 1) * 10 + (m[2] ? (CN_DIGIT[m[2]] ?? 0) : 0);
  if (s.length === 1 && s in CN_DIGIT) return CN_DIGIT[s];
  return undefined;
}

/** Full-width digits → ASCII, and a Chinese-numeral year 「二〇二〇」 → 「2020」. */
export function asciiDigits(s: string): string {
  return halfWidthDigits(s).replace(/[〇零○Ｏ一二三四五六七八九]{4}(?=\s*年)/g, (y) =>
    [...y].map((c) => String(CN_DIGIT[c] ?? "")).join(""),
  );
}

export const ORGAN_SUFFIX =
  /(人民政府办公室|人民政府办公厅|人民政府|委员会|管理委员会|管委会|办公室|办公厅|街道办事处|办事处|局|厅|委|院|中心|署|馆|所|站|队|会|办|政府|街道|镇|乡|集团|公司)$/;

// A page's field label before the title (「标题: 平潭综合实验区…」 of crawler text, 「名称」 of a portal's 索引 table).
const FIELD_LABEL = /^(?:文章标题|信息名称|文件名称|标题|题名|题目|名称)[\s\u3000]*[:：]?[\s\u3000]*/;

export function cleanOrgan(s: string): string {
  return trimBy(
    trimBy(trimAll(dropPinyin(s)), ORGAN_HEAD, "start").replace(FIELD_LABEL, ""),
    ORGAN_TAIL,
    "end",
  )
    .replace(/^(关于)/, "")
    .replace(/(关于|的|公布|发布)$/, "")
    .replace(/[（(]\s*$/, "")
    .trim();
}

/** Organ from a title: the name before the year, or between the year and 「政府信息公开」. */
export function organFromTitle(title: string): string | undefined {
  const t = asciiDigits(title).replace(/[\s\u00a0\u3000]+/g, "");
  // A covering letter's title: 「…管理局关于报送2020年度…年度报告的函」 names the organ before 「关于报送」.
  const before = /^(.*?)(?:关于(?:报送|印发|公布|发布|上报)?)?[（(]?(\d{4})\s*年/.exec(t);
  let organ = before ? cleanOrgan(before[1] ?? "") : "";
  if (organ.length < 2) {
    const after = /\d{4}年度?(.{0,60}?)(?:政府信息公开|政务公开|信息公开)/.exec(t);
    organ = after ? cleanOrgan(after[1] ?? "") : "";
  }
  if (organ.length < 2) {
    const plain = /^(.*?)(?:政府信息公开|政务公开|信息公开)/.exec(t);
    organ = plain ? cleanOrgan(plain[1] ?? "") : "";
  }
  organ = organ.replace(/(政府信息公开|政务公开|信息公开).*$/, "");
  return organ.length >= 2 && organ.length <= 40 && !/[0-9]|年度?$/.test(organ) && !isSelfReference(organ)
    ? organ
    : undefined;
}

/** The year reported on, from a title or a sentence (「2020年度」, 「2020年」). */
export function yearFrom(text: string): number | undefined {
  const m = /(20\d{2})\s*年/.exec(asciiDigits(text));
  const y = m ? Number(m[1]) : undefined;
  return y !== undefined && y >= 2008 && y <= 2100 ? y : undefined;
}

/** Year from the body: 「2019年，…」, 「本年报…自2020年1月1日起」, else the first year mentioned. */
export function yearFromBody(paragraphs: readonly string[]): number | undefined {
  const text = asciiDigits(paragraphs.join("\n"));
  // 「统计期限…自2020年1月1日」 within one sentence: found sentence by sentence (a lazy `[^。]*?` is quadratic).
  for (let at = text.indexOf("统计期限"); at >= 0; ) {
    const end = text.indexOf("。", at);
    const m = /自\s*(20\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(text.slice(at + 4, end < 0 ? text.length : end));
    const y = m ? Number(m[1]) : 0;
    if (y >= 2008 && y <= 2100) return y;
    if (end < 0) break;
    at = text.indexOf("统计期限", end);
  }
  const patterns = [/(20\d{2})\s*年度?(?:以来)?[，,]/, /(20\d{2})\s*年度/, /(20\d{2})\s*年/];
  for (const re of patterns) {
    const m = re.exec(text);
    const y = m ? Number(m[1]) : 0;
    if (y >= 2008 && y <= 2100) return y;
  }
  return undefined;
}

const VERB =
  /(认真|严格|坚持|深入|全面|始终|紧紧|以|按照|根据|在|高度|积极|进一步|围绕|继续|扎实|大力|持续|不断|切实|紧扣|立足|把|将|共|全年|主动|依法|贯彻|落实|政府信息公开|政务公开|信息公开|紧密|牢固|聚焦|着力|加强)/;

/** Organ named in the body, as the subject of a sentence (「2019年，区商务局认真贯彻…」). */
export function organFromBody(paragraphs: readonly string[]): string | undefined {
  const re =
    /(?:^|[，。；、,]|[0-9]{4}年度?(?:以来)?[，,]?)\s*([\u4e00-\u9fff]{1,24}?(?:人民政府办公室|人民政府|委员会|管委会|办公室|街道办事处|局|厅|委|政府|中心|院|署|街道|镇|乡))/g;
  for (const p of paragraphs.slice(0, 8)) {
    for (let m = re.exec(p); m; m = re.exec(p)) {
      const name = m[1] ?? "";
      const end = m.index + m[0].length;
      if (
        name.length >= 2 &&
        VERB.test(p.slice(end, end + 8)) &&
        !/^(我|本|各|全|该|上级|中华人民共和国)/.test(name) &&
        !isSelfReference(name) &&
        isOrganInSentence(name, p.slice(end, end + 4))
      )
        return name;
    }
  }
  return undefined;
}

const TITLE_END = /(年度报告|年报|工作报告|报告)\s*([（(][^）)]*[）)])?$/;

function titleScore(title: string): number {
  const organ = organFromTitle(title);
  return (
    (/(19|20)\d{2}\s*年|[〇零一二三四五六七八九]{4}年/.test(title) ? 2 : 0) +
    (/政府信息公开|政务公开/.test(title) ? 2 : 0) +
    (/年度报告|年报/.test(title) ? 1 : 0) +
    (organ && ORGAN_SUFFIX.test(organ) ? 2 : 0)
  );
}

/** The title among the lines before the first section (split over two or three lines, after portal chrome). */
export function findTitle(lines: readonly string[]): { title: string; used: number } | undefined {
  let best: { title: string; used: number; score: number } | undefined;
  const short = (t: string) => t !== "" && t.length <= 40 && !/[。；，：:,;]/.test(t);
  for (let i = 0; i < lines.length && i < 60; i++) {
    const written = trimAll(lines[i] ?? "");
    // A line with its own field label (「标题: …」) is whole: the line above it is no part of the title.
    const t = written.replace(FIELD_LABEL, "");
    if (t.length > 60 || !TITLE_END.test(t) || /[。；]/.test(t)) continue;
    let title = t;
    // Join up to two short lines before it when the line alone lacks the organ or the year.
    let j = i - 1;
    for (let k = 0; k < (t === written ? 3 : 0); k++) {
      while (j >= 0 && trimAll(lines[j] ?? "") === "") j--;
      const prev = j >= 0 ? trimAll(lines[j] ?? "") : "";
      if (!short(prev) || TITLE_END.test(prev) || prev.length > 24) break;
      const joined = prev + title;
      // A line naming just a place above (「杭州市」 over 「西湖区市场监督管理局2021年度…」) belongs to the organ.
      const place =
        /[省市区县州盟旗镇乡]$/.test(prev) &&
        !MENU_CATEGORY.test(prev) &&
        (organFromTitle(joined)?.length ?? 0) > (organFromTitle(title)?.length ?? 0);
      const needsMore = !organFromTitle(title) || titleScore(title) < 5;
      if (!place && !(needsMore && titleScore(joined) > titleScore(title))) break;
      title = joined;
      j--;
    }
    const score = titleScore(title);
    if (!best || score > best.score) best = { title, used: i + 1, score };
  }
  if (best && best.score >= 3)
    return { title: trimAll(best.title.replace(FIELD_LABEL, "")), used: best.used };
  return inlineTitle(lines);
}

/** A title inside a long run-on line (crawler text with no breaks): the organ runs back to a delimiter. */
const INLINE_TITLE = /((?:19|20)\d{2})\s*年度?政府信息公开(?:工作)?年度报告/g;

function inlineTitle(lines: readonly string[]): { title: string; used: number } | undefined {
  for (let i = 0; i < lines.length && i < 5; i++) {
    const line = asciiDigits(lines[i] ?? "");
    // Not inside a cited document's title (「根据《某省人民政府办公厅关于做好2022年政府信息公开工作年度报告…的通知》」).
    // The brackets are followed in one pass with the hits (linear however many hits the line holds).
    let m: RegExpExecArray | null = null;
    let pos = 0;
    let cited = false;
    for (const hit of line.matchAll(INLINE_TITLE)) {
      for (; pos < hit.index; pos++) {
        const c = line.charCodeAt(pos);
        if (c === 0x300a)
          cited = true; // 《
        else if (c === 0x300b) cited = false; // 》
      }
      if (!cited) {
        m = hit;
        break;
      }
    }
    if (!m) continue;
    const before =
      line
        .slice(0, m.index)
        .split(/[\s>＞»】\]:：|，,。；;《》“”]/)
        .pop() ?? "";
    const organ = sentenceVerbCut(before.replace(/^.*(年报|专栏|栏目|公开)/, ""));
    if (organ.length >= 2 && !isSelfReference(organ)) return { title: organ + m[0], used: i + 1 };
  }
  return undefined;
}
