// GET /v1/reports/{id}[.pdf|.html|.json|.tujie.html|.tujie.pdf] (immutable, ETag, 304, Range), GET /v1/reports?organ=&year=, /r/{organ}/{year}.{…}.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { NianbaoError } from "../../core/errors.ts";
import { readMeta } from "../../service/convert.ts";
import {
  type ArtifactKind,
  artifactKey,
  CONTENT_TYPES,
  metaKey,
  portalLinks,
  reportLinks,
} from "../../service/layout.ts";
import { latestVersion, listVersions } from "../../service/versions.ts";
import type { App } from "../app-type.ts";
import { HTML_CSP, IMMUTABLE } from "../artifact-headers.ts";
import { contentDisposition } from "../disposition.ts";
import { errors, json } from "../docs-helpers.ts";
import { notFoundHook } from "../parse.ts";
import { countFindings, prefersMinimal } from "../prefer.ts";
import { parseRange } from "../range.ts";
import { ReportInfo, ReportInfoMinimal, VersionList, VersionsQuery } from "../schemas.ts";
import type { AppEnv, AppServices } from "../services.ts";
import { baseUrl } from "./base-url.ts";
import { serveTujie } from "./tujie.ts";

const SHORT = "public, max-age=60";
/** A report id (32 hex digits, see service/canonical.ts) with an optional artifact or 图解 extension. */
const REF = /^([0-9a-f]{32})(?:\.(pdf|html|json|tujie\.html|tujie\.pdf))?$/;
type RefKind = ArtifactKind | "tujie.html" | "tujie.pdf";
const TUJIE_KIND = { "tujie.html": "html", "tujie.pdf": "pdf" } as const;
/** A portal file: the year and what of its latest version. */
const PORTAL_FILE = /^(\d{4})\.(pdf|html|tujie\.html|tujie\.pdf)$/;
type PortalKind = "pdf" | "html" | "tujie.html" | "tujie.pdf";
const PORTAL_LINK = { pdf: "pdf", html: "html", "tujie.html": "tujie", "tujie.pdf": "tujiePdf" } as const;

const listRoute = createRoute({
  method: "get",
  path: "/v1/reports",
  summary: "List the published versions of an organ's reports, newest first",
  request: { query: VersionsQuery },
  responses: { 200: json(VersionList, "Versions"), ...errors(400) },
});

const refRoute = createRoute({
  method: "get",
  path: "/v1/reports/{ref}",
  summary:
    "A report's metadata ({id}), one of its artifacts ({id}.pdf, {id}.html, {id}.json) or its 报告图解 ({id}.tujie.html, {id}.tujie.pdf)",
  description:
    "Artifacts are immutable: ETag, If-None-Match (304), Range on the PDF (206/416), Cache-Control immutable, a Chinese file name in Content-Disposition. The 图解 (key figures and charts, HTML phone-first or an A4 PDF) is made when the report is published, with the changes from the organ's report of the year before when one was stored; for a report published before 图解 existed it is made on the first request. `Prefer: return=minimal` gives the metadata with finding counts instead of the findings.",
  request: {
    params: z.object({
      ref: z.string().regex(REF).describe("{id}, or {id}.pdf|.html|.json|.tujie.html|.tujie.pdf"),
    }),
  },
  responses: {
    200: {
      description: "Metadata (JSON) or the artifact",
      content: {
        "application/json": { schema: z.union([ReportInfo, ReportInfoMinimal]) },
        "application/pdf": { schema: { type: "string", format: "binary" } },
        "text/html": { schema: { type: "string" } },
      },
    },
    206: { description: "Partial content (Range)" },
    304: { description: "Not modified" },
    416: { description: "Range not satisfiable" },
    ...errors(404, 503),
  },
});

const portalRoute = createRoute({
  method: "get",
  path: "/r/{organ}/{file}",
  summary:
    "Stable portal link: redirects to the latest version published for an organ and year (its PDF, HTML, or 报告图解)",
  request: {
    params: z.object({
      organ: z.string().min(1).max(200).describe("机关名称, percent-encoded"),
      file: z
        .string()
        .regex(PORTAL_FILE)
        .describe("{year}.pdf, {year}.html, {year}.tujie.html or {year}.tujie.pdf"),
    }),
  },
  responses: { 302: { description: "Location: the artifact of the latest version" }, ...errors(404) },
});

