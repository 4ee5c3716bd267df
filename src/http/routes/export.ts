// GET /v1/reports.csv?year=&organ= (every published report's table cells, a row each) and the overview page /r/?year=.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { exportCsv } from "../../core/export/csv.ts";
import { renderOverview } from "../../core/export/overview.ts";
import { exportXlsx } from "../../core/export/xlsx.ts";
import { exportRows, latestEntries, readMetas } from "../../service/catalog.ts";
import { reportLinks } from "../../service/layout.ts";
import type { App } from "../app-type.ts";
import { contentDisposition } from "../disposition.ts";
import { errors } from "../docs-helpers.ts";
import type { AppEnv, AppServices } from "../services.ts";
import { baseUrl } from "./base-url.ts";

export const ExportQuery = z.object({
  year: z.coerce.number().int().min(2008).max(2100).optional().describe("only reports of this year"),
  organ: z.string().min(1).max(200).optional().describe("only this organ's reports (机关名称)"),
});

type ExportQuery = z.infer<typeof ExportQuery>;

const OverviewQuery = z.object({ year: z.coerce.number().int().min(2008).max(2100).optional() });

const csvRoute = createRoute({
  method: "get",
  path: "/v1/reports.csv",
  summary: "Every published report (latest version per organ and year) as one CSV table",
  description:
    "UTF-8 with BOM (Excel opens it), CRLF. One row per report: 机关名称, 年度, 报告版本, 成文日期, the counts of error and warning findings, the id, the link, then every cell of tables 二, 三 and 四 under its official labels. A blank cell is empty, never 0.",
  request: { query: ExportQuery },
  responses: {
    200: { description: "The table", content: { "text/csv": { schema: { type: "string" } } } },
    ...errors(400, 503),
  },
});

const xlsxRoute = createRoute({
  method: "get",
  path: "/v1/reports.xlsx",
  summary: "The same table as /v1/reports.csv, as an Excel workbook",
  request: { query: ExportQuery },
  responses: {
    200: {
      description: "The workbook",
      content: {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
          schema: { type: "string", format: "binary" },
        },
      },
    },
    ...errors(400, 503),
  },
});

const overviewRoute = createRoute({
  method: "get",
  path: "/r/",
  summary: "Supervisor's overview: every organ's report of a year with its status (HTML, no script)",
  request: { query: OverviewQuery },
  responses: {
    200: { description: "The page", content: { "text/html": { schema: { type: "string" } } } },
    ...errors(400),
  },
});

export function exportRoutes(app: App, services: AppServices): void {
  const { storage } = services;

  /** The latest version of every report the query selects, as export rows with their links. */
  const rowsFor = async (c: Context<AppEnv>, query: ExportQuery) => {
    const base = baseUrl(c, services.config);
    const entries = await latestEntries(storage, query);
    return exportRows(storage, entries, (id) => reportLinks(id, base).self);
  };
  const fileName = (query: ExportQuery, ext: string) =>
    `年报数据${query.organ ? `-${query.organ}` : ""}${query.year ? `-${query.year}` : ""}.${ext}`;

  app.openapi(csvRoute, async (c) => {
    const query = c.req.valid("query");
    return c.body(exportCsv(await rowsFor(c, query)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(fileName(query, "csv"), "nianbao-reports.csv", "attachment"),
      "Cache-Control": "public, max-age=60",
    });
  });

  app.openapi(xlsxRoute, async (c) => {
    const query = c.req.valid("query");
    return c.body(exportXlsx(await rowsFor(c, query)) as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(
        fileName(query, "xlsx"),
        "nianbao-reports.xlsx",
        "attachment",
      ),
      "Cache-Control": "public, max-age=60",
    });
  });

  app.openapi(overviewRoute, async (c) => {
    const { year: asked } = c.req.valid("query");
    const all = await latestEntries(storage);
    const years = [...new Set(all.map((e) => e.year))].sort((a, b) => b - a);
    const year = asked ?? years[0] ?? null;
    const items = await readMetas(
      storage,
      all.filter((e) => e.year === year),
    );
    const base = baseUrl(c, services.config);
    const html = renderOverview({
      year,
      years,
      yearHref: "/r/?year=",
      csv: `/v1/reports.csv${year === null ? "" : `?year=${year}`}`,
      rows: items.map(({ entry, meta }) => {
        const links = reportLinks(entry.id, base);
        return {
          organ: entry.organ,
          findings: meta ? meta.findings : null,
          forced: meta?.forced ?? false,
          createdAt: entry.createdAt,
          links: {
            organPage: `/r/${encodeURIComponent(entry.organ)}/`,
            html: links.html,
            pdf: links.pdf,
            tujie: links.tujie,
            meta: links.self,
          },
        };
      }),
    });
    return c.html(html, 200, {
      "Cache-Control": "public, max-age=60",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    });
  });
  // The overview without its slash: the same page under its one address, like /r/{organ} → /r/{organ}/.
  app.get("/r", (c) => c.redirect(`/r/${new URL(c.req.url).search}`, 301));
}
