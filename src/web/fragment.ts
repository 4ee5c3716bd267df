// A published report's HTML body for a portal CMS to embed: the <article> of the stored page, without <html>, styles or fonts.
import { escapeHtml } from "./tables-html.ts";

/** The `<article>…</article>` of a rendered report page (found with two linear searches), or null. */
export function articleOf(page: string): string | null {
  const start = page.indexOf("<article");
  const end = page.lastIndexOf("</article>");
  if (start < 0 || end < start) return null;
  return page.slice(start, end + "</article>".length);
}

/** The fragment: a stylesheet link (absolute, the portal is elsewhere) and the article in a scoping wrapper. */
export function fragmentHtml(article: string, stylesheet: string, title: string): string {
  return (
    `<link rel="stylesheet" href="${escapeHtml(stylesheet)}">\n` +
    `<div class="nianbao-report" lang="zh-CN" data-title="${escapeHtml(title)}">\n${article}\n</div>\n`
  );
}
