// Flip-book page text (online PDF readers): each page opens with 「Page 8 - <title>」 and 「P. 8」; neither is report text.

const PAGE_TITLE = /^\s*Page\s+\d{1,4}\s+-\s+(.*\S)\s*$/;
const PAGE_NO = /^\s*P\.\s*\d{1,4}\s*$/;

/**
 * What a flip-book page line is: `drop` for a page number (「P. 8」) or a repeated page title, `title` (with the
 * title text) for the first page title — kept once, as the report's title line — and undefined for any other line.
 */
export function flipbookLine(line: string, titleSeen: boolean): "drop" | { title: string } | undefined {
  if (line.length > 200 || !/^\s*P/.test(line)) return undefined;
  if (PAGE_NO.test(line)) return "drop";
  const m = PAGE_TITLE.exec(line);
  if (!m) return undefined;
  return titleSeen ? "drop" : { title: m[1] as string };
}
