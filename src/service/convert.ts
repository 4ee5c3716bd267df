// Load → core → store: validates and renders a report, stores the artifacts under its content id, indexes it.
import { NianbaoError } from "../core/errors.ts";
import { hasErrors } from "../core/finding.ts";
import { readAndAnalyze } from "../core/input/index.ts";
import { defaultTitle } from "../core/labels.ts";
import type { Finding, Report, Sources } from "../core/model.ts";
import { ObjectExists } from "../storage/errors.ts";
import { isSafeKey, keySegment } from "../storage/keys.ts";
import type { Storage } from "../storage/types.ts";
import { reportId } from "./canonical.ts";
import type { Engine, InputHint, PdfOptions } from "./engine.ts";
import { artifactKey, CONTENT_TYPES, indexKey, metaKey, tujieKey } from "./layout.ts";
import type { ReportMeta } from "./meta.ts";
import { type PreviousRef, type PreviousReport, recheckNextYear, withPrevious } from "./previous.ts";

export interface ServiceDeps {
  storage: Storage;
  engine: Engine;
  /** The clock, injectable for tests. */
  now?: () => Date;
  /** Signs upload result files (RESULT_SECRET); without it a stored result is never trusted and the work is redone. */
  resultSecret?: string;
  /** The service's default for PDFs (TAGGED_PDF): what uploads, batches and requests without `tagged` get. */
  pdf?: PdfOptions;
}

export interface Published {
  /** False when the same report (same id) was already stored: nothing was written. */
  created: boolean;
  report: Report;
  findings: Finding[];
  /** Where each table cell was read in the input ({} for JSON input). */
  sources: Sources;
  meta: ReportMeta;
  /** The organ's report of the year before, found in storage, that the cross-year checks ran against. */
  previous: PreviousRef | null;
}

/** The model/findings of an input (a .docx or PDF read first, its places in `sources`), nothing stored. */
export async function analyze(
  deps: Pick<ServiceDeps, "engine">,
  input: Uint8Array | string,
  hint: InputHint = {},
) {
  return readAndAnalyze(input, hint, (i, h) => deps.engine.analyze(i, h));
}

/** Publications in progress per store and id: concurrent publishes of one report in a process share one. */
const inFlight = new WeakMap<Storage, Map<string, Promise<ReportMeta>>>();

/** Characters of the download file name kept in the artifacts' metadata (S3 metadata travels in headers). */
const MAX_FILENAME = 100;

/**
 * Validates, renders and stores a report. With error findings it throws invalid_report (carrying the
 * findings) and stores nothing, unless `force`. Idempotent: the same report again writes nothing new.
 * Published once: of concurrent publishes of one id (in this process or any other sharing the store) exactly
 * one is `created`; the others get the same metadata.
 */
export async function publish(
  deps: ServiceDeps,
  input: Uint8Array | string,
  hint: InputHint = {},
  options: { force?: boolean; tagged?: boolean } = {},
): Promise<Published> {
  const analyzed = await analyze(deps, input, hint);
  const { report, sources } = analyzed;
  const invalid = hasErrors(analyzed.findings);
  if (invalid && !options.force) {
    throw new NianbaoError("invalid_report", undefined, { findings: analyzed.findings });
  }
  const pdf = pdfOptions(deps, options.tagged);
  const id = await reportId(report, await deps.engine.outputVersion(), pdf);
  const { storage } = deps;
  // The index entry is written last: a name too long for a key must be refused before anything is stored.
  const segment = new TextEncoder().encode(keySegment(report.organ)).length;
  if (segment > 255 || !isSafeKey(indexKey(report.organ, report.year, new Date(0).toISOString(), id))) {
    throw new NianbaoError("input_limit", "机关名称过长，无法建立索引");
  }

  // Year over year: last year's report of the organ, if published here (cross-year findings are warnings at most).
  const { findings, previous } = await withPrevious(storage, report, analyzed.findings);
  const previousRef = previous ? previous.ref : null;
  const existing = await readMeta(storage, id);
  if (existing) {
    await ensureIndexed(storage, existing);
    return { created: false, report, findings, sources, meta: existing, previous: previousRef };
  }
  let running = inFlight.get(storage);
  if (!running) {
    running = new Map();
    inFlight.set(storage, running);
  }
  const other = running.get(id);
  if (other) return { created: false, report, findings, sources, meta: await other, previous: previousRef };
  const mine = store(deps, report, findings, sources, id, invalid, previous, pdf);
  const shared = mine.then(({ meta }) => meta);
  shared.catch(() => {});
  running.set(id, shared);
  try {
    return await mine;
  } finally {
    running.delete(id);
  }
}

