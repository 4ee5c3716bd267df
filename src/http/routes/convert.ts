// POST /v1/reports (validate, render, store), POST /v1/validate and POST /v1/render (nothing stored).
import { createRoute } from "@hono/zod-openapi";
import { NianbaoError } from "../../core/errors.ts";
import { hasErrors } from "../../core/finding.ts";
import { analyze, pdfOptions, publish } from "../../service/convert.ts";
import { CONTENT_TYPES, portalLinks, reportLinks } from "../../service/layout.ts";
import { withPrevious } from "../../service/previous.ts";
import type { App } from "../app-type.ts";
import { HTML_CSP } from "../artifact-headers.ts";
import { readInput } from "../body.ts";
import { bearer, errors, json, reportBody } from "../docs-helpers.ts";
import { isForced, queryFlag } from "../parse.ts";
import { prefersMinimal } from "../prefer.ts";
import { Published, PublishQuery, RenderQuery, Validated } from "../schemas.ts";
import type { AppServices } from "../services.ts";
import { baseUrl } from "./base-url.ts";

// The body is read by readInput (JSON, text, HTML, .docx, PDF, multipart): documented here, checked by the core.
const publishRoute = createRoute({
  method: "post",
  path: "/v1/reports",
  summary: "Validate, render and publish a report",
  description:
    "Stores the PDF, HTML and normalized JSON under a content id. The same report again gives the same id and writes nothing. With error findings: 422 and nothing stored, unless force=true. `Prefer: return=minimal` leaves `report` out of the answer. Text in GB18030 is read by `charset=gb18030` (or detected when no charset is given). `tagged=true` stores a tagged (accessible) PDF, under an id of its own.",
  security: bearer,
  request: { query: PublishQuery, body: reportBody() },
  responses: {
    201: json(Published, "Published"),
    200: json(Published, "Already published: same id, nothing written"),
    ...errors(400, 401, 403, 413, 415, 422, 503),
  },
});

const validateRoute = createRoute({
  method: "post",
  path: "/v1/validate",
  summary: "Parse and validate a report; nothing stored",
  security: bearer,
  request: { body: reportBody() },
  responses: {
    200: json(Validated, "The normalized report, its findings, and where each table cell was read (sources)"),
    ...errors(400, 401, 403, 413, 415, 422),
  },
});

const renderRoute = createRoute({
  method: "post",
  path: "/v1/render",
  summary: "Render a report to PDF or HTML and answer the bytes; nothing stored",
  description:
    "`tagged=true` with format=pdf answers a tagged (accessible) PDF: a structure tree of headings, paragraphs and tables with header cells, /MarkInfo. Without `tagged`, the service's default (TAGGED_PDF) applies.",
  security: bearer,
  request: { query: RenderQuery, body: reportBody() },
  responses: {
    200: {
      description: "The document",
      content: {
        "application/pdf": { schema: { type: "string", format: "binary" } },
        "text/html": { schema: { type: "string" } },
      },
    },
    ...errors(400, 401, 403, 413, 415, 422),
  },
});

export function convertRoutes(app: App, services: AppServices): void {
  app.openapi(publishRoute, async (c) => {
    const { force, tagged } = c.req.valid("query");
    const { input, hint } = await readInput(c);
    const flag = queryFlag(tagged);
    const { created, report, findings, sources, meta, previous } = await publish(services, input, hint, {
      force: isForced(force),
      ...(flag === undefined ? {} : { tagged: flag }),
    });
    const base = baseUrl(c, services.config);
    const links = reportLinks(meta.id, base);
    const portal = portalLinks(meta.organ, meta.year, base);
    const status = created ? 201 : 200;
    c.header("Location", links.self);
    // `Prefer: return=minimal` (RFC 7240) leaves the report out: the links and findings are what a script wants.
    if (prefersMinimal(c.req.header("prefer"))) {
      c.header("Preference-Applied", "return=minimal");
      return c.json({ id: meta.id, created, findings, links, portal, previous }, status);
    }
    return c.json({ id: meta.id, created, report, findings, sources, links, portal, previous }, status);
  });

  app.openapi(validateRoute, async (c) => {
    const { input, hint } = await readInput(c);
    const analyzed = await analyze(services, input, hint);
    // Year over year: checked against the organ's report of the year before when one is published here.
    const { findings, previous } = await withPrevious(services.storage, analyzed.report, analyzed.findings);
    return c.json(
      {
        report: analyzed.report,
        findings,
        sources: analyzed.sources,
        previous: previous ? previous.ref : null,
      },
      200,
    );
  });

  app.openapi(renderRoute, async (c) => {
    const { format, force, tagged } = c.req.valid("query");
    const { input, hint } = await readInput(c);
    const { report, findings } = await analyze(services, input, hint);
    if (hasErrors(findings) && !isForced(force))
      throw new NianbaoError("invalid_report", undefined, { findings });
    const headers = {
      "Content-Type": CONTENT_TYPES[format],
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    };
    if (format === "pdf")
      return c.body(
        (await services.engine.renderPdf(
          report,
          pdfOptions(services, queryFlag(tagged)),
        )) as Uint8Array<ArrayBuffer>,
        200,
        headers,
      );
    // The same guard as stored pages: no script, no network, no sniffing.
    return c.body(await services.engine.renderHtml(report), 200, {
      ...headers,
      "Content-Security-Policy": HTML_CSP,
      "X-Content-Type-Options": "nosniff",
    });
  });
}
