// Server-rendered pages: `/` 年报工作台 (enhanced by /ui/workbench.js) and the portal page of an organ's published years.
import { type AssetName, assetUrl } from "./assets.ts";
import { escapeHtml } from "./tables-html.ts";

/** Pages of our own: scripts and styles from this origin only; the PDF preview is a blob URL in a frame. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

function layout(title: string, body: string, script?: AssetName): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetUrl("workbench.css")}">
${script ? `<script src="${assetUrl(script)}" defer></script>\n` : ""}</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="top"><p class="brand"><a href="/">年报工作台</a></p><nav aria-label="站点"><a href="/">检查与发布</a> <a href="/docs">接口说明</a></nav></header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>
`;
}

/** `/`: the input form, the results region (filled by the script) and the publish area. */
export function workbenchPage(options: { tokenRequired: boolean }): string {
  const token = options.tokenRequired
    ? `<p class="token"><label for="token">访问令牌</label> <input id="token" type="password" autocomplete="off" aria-describedby="token-help"> <span id="token-help" class="help">本服务要求令牌才能检查和发布；只保存在本浏览器标签页中。</span></p>`
    : "";
  return layout(
    "年报工作台 — 政府信息公开工作年度报告检查与发布",
    `<h1>年报工作台</h1>
<p class="lead">检查政府信息公开工作年度报告的表格勾稽关系，在表格上改正，预览 PDF，然后发布。</p>
<noscript><p class="notice">检查与发布需要启用浏览器的 JavaScript。阅读已发布的报告不需要：请打开「/r/机关名称/」。</p></noscript>
<form id="input-form" class="input" aria-labelledby="input-h" method="post" action="/v1/validate" enctype="multipart/form-data">
<h2 id="input-h">1. 提供报告</h2>
${token}
<div id="drop" class="drop">
<label for="file">选择文件</label>
<input id="file" name="file" type="file" accept=".txt,.text,.md,.html,.htm,.json,.docx,.pdf,text/plain,text/html,application/json,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby="file-help">
<p id="file-help" class="help">支持 .txt、.html、.json、.docx、.pdf；也可以把文件拖到这里。选择文件后立即检查。</p>
</div>
<p><label for="text">或粘贴报告全文（从 Word、PDF 或网页复制）</label></p>
<textarea id="text" name="text" rows="8" spellcheck="false"></textarea>
<p><button type="submit" class="primary">检查</button></p>
</form>
<p id="status" class="status" role="status" aria-live="polite"></p>
<p id="alert" class="alert" role="alert" hidden></p>
<section id="results" aria-labelledby="results-h" hidden>
<h2 id="results-h">2. 检查结果 <span id="report-title"></span></h2>
<div class="cols">
<div class="col-side">
<div class="source-panel">
<h3 id="source-h">数据来源</h3>
<div id="source" class="source" aria-live="polite" aria-labelledby="source-h"><p class="help">点击表格中的数字或问题，查看它在原文中的位置。</p></div>
</div>
<h3 id="findings-h">发现的问题</h3>
<div id="findings" aria-labelledby="findings-h"></div>
</div>
<div class="col-tables">
<form id="tables" aria-label="报告表格（可直接改正数字）" novalidate></form>
<p class="actions"><button type="submit" form="tables" class="primary">重新检查</button></p>
</div>
</div>
<h2 id="publish-h">3. 预览与发布</h2>
<p class="option"><label><input type="checkbox" id="tagged"> 无障碍 PDF（带结构标签，便于读屏软件朗读标题、段落和表格；文件略大）</label></p>
<p class="actions"><button type="button" id="preview-button">预览 PDF</button> <button type="button" id="publish-button" class="primary">发布</button></p>
<div id="preview" class="preview"></div>
<div id="links" class="published" aria-live="polite"></div>
</section>`,
    "workbench.js",
  );
}

export interface PublishedYear {
  year: number;
  createdAt: string;
  pdf: string;
  html: string;
  versions: number;
}

/** `/r/{organ}/`: the organ's published years, newest first, plain links (no script). */
export function organPage(organ: string, years: readonly PublishedYear[]): string {
  const rows = years
    .map(
      (y) =>
        `<tr><th scope="row">${y.year} 年度</th><td><a href="${escapeHtml(y.pdf)}">PDF</a></td><td><a href="${escapeHtml(y.html)}">网页版</a></td>` +
        `<td><time datetime="${escapeHtml(y.createdAt)}">${escapeHtml(y.createdAt.slice(0, 10))}</time>${y.versions > 1 ? `（共 ${y.versions} 版，显示最新）` : ""}</td></tr>`,
    )
    .join("\n");
  return layout(
    `${organ} 政府信息公开工作年度报告`,
    `<h1>${escapeHtml(organ)}<br><small>政府信息公开工作年度报告</small></h1>
${
  years.length
    ? `<table class="years"><caption>已发布的年度报告（最新在前）</caption>
<thead><tr><th scope="col">年度</th><th scope="col">PDF</th><th scope="col">网页</th><th scope="col">发布日期</th></tr></thead>
<tbody>
${rows}
</tbody></table>`
    : `<p>尚未发布任何年度报告。</p>`
}`,
  );
}