/** The PDF options of a publish or render: the request's `tagged` when it says, else the service's default. */
export function pdfOptions(deps: Pick<ServiceDeps, "pdf">, tagged?: boolean): PdfOptions {
  return (tagged ?? deps.pdf?.tagged) ? { tagged: true } : {};
}

/** A crash between writing meta.json and the index entry is repaired: the entry is written when missing. */
export async function ensureIndexed(storage: Storage, meta: ReportMeta): Promise<void> {
  const entry = indexKey(meta.organ, meta.year, meta.createdAt, meta.id);
  if (!(await storage.head(entry))) await storage.put(entry, meta.id, { contentType: "text/plain" });
}

/** Renders and writes the artifacts, then claims meta.json with a conditional write: its winner indexes the report. */
async function store(
  deps: ServiceDeps,
  report: Report,
  findings: Finding[],
  sources: Sources,
  id: string,
  invalid: boolean,
  previous: PreviousReport | null,
  pdfOpts: PdfOptions,
): Promise<Published> {
  const { storage } = deps;
  const previousRef = previous ? previous.ref : null;
  const [pdf, html, tujie] = await Promise.all([
    deps.engine.renderPdf(report, pdfOpts),
    deps.engine.renderHtml(report),
    deps.engine.renderTujie?.(report, previous ? previous.report : null),
  ]);
  const json = JSON.stringify(report, null, 2);
  // The file name people see when they save a download (Content-Disposition).
  const filename = [...(report.title.trim() || defaultTitle(report.organ, report.year))]
    .slice(0, MAX_FILENAME)
    .join("");
  const metadata = { id, year: String(report.year), filename };
  const infos = await Promise.all([
    storage.put(artifactKey(id, "pdf"), pdf, { contentType: CONTENT_TYPES.pdf, metadata }),
    storage.put(artifactKey(id, "html"), html, { contentType: CONTENT_TYPES.html, metadata }),
    storage.put(artifactKey(id, "json"), json, { contentType: CONTENT_TYPES.json, metadata }),
    ...(tujie
      ? [
          storage.put(tujieKey(id, "html"), tujie.html, { contentType: CONTENT_TYPES.html, metadata }),
          storage.put(tujieKey(id, "pdf"), tujie.pdf, { contentType: CONTENT_TYPES.pdf, metadata }),
        ]
      : []),
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
    tagged: pdfOpts.tagged === true,
    findings,
    sizes: {
      pdf: infos[0].size,
      html: infos[1].size,
      json: infos[2].size,
      ...(infos[3] && infos[4] ? { tujieHtml: infos[3].size, tujiePdf: infos[4].size } : {}),
    },
    previous: previousRef,
  };
  // meta.json is written after the artifacts: its presence means the report is complete. Only one writer
  // creates it; a loser answers with the winner's metadata (the artifacts it wrote are the same bytes).
  try {
    await storage.put(metaKey(id), JSON.stringify(meta), {
      contentType: CONTENT_TYPES.json,
      onlyIfAbsent: true,
    });
  } catch (e) {
    if (!(e instanceof ObjectExists)) throw e;
    const winner = await readMeta(storage, id);
    if (!winner) throw new NianbaoError("storage_unavailable", "报告正在由另一请求发布，请稍后再试");
    return { created: false, report, findings, sources, meta: winner, previous: previousRef };
  }
  await ensureIndexed(storage, meta);
  // Last year's report published after this year's: this year's stored findings are checked again against it.
  await recheckNextYear(storage, report, { id, year: report.year });
  return { created: true, report, findings, sources, meta, previous: previousRef };
}

export async function readMeta(storage: Storage, id: string): Promise<ReportMeta | null> {
  const o = await storage.get(metaKey(id));
  return o ? (JSON.parse(new TextDecoder().decode(o.body)) as ReportMeta) : null;
}