export function reportRoutes(app: App, services: AppServices): void {
  const { storage } = services;

  app.openapi(listRoute, async (c) => {
    const { organ, year } = c.req.valid("query");
    const base = baseUrl(c, services.config);
    const versions = await listVersions(storage, organ, year);
    c.header("Cache-Control", SHORT);
    if (!services.config.publicBaseUrl) c.header("Vary", "Host");
    return c.json(
      {
        organ,
        ...(year === undefined ? {} : { year }),
        versions: versions.map((v) => ({
          id: v.id,
          year: v.year,
          createdAt: v.createdAt,
          links: reportLinks(v.id, base),
        })),
      },
      200,
    );
  });

  app.openapi(
    refRoute,
    async (c) => {
      const [, id, kind] = REF.exec(c.req.valid("param").ref) as unknown as [
        string,
        string,
        RefKind | undefined,
      ];
      if (kind === "tujie.html" || kind === "tujie.pdf") return serveTujie(c, services, id, TUJIE_KIND[kind]);
      if (kind) return serveArtifact(c, services, id, kind);
      const meta = await readMeta(storage, id);
      if (!meta) throw new NianbaoError("not_found", "未找到该报告");
      const base = baseUrl(c, services.config);
      c.header("Cache-Control", IMMUTABLE);
      // The links come from the Host header unless PUBLIC_BASE_URL is set: a cache must key on it.
      c.header("Vary", services.config.publicBaseUrl ? "Prefer" : "Host, Prefer");
      const links = { links: reportLinks(id, base), portal: portalLinks(meta.organ, meta.year, base) };
      // `Prefer: return=minimal`: the findings as counts only (a report may carry hundreds).
      if (prefersMinimal(c.req.header("prefer"))) {
        c.header("Preference-Applied", "return=minimal");
        const { findings, ...rest } = meta;
        return c.json({ ...rest, findingCounts: countFindings(findings), ...links }, 200);
      }
      return c.json({ ...meta, ...links }, 200);
    },
    notFoundHook("报告编号格式不正确"),
  );

  app.openapi(
    portalRoute,
    async (c) => {
      const { organ, file } = c.req.valid("param");
      const [, year, kind] = PORTAL_FILE.exec(file) as unknown as [string, string, PortalKind];
      const latest = await latestVersion(storage, organ, Number(year));
      if (!latest) throw new NianbaoError("not_found", `未找到${organ}${year}年度的报告`);
      c.header("Cache-Control", SHORT);
      if (!services.config.publicBaseUrl) c.header("Vary", "Host");
      return c.redirect(reportLinks(latest.id, baseUrl(c, services.config))[PORTAL_LINK[kind]], 302);
    },
    notFoundHook(),
  );
}

async function serveArtifact(c: Context<AppEnv>, services: AppServices, id: string, kind: ArtifactKind) {
  // An artifact without meta.json is half-published (a crash mid-write): never served; the sweep removes it.
  const [object, meta] = await Promise.all([
    services.storage.get(artifactKey(id, kind)),
    services.storage.head(metaKey(id)),
  ]);
  if (!object || !meta) throw new NianbaoError("not_found", "未找到该报告文件");
  const etag = `"${object.etag}"`;
  const name = object.metadata.filename ?? `report-${id}`;
  const headers: Record<string, string> = {
    ETag: etag,
    "Cache-Control": IMMUTABLE,
    "Content-Type": CONTENT_TYPES[kind],
    "Content-Disposition": contentDisposition(`${name}.${kind}`, `nianbao-${id}.${kind}`),
    "X-Content-Type-Options": "nosniff",
    "Last-Modified": object.uploaded.toUTCString(),
  };
  if (kind === "html") headers["Content-Security-Policy"] = HTML_CSP;
  if (kind === "pdf") headers["Accept-Ranges"] = "bytes";

  if (etagMatches(c.req.header("if-none-match"), object.etag)) {
    return c.body(null, 304, pick(headers, ["ETag", "Cache-Control", "Last-Modified"]));
  }
  const ifRange = c.req.header("if-range");
  const range =
    kind === "pdf" && (!ifRange || ifRange === etag)
      ? parseRange(c.req.header("range"), object.size)
      : { kind: "full" as const };
  if (range.kind === "unsatisfiable") {
    return c.body(null, 416, {
      ...pick(headers, ["ETag", "Accept-Ranges"]),
      "Content-Range": `bytes */${object.size}`,
    });
  }
  if (range.kind === "partial") {
    const part = object.body.slice(range.start, range.end + 1);
    return c.body(part as Uint8Array<ArrayBuffer>, 206, {
      ...headers,
      "Content-Range": `bytes ${range.start}-${range.end}/${object.size}`,
    });
  }
  return c.body(object.body as Uint8Array<ArrayBuffer>, 200, headers);
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === `"${etag}"`);
}

const pick = (h: Record<string, string>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => k in h).map((k) => [k, h[k] as string]));
