// The API explorer page for GET /docs: reads /openapi.json with its own script (/ui/docs.js), no CDN, no inline script.
import { assetUrl } from "../web/assets.ts";

export const DOCS_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nianbao 接口说明</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetUrl("workbench.css")}">
<script src="${assetUrl("docs.js")}" defer></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="top"><p class="brand"><a href="/">年报工作台</a></p><nav aria-label="站点"><a href="/">检查与发布</a> <a href="/docs">接口说明</a></nav></header>
<main id="main" tabindex="-1" class="docs">
<h1>接口说明</h1>
<p class="lead">政府信息公开工作年度报告：校验、生成 PDF/网页并以稳定链接发布。机器可读的说明：<a href="/openapi.json">openapi.json</a>。每个接口都可以在下面直接试用，也可以上传文件。</p>
<p><label for="token">访问令牌（服务要求时填写，用于写入）</label> <input type="password" id="token" autocomplete="off"></p>
<div id="ops">正在读取…</div>
</main>
</body>
</html>
`;
