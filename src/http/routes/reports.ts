// GET /v1/reports/{id}[.pdf|.html|.json] (immutable, ETag, 304, Range), GET /v1/reports?organ=&year=, /r/{organ}/{year}.pdf|.html.
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
import { contentDisposition } from "../disposition.ts";
import { errors, json } from "../docs-helpers.ts";
import { parseWith } from "../parse.ts";
import { countFindings, prefersMinimal } from "../prefer.ts";
import { parseRange } from "../range.ts";
import { ReportInfo, VersionList, VersionsQuery } from "../schemas.ts";
import type { AppEnv, AppServices } from "../services.ts";
import { baseUrl } from "./base-url.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";
const SHORT = "public, max-age=60";
/** A report id (32 hex digits, see service/canonical.ts) with an optional artifact extension. */
const REF = /^([0-9a-f]{32})(?:\.(pdf|html|json))?$/;
const PORTAL_FILE = /^(\d{4})\.(pdf|html)$/;

/** Self-contained report pages need no network; anything else is refused. */
export const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox";

export function reportRoutes(app: App, services: AppServices): void {
  const { storage } = services;

  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/v1/reports",
    summary: "List the published versions of an organ's reports, newest first",
    request: { query: VersionsQuery },
    responses: { 200: json(VersionList, "Versions"), ...errors(400) },
  });
  app.get("/v1/reports", async (c) => {
    const { organ, year } = parseWith(VersionsQuery, c.req.query());
    const base = baseUrl(c, services.config);
    const versions = await listVersions(storage, organ, year);
    c.header("Cache-Control", SHORT);
    if (!services.config.publicBaseUrl) c.header("Vary", "Host");
    return c.json({
      organ,
      ...(year === undefined ? {} : { year }),
      versions: versions.map((v) => ({
        id: v.id,
        year: v.year,
        createdAt: v.createdAt,
        links: reportLinks(v.id, base),
      })),
    });
  });

  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/v1/reports/{ref}",
    summary: "A report's metadata ({id}) or one of its artifacts ({id}.pdf, {id}.html, {id}.json)",
    description:
      "Artifacts are immutable: ETag, If-None-Match (304), Range (206/416), Cache-Control immutable, a Chinese file name in Content-Disposition.",
    request: { params: z.object({ ref: z.string().regex(REF).describe("{id} or {id}.pdf|.html|.json") }) },
    responses: {
      200: {
        description: "Metadata (JSON) or the artifact",
        content: {
          "application/json": { schema: ReportInfo },
          "application/pdf": { schema: { type: "string", format: "binary" } },
          "text/html": { schema: { type: "string" } },
        },
      },
      206: { description: "Partial content (Range)" },
      304: { description: "Not modified" },
      416: { description: "Range not satisfiable" },
      ...errors(404),
    },
  });
  app.get("/v1/reports/:ref", async (c) => {
    const m = REF.exec(c.req.param("ref"));
    if (!m) throw new NianbaoError("not_found", "报告编号格式不正确");
    const [, id, kind] = m as unknown as [string, string, ArtifactKind | undefined];
    if (!kind) {
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
        return c.json({ ...rest, findingCounts: countFindings(findings), ...links });
      }
      return c.json({ ...meta, ...links });
    }
    return serveArtifact(c, services, id, kind);
  });

  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/r/{organ}/{file}",
    summary: "Stable portal link: redirects to the latest version published for an organ and year",
    request: {
      params: z.object({
        organ: z.string().describe("机关名称, percent-encoded"),
        file: z.string().regex(PORTAL_FILE).describe("{year}.pdf or {year}.html"),
      }),
    },
    responses: { 302: { description: "Location: the artifact of the latest version" }, ...errors(404) },
  });
  app.get("/r/:organ/:file", async (c) => {
    const organ = c.req.param("organ");
    const m = PORTAL_FILE.exec(c.req.param("file"));
    if (!m || organ.length === 0 || organ.length > 200) throw new NianbaoError("not_found");
    const [, year, kind] = m as unknown as [string, string, "pdf" | "html"];
    const latest = await latestVersion(storage, organ, Number(year));
    if (!latest) throw new NianbaoError("not_found", `未找到${organ}${year}年度的报告`);
    c.header("Cache-Control", SHORT);
    if (!services.config.publicBaseUrl) c.header("Vary", "Host");
    return c.redirect(reportLinks(latest.id, baseUrl(c, services.config))[kind], 302);
  });
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
