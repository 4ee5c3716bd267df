// The 报告图解 of a stored report, served (made on publish, else on the first request) for GET /v1/reports/{id}.tujie.html|.pdf.
import type { Context } from "hono";
import { NianbaoError } from "../../core/errors.ts";
import { readMeta } from "../../service/convert.ts";
import { CONTENT_TYPES, type TujieKind, tujieKey } from "../../service/layout.ts";
import { findReport, readStoredReport } from "../../service/previous.ts";
import type { StoredObject } from "../../storage/types.ts";
import { HTML_CSP, IMMUTABLE } from "../artifact-headers.ts";
import { contentDisposition } from "../disposition.ts";
import type { AppEnv, AppServices } from "../services.ts";

/** A report's 图解 (GET /v1/reports/{id}.tujie.html|.pdf, declared in reports.ts): stored, else made now and kept. */
export async function serveTujie(c: Context<AppEnv>, services: AppServices, id: string, kind: TujieKind) {
  const object = (await services.storage.get(tujieKey(id, kind))) ?? (await makeTujie(services, id, kind));
  return serve(c, object, id, kind);
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
