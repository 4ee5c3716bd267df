// Portal chrome a crawler leaves in a report's preamble: its own header fields (原文链接, 本地目录, 「==== 正文 ====」) and a breadcrumb run on before the body (「当前位置：… 来源： 时间：… 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接：」).

/** A crawler's or portal's field line: the page's address or the archive's folder. */
const FIELD_LINE = /^(?:原文链接|原文地址|原文网址|网页地址|本地目录|页面链接与图片详见)\s*[:：]?/;
/** A separator line of the archive (「==================== 正文 ====================」), alone or before text. */
const RULE_HEAD = /^[=＝]{5,}\s*(?:正文)?\s*[=＝]{5,}\s*/;
/** A breadcrumb, or the source and time line of an article page, at the head of a line. */
const BREADCRUMB = /^(?:当前位置|您当前的位置|您的位置|当前所在位置|来源|信息来源|发布时间|时间)\s*[:：]/;
/** Page furniture between the breadcrumb and the body; the body starts after the last one found near the start. */
const MARKERS = [
  "相关链接：",
  "相关链接:",
  "-->",
  "文件下载",
  "文字版",
  "全真版",
  "QQ空间",
  "分享到",
  "打印本页",
  "关闭窗口",
];
/** How far into a breadcrumb line its furniture may reach. */
const REACH = 400;

/** The body text of a breadcrumb line (the furniture cut off), or undefined when no furniture shows where it ends. */
function afterBreadcrumb(line: string): string | undefined {
  const head = line.slice(0, REACH);
  let end = -1;
  for (const m of MARKERS) {
    const at = head.lastIndexOf(m);
    if (at >= 0 && at + m.length > end) end = at + m.length;
  }
  return end < 0 ? undefined : line.slice(end).trim();
}

/** A portal's 索引 box (「索引号 014314799/2024-00002 分类 …」, then 发布机构/公开日期/文号 lines): no part of the report. */
const INDEX_HEAD = /^索引号(?:[\s:：]|$)/;
/** A field line of the box (tab-separated cells, or short), up to the first empty line. */
const BOX_FIELD = (l: string) => l !== "" && (l.includes("\t") || l.length <= 30) && !/[。，；]/.test(l);

/** The preamble's lines without crawler and portal chrome; lines of the report itself are kept as written. */
export function withoutCrawlerChrome(lines: readonly string[]): string[] {
  const out: string[] = [];
  let inBox = 0;
  for (const raw of lines) {
    let line = raw.trim();
    if (inBox > 0 && BOX_FIELD(line)) {
      inBox--;
      continue;
    }
    inBox = INDEX_HEAD.test(line) && !/[。，；]/.test(line) ? 12 : 0;
    if (inBox > 0) continue;
    if (FIELD_LINE.test(line)) continue;
    line = line.replace(RULE_HEAD, "");
    if (BREADCRUMB.test(line)) line = afterBreadcrumb(line) ?? line;
    if (line === "" && raw.trim() !== "") continue;
    out.push(line === raw.trim() ? raw : line);
  }
  return out;
}

const isSpace = (c: string) => c === " " || c === "\t" || c === "\u3000" || c === "\u00a0";

/** Where `title` sits in `line` when it starts within its first `within` characters (spaces not counted). */
function titleEnd(line: string, title: string, within: number): { start: number; end: number } | undefined {
  const t = [...title].filter((c) => !isSpace(c)).join("");
  if (t.length < 8) return undefined;
  for (let start = 0; start <= within && start < line.length; start++) {
    if (isSpace(line[start] ?? "") || line[start] !== t[0]) continue;
    let i = start;
    let k = 0;
    while (i < line.length && k < t.length) {
      const c = line[i] ?? "";
      if (isSpace(c)) i++;
      else if (c === t[k]) {
        i++;
        k++;
      } else break;
    }
    if (k === t.length) return { start, end: i };
  }
  return undefined;
}

/**
 * The title repeated at the head of the body (「平潭综合实验区2019年政府信息公开工作年度报告 根据《条例》…」, or after a
 * document number 「岚经发〔2020〕2号 …」) is the title, not the preamble: cut from the first line, the number kept.
 */
export function withoutTitleRepeat(lines: readonly string[], title: string): string[] {
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first < 0) return [...lines];
  let line = (lines[first] ?? "").trim();
  let number = "";
  // 「TITLE 来源： 时间：… 相关链接： TITLE 根据…」: the title, the article's furniture and the title again.
  for (let round = 0; round < 3; round++) {
    const found = titleEnd(line, title, 30);
    // Only at the line's head, or after a document number (「岚经发〔2020〕2号」); never inside a sentence.
    const head = found ? line.slice(0, found.start).trim() : "";
    const at = found && (head === "" || /^[^，。；、\s]{2,20}号$/.test(head)) ? found : undefined;
    if (at) {
      number ||= head;
      line = line.slice(at.end).trim();
    }
    const body = BREADCRUMB.test(line) ? afterBreadcrumb(line) : undefined;
    if (body !== undefined) line = body;
    if (!at && body === undefined) break;
  }
  const kept = [number, line].filter((x) => x !== "");
  return [...lines.slice(0, first), ...kept, ...lines.slice(first + 1)];
}
