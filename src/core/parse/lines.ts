// Text clean-up before parsing: line endings, invisible characters, page marks, Word field artefacts and crawler chrome.
import { halfWidthDigits } from "../text/digits.ts";
import { oneOf, trimEndChars } from "../text/trim.ts";
import { flipbookLine } from "./flipbook.ts";
import { stripWordStyles } from "./word-styles.ts";

const LINE_END_SPACE = oneOf(" \u00a0\u3000");

const PAGE_MARK = [
  /^[-－—–‒―─\s]*\d{1,3}[-－—–‒―─\s]*$/, // 「- 2 -」「— 3 —」 (a bare number only with dashes around it: see below)
  /^PAGE\s*\d*$/i,
  /^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$/,
  /^\d+\s*\/\s*\d+$/,
];

const CHROME = [
  /^(首页|当前位置|您当前的位置|您的位置|当前位置)\s*[：:>＞]/,
  /^(首页\s*[>＞»])/,
  /【\s*(打印|关闭|字体|收藏|字号)[^】]{0,20}】/,
  /^(字号|字体)\s*[：:]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中/,
  /^(索引号|发布机构|发文机关|信息来源|来源|发布日期|发布时间|生成日期|成文日期|主题分类|组配分类|体裁分类|文号|有效性|浏览次数|访问次数|点击数|阅读次数|信息分类|公开方式|公开范围|责任部门|编号|栏目|所属栏目)\s*[：:]/,
  /^(上一篇|下一篇|相关链接|相关文章|相关阅读|分享到|扫一扫|网站地图|联系我们|版权所有|主办单位|承办单位|技术支持|网站标识码)/,
  /(ICP备|公网安备|网站标识码)/,
  /^(地址|电话|传真|邮编|邮政编码|邮箱|E-?mail|责任编辑|编辑|审核|校对|网站地图|访问量)\s*[：:]/i,
  /^【?(我要纠错|纠错|收藏|分享|返回顶部|返回)】?$/,
  /^(打印|关闭|打印本页|关闭窗口|返回顶部|\[?打印\]?\s*\[?关闭\]?)$/,
];

const BRACKET_CHROME = /【\s*(打印|关闭|字体|收藏|字号|我要纠错|纠错|分享|返回)[^】]{0,20}】/;
const BRACKET_CHROME_G = new RegExp(BRACKET_CHROME.source, "g");
const PAGE_HINT = /[-－—–‒―─/页]|PAGE/i;
const CHROME_HINT =
  /[：:>＞»【]|ICP|公网|上一篇|下一篇|相关|分享|扫一扫|网站|版权|主办|承办|技术支持|联系我们|打印|关闭|返回|收藏|纠错/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const INVISIBLE_TEST = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

/** True when a line is only a page mark (「- 2 -」, 「— 3 —」, 「PAGE 7」, 「第2页 共8页」). */
export function isPageMark(line: string): boolean {
  if (line.length > 40 || !PAGE_HINT.test(line)) return false;
  const t = halfWidthDigits(line.trim());
  if (t === "" || t.length > 20 || !/[-－—–‒―─/页]|PAGE/i.test(t)) return false;
  if (/^\d+$/.test(t)) return false;
  if (/^[-－—–‒―─]+\s*\d{1,3}\s*[-－—–‒―─]+$/.test(t)) return true;
  return PAGE_MARK.slice(1).some((re) => re.test(t));
}

/** True when a short line is portal chrome (breadcrumbs, print/close links, metadata boxes). */
export function isChrome(line: string): boolean {
  const t = line.trim();
  if (t === "" || t.length > 80 || !CHROME_HINT.test(t)) return false;
  return CHROME.some((re) => re.test(t));
}

const STANDARD_HEADING_INLINE =
  /(?=[一二三四五六](?:、|．|\.)(?:总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政[^、，。]?复议|存在的主要问题|其他需要报告的事项))/g;

/** Crawler text with no line breaks at all: breaks before the standard section headings. */
function splitRunOn(text: string): string {
  if (text.length < 400 || text.split("\n", 12).length > 10) return text;
  return text.replace(STANDARD_HEADING_INLINE, "\n");
}

/** Splits text into clean lines: BOM, CR/LF, form feeds, invisible characters, page marks and chrome removed. */
export function cleanLines(text: string): string[] {
  let unified = splitRunOn(stripWordStyles(INVISIBLE_TEST.test(text) ? text.replace(INVISIBLE, "") : text));
  // Replaced only where present (most texts have neither: no scan and no copy of the whole text for them).
  if (unified.includes("\r")) unified = unified.replace(/\r\n?/g, "\n");
  if (unified.includes("\f")) unified = unified.replace(/\f/g, "\n");
  const raw = unified.split("\n");
  const out: string[] = [];
  let flipTitle = false;
  for (let i = 0; i < raw.length; i++) {
    const full = raw[i] ?? "";
    const t = full.trim();
    const end = full.charCodeAt(full.length - 1);
    const line = end === 32 || end === 0xa0 || end === 0x3000 ? trimEndChars(full, LINE_END_SPACE) : full;
    // Word's PAGE field: 「PAGE」 then the number on the next line.
    if (t.length === 4 && /^PAGE$/i.test(t) && /^\s*\d{1,3}\s*$/.test(raw[i + 1] ?? "")) {
      i++;
      continue;
    }
    let l = line;
    const page = t.charCodeAt(0) === 80 ? flipbookLine(t, flipTitle) : undefined; // 「P」
    if (page === "drop") continue;
    if (page) {
      flipTitle = true;
      l = page.title;
    }
    const edge = i < 40 || i > raw.length - 40;
    // Portal links glued to content (「2020年1月20日 【打印本页】 【关闭窗口】」): drop the links, keep the rest.
    if (edge && t.includes("【") && BRACKET_CHROME.test(t)) {
      l = trimEndChars(l.replace(BRACKET_CHROME_G, ""), LINE_END_SPACE);
      if (l.trim() === "") continue;
    } else if (t !== "" && (isPageMark(t) || (edge && isChrome(t)))) continue;
    if (l.includes("?")) l = l.replace(LOST_SPACE, (m) => " ".repeat(m.length));
    if (l.includes("#")) l = l.replace(/^\s*#{1,6}\s+/, "");
    if (l.includes("**")) l = l.replace(/\*\*/g, "");
    out.push(l);
  }
  return out;
}

/**
 * Question marks a page's encoding left for lost spaces (NBSP, ideographic space): a run of 「?」 at the start of a
 * line or after a space or a bar, before a digit or a Han character (「? 0 |」, 「????一、总体情况」), is spaces.
 */
const LOST_SPACE = /(?<=^|[\s|])\?+(?=[\s\u00a0\u3000]*[0-9\u4e00-\u9fff])/g;

/** Trims ASCII, NBSP and ideographic spaces. */
export function trimAll(s: string): string {
  return s.trim(); // String.prototype.trim also removes NBSP, ideographic and other Unicode spaces
}
