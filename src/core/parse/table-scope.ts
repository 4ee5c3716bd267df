// Where a table's text starts: lines before a table's own header are prose, and table 四 without its heading starts at its header words.

/** Words that open each table (its article, header or first official row). */
const HEADER: Record<"proactive" | "requests" | "appeals", RegExp> = {
  proactive: /第二十条|信息内容/,
  requests: /本列数据|申请人情况|^[^\u4e00-\u9fff]*一[、.．]?\s*本年新收/,
  // Its column words, or 「行政复议」 written as a cell (not in a sentence or a sub-heading of the overview).
  appeals: /结果维持|结果纠正|尚未审结|直接起诉|复议后起诉|^[\s|]*行政复议[\s|]*(?:行政诉讼[\s|]*)?$/,
};

/** Prose as written around tables: a sentence with Chinese punctuation (「，」「、」「；」「。」) of some length. */
const SENTENCE = /[，,、；;。：:][^|\t，,、；;。：:]*[，,、；;。：:]/;

/**
 * Splits a table section's lines at the table's own header: lines before it that read as sentences (「主动公开信息66条，
 * 其中：行政许可事项3条、行政处罚1…」) are notes, not rows, even when they name a row; and a sentence run on before the
 * header on the header's own line (crawler text: 「2023年，共收到政府信息公开申请0条。（本列数据的勾稽关系为…）申请人情况…」)
 * is cut off there, after its last 「。」 (`cut`), when the part before reads as a sentence. Without a header line, nothing
 * moves.
 */
export function notesBeforeHeader(
  role: keyof typeof HEADER,
  lines: readonly string[],
): { notes: Set<number>; cut?: { line: number; at: number } } {
  const notes = new Set<number>();
  const head = lines.findIndex((l) => HEADER[role].test(l));
  if (head < 0) return { notes };
  for (let i = 0; i < head; i++) {
    const l = (lines[i] ?? "").trim();
    if (l.length >= 20 && !l.includes("|") && !l.includes("\t") && SENTENCE.test(l)) notes.add(i);
  }
  const l = lines[head] ?? "";
  const k = HEADER[role].exec(l)?.index ?? 0;
  const stop = l.lastIndexOf("。", k);
  if (stop < 0 || stop >= k || l.includes("|") || l.includes("\t")) return { notes };
  const note = l.slice(0, stop + 1).trim();
  return note.length >= 10 && SENTENCE.test(note) ? { notes, cut: { line: head, at: stop + 1 } } : { notes };
}

/** Where table 三 or 四 starts when it has no section of its own: its header or first official rows. */
const START: Record<"requests" | "appeals", RegExp> = {
  requests:
    /本列数据|申请人情况|本年新收|新收政府信息|上年结转|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|结转下年/,
  appeals: HEADER.appeals,
};

/**
 * Table 三 or 四 read from a text with no section of its own: only from the first line with its header words or first
 * rows on, so that the numbers of other tables, of prose or of a title (「…信访局…」 names no 表三 row) never become its
 * cells. No such line: no lines. Table 二 keeps every line.
 */
export function tableScope(role: "proactive" | "requests" | "appeals", lines: string[]): string[] {
  if (role === "proactive") return lines;
  const start = lines.findIndex((l) => START[role].test(l));
  return start < 0 ? [] : lines.slice(start);
}
