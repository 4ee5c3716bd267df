// Load → core → store: validates and renders a report, stores the artifacts under its content id, indexes it.
import { NianbaoError } from "../core/errors.ts";
import { hasErrors } from "../core/finding.ts";
import { readInput, withPlaces } from "../core/input/index.ts";
import type { Finding, Report } from "../core/model.ts";
import { isSafeKey, keySegment } from "../storage/keys.ts";
import type { Storage } from "../storage/types.ts";
import { reportId } from "./canonical.ts";
import type { Engine, InputHint } from "./engine.ts";
import { artifactKey, CONTENT_TYPES, indexKey, metaKey } from "./layout.ts";
import type { ReportMeta } from "./meta.ts";

export interface ServiceDeps {
  storage: Storage;
  engine: Engine;
  /** The clock, injectable for tests. */
  now?: () => Date;
}

export interface Published {
  /** False when the same report (same id) was already stored: nothing was written. */
  created: boolean;
  report: Report;
  findings: Finding[];
  meta: ReportMeta;
}

/** The model/findings of an input (a .docx or PDF read first), nothing stored (POST /v1/validate). */
export async function analyze(
  deps: Pick<ServiceDeps, "engine">,
  input: Uint8Array | string,
  hint: InputHint = {},
) {
  const read = await readInput(input, hint);
  return withPlaces(deps.engine.analyze(read.input, read.hint), read);
}

/**
 * Validates, renders and stores a report. With error findings it throws invalid_report (carrying the
 * findings) and stores nothing, unless `force`. Idempotent: the same report again writes nothing new.
 */
export async function publish(
  deps: ServiceDeps,
  input: Uint8Array | string,
  hint: InputHint = {},
  options: { force?: boolean } = {},
): Promise<Published> {
  const { report, findings } = await analyze(deps, input, hint);
  const invalid = hasErrors(findings);
  if (invalid && !options.force) {
    throw new NianbaoError("invalid_report", undefined, { findings });
  }
  const id = await reportId(report, await deps.engine.outputVersion());
  const { storage } = deps;
  // The index entry is written last: a name too long for a key must be refused before anything is stored.
  const segment = new TextEncoder().encode(keySegment(report.organ)).length;
  if (segment > 255 || !isSafeKey(indexKey(report.organ, report.year, new Date(0).toISOString(), id))) {
    throw new NianbaoError("input_limit", "机关名称过长，无法建立索引");
  }

  const existing = await readMeta(storage, id);
  if (existing) {
    // A crash between writing meta.json and the index entry is repaired here; otherwise nothing is written.
    const entry = indexKey(existing.organ, existing.year, existing.createdAt, id);
    if (!(await storage.head(entry))) await storage.put(entry, id, { contentType: "text/plain" });
    return { created: false, report, findings, meta: existing };
  }

  const [pdf, html] = await Promise.all([deps.engine.renderPdf(report), deps.engine.renderHtml(report)]);
  const json = JSON.stringify(report, null, 2);
  // The file name people see when they save a download (Content-Disposition).
  const filename = report.title.trim() || `${report.organ}${report.year}年度政府信息公开工作年度报告`;
  const metadata = { id, year: String(report.year), filename };
  const infos = await Promise.all([
    storage.put(artifactKey(id, "pdf"), pdf, { contentType: CONTENT_TYPES.pdf, metadata }),
    storage.put(artifactKey(id, "html"), html, { contentType: CONTENT_TYPES.html, metadata }),
    storage.put(artifactKey(id, "json"), json, { contentType: CONTENT_TYPES.json, metadata }),
  ]);
  const meta: ReportMeta = {
    id,
    organ: report.organ,
    year: report.year,
    edition: report.edition,
    title: report.title,
    issuedOn: report.issuedOn,
    createdAt: (deps.now?.() ?? new Date()).toISOString(),
    rendererVersion: deps.engine.rendererVersion,
    forced: invalid,
    findings,
    sizes: { pdf: infos[0].size, html: infos[1].size, json: infos[2].size },
  };
  // meta.json is written after the artifacts: its presence means the report is complete.
  await storage.put(metaKey(id), JSON.stringify(meta), { contentType: CONTENT_TYPES.json });
  await storage.put(indexKey(meta.organ, meta.year, meta.createdAt, id), id, { contentType: "text/plain" });
  return { created: true, report, findings, meta };
}

export async function readMeta(storage: Storage, id: string): Promise<ReportMeta | null> {
  const o = await storage.get(metaKey(id));
  return o ? (JSON.parse(new TextDecoder().decode(o.body)) as ReportMeta) : null;
}
