// GET /v1/reports/{id}.tujie.html|.pdf (the 报告图解, made on publish, else on first request) and /r/{organ}/{year}.tujie.html|.pdf.
import type { Context } from "hono";
import { z } from "zod";
import { NianbaoError } from "../../core/errors.ts";
import { readMeta } from "../../service/convert.ts";
import { CONTENT_TYPES, reportLinks, type TujieKind, tujieKey } from "../../service/layout.ts";
import { findReport, readStoredReport } from "../../service/previous.ts";
import { latestVersion } from "../../service/versions.ts";
import type { StoredObject } from "../../storage/types.ts";
import type { App } from "../app-type.ts";
import { contentDisposition } from "../disposition.ts";
import { errors } from "../docs-helpers.ts";
import type { AppEnv, AppServices } from "../services.ts";
import { baseUrl } from "./base-url.ts";

const IMMUTABLE = "public, max-age=31536000, immutable";
const REF = /^([0-9a-f]{32})\.tujie\.(html|pdf)$/;
const PORTAL = /^(\d{4})\.tujie\.(html|pdf)$/;
/** The 图解 page is self-contained: inline styles, embedded fonts, inline SVG; nothing else. */
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox";

export function tujieRoutes(app: App, services: AppServices): void {
  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/v1/reports/{id}.tujie.{format}",
    summary: "The report's 报告图解: key figures and charts (HTML, phone-first) or an A4 PDF",
    description:
      "Made when the report is published, with the changes from the organ's report of the year before when one was stored; for a report published before 图解 existed it is made on the first request. Immutable, ETag/304.",
    request: {
      params: z.object({ id: z.string().regex(/^[0-9a-f]{32}$/), format: z.enum(["html", "pdf"]) }),
    },
    responses: {
      200: {
        description: "The 图解",
        content: {
          "text/html": { schema: { type: "string" } },
          "application/pdf": { schema: { type: "string", format: "binary" } },
        },
      },
      304: { description: "Not modified" },
      ...errors(404, 503),
    },
  });
  app.get("/v1/reports/:ref{[0-9a-f]{32}\\.tujie\\.(?:html|pdf)}", async (c) => {
    const m = REF.exec(c.req.param("ref"));
    if (!m) throw new NianbaoError("not_found");
    const [, id, kind] = m as unknown as [string, string, TujieKind];
    const object = (await services.storage.get(tujieKey(id, kind))) ?? (await makeTujie(services, id, kind));
    return serve(c, object, id, kind);
  });

  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/r/{organ}/{year}.tujie.{format}",
    summary: "Stable portal link to the 报告图解 of an organ's latest report of a year",
    request: {
      params: z.object({
        organ: z.string().describe("机关名称, percent-encoded"),
        year: z.string().regex(/^\d{4}$/),
        format: z.enum(["html", "pdf"]),
      }),
    },
    responses: { 302: { description: "Location: the 图解 of the latest version" }, ...errors(404) },
  });
  app.get("/r/:organ/:file{\\d{4}\\.tujie\\.(?:html|pdf)}", async (c) => {
    const organ = c.req.param("organ");
    const m = PORTAL.exec(c.req.param("file"));
    if (!m || organ.length === 0 || organ.length > 200) throw new NianbaoError("not_found");
    const [, year, kind] = m as unknown as [string, string, TujieKind];
    const latest = await latestVersion(services.storage, organ, Number(year));
    if (!latest) throw new NianbaoError("not_found", `未找到${organ}${year}年度的报告`);
    c.header("Cache-Control", "public, max-age=60");
    const links = reportLinks(latest.id, baseUrl(c, services.config));
    return c.redirect(kind === "html" ? links.tujie : links.tujiePdf, 302);
  });
}

/** A report stored without a 图解 (published before there was one): made now, from the stored model, and kept. */
async function makeTujie(services: AppServices, id: string, kind: TujieKind): Promise<StoredObject> {
  const { storage, engine } = services;
  const meta = await readMeta(storage, id);
  const report = meta ? await readStoredReport(storage, id) : null;
  if (!meta || !report || !engine.renderTujie) throw new NianbaoError("not_found", "未找到该报告的图解");
  const previous = await findReport(storage, report.organ, report.year - 1);
  const { html, pdf } = await engine.renderTujie(report, previous ? previous.report : null);
  const filename = `${report.organ}${report.year}年度政府信息公开工作报告图解`;
  const metadata = { id, year: String(report.year), filename };
  await storage.put(tujieKey(id, "pdf"), pdf, { contentType: CONTENT_TYPES.pdf, metadata });
  await storage.put(tujieKey(id, "html"), html, { contentType: CONTENT_TYPES.html, metadata });
  const object = await storage.get(tujieKey(id, kind));
  if (!object) throw new NianbaoError("storage_unavailable");
  return object;
}

function serve(c: Context<AppEnv>, object: StoredObject, id: string, kind: TujieKind) {
  const etag = `"${object.etag}"`;
  const name = `${(object.metadata.filename ?? `report-${id}`).replace(/图解$/, "")}图解`;
  const headers: Record<string, string> = {
    ETag: etag,
    "Cache-Control": IMMUTABLE,
    "Content-Type": CONTENT_TYPES[kind],
    "Content-Disposition": contentDisposition(`${name}.${kind}`, `nianbao-${id}-tujie.${kind}`),
    "X-Content-Type-Options": "nosniff",
    "Last-Modified": object.uploaded.toUTCString(),
  };
  if (kind === "html") headers["Content-Security-Policy"] = HTML_CSP;
  const match = c.req.header("if-none-match");
  if (match?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag || t.trim() === "*")) {
    return c.body(null, 304, { ETag: etag, "Cache-Control": IMMUTABLE });
  }
  return c.body(object.body as Uint8Array<ArrayBuffer>, 200, headers);
}
