// Routes of the web pages: `/` 年报工作台, the workbench's own assets under /ui/, and the portal pages under /r/{organ}/.
import { NianbaoError } from "../core/errors.ts";
import { defaultTitle } from "../core/labels.ts";
import type { App } from "../http/app-type.ts";
import { IMMUTABLE } from "../http/artifact-headers.ts";
import { baseUrl } from "../http/routes/base-url.ts";
import type { AppServices } from "../http/services.ts";
import { artifactKey, portalLinks } from "../service/layout.ts";
import { latestVersion, listVersions } from "../service/versions.ts";
import { asset, assetUrl } from "./assets.ts";
import { articleOf, fragmentHtml } from "./fragment.ts";
import { organPage, PAGE_CSP, type PublishedYear, workbenchPage } from "./page.ts";

const SHORT = "public, max-age=60";
const PAGE_HEADERS = {
  "Content-Security-Policy": PAGE_CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
};
/** A fragment opened on its own: shown and styled from here, nothing else. */
const fragmentCsp = (origin: string) =>
  `default-src 'none'; style-src 'self' ${origin}; img-src data:; sandbox`;

const organOf = (raw: string): string => {
  if (raw.length === 0 || raw.length > 200) throw new NianbaoError("not_found", "机关名称不正确");
  return raw;
};

export function webRoutes(app: App, services: AppServices): void {
  const { storage } = services;
  const page = workbenchPage({ tokenRequired: services.config.apiTokens.length > 0 });

  app.get("/", (c) => c.html(page, 200, { ...PAGE_HEADERS, "Cache-Control": "no-cache" }));

  app.get("/ui/:name", (c) => {
    const found = asset(c.req.param("name"));
    if (!found) throw new NianbaoError("not_found", "未找到该文件");
    const etag = `"${found.etag}"`;
    const headers = {
      ETag: etag,
      "Content-Type": found.type,
      "Cache-Control": c.req.query("v") === found.etag ? IMMUTABLE : "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    return c.body(found.body, 200, headers);
  });

  app.get("/r/:organ", (c) => c.redirect(`/r/${encodeURIComponent(organOf(c.req.param("organ")))}/`, 301));

  app.get("/r/:organ/", async (c) => {
    const organ = organOf(c.req.param("organ"));
    const versions = await listVersions(storage, organ);
    const years: PublishedYear[] = [];
    for (const v of versions) {
      const seen = years.find((y) => y.year === v.year);
      if (seen) seen.versions++;
      else years.push({ year: v.year, createdAt: v.createdAt, ...portalLinks(organ, v.year), versions: 1 });
    }
    years.sort((a, b) => b.year - a.year);
    if (years.length === 0 && !(c.req.header("accept") ?? "").includes("text/html"))
      throw new NianbaoError("not_found", `未找到${organ}已发布的报告`);
    return c.html(organPage(organ, years), years.length ? 200 : 404, {
      ...PAGE_HEADERS,
      "Cache-Control": SHORT,
    });
  });

  app.get("/r/:organ/:file{[0-9]{4}\\.fragment\\.html}", async (c) => {
    const organ = organOf(c.req.param("organ"));
    const year = Number(c.req.param("file").slice(0, 4));
    const latest = await latestVersion(storage, organ, year);
    if (!latest) throw new NianbaoError("not_found", `未找到${organ}${year}年度的报告`);
    const stored = await storage.get(artifactKey(latest.id, "html"));
    const article = stored ? articleOf(new TextDecoder().decode(stored.body)) : null;
    if (!article) throw new NianbaoError("not_found", "未找到该报告的网页版");
    const base = baseUrl(c, services.config);
    const css = `${base}${assetUrl("report.css")}`;
    return c.html(fragmentHtml(article, css, defaultTitle(organ, year)), 200, {
      "Content-Security-Policy": fragmentCsp(new URL(base).origin),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": SHORT,
    });
  });
}
