// The Handlebars runtime with the precompiled templates, partials and helpers (no compilation at run time).
import type HandlebarsFull from "handlebars";
import HandlebarsRuntime from "handlebars/runtime.js";
import { templateSpecs } from "../../generated/templates.ts";
import type { FaceRole, RenderAssets } from "./fonts/assets.ts";
import { PAGE } from "./page.ts";
import { breakLines, cellLines, titleLines } from "./text/lines.ts";
import { explicitRuns, pdfRuns } from "./text/runs.ts";
import type { ViewCell } from "./view/tables.ts";

export interface TemplateData {
  assets: RenderAssets;
  fontFaces?: string;
  layout?: Record<string, number>;
}

type Template = (context: unknown, options?: { data?: Record<string, unknown> }) => string;

const hb = (HandlebarsRuntime as unknown as typeof HandlebarsFull).create();
hb.registerHelper("json", (value: unknown) => JSON.stringify(value ?? null));
hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
hb.registerHelper("level", (kind: unknown) => (kind === "paragraph" ? 0 : 2));
hb.registerHelper("face", (kind: unknown): FaceRole => (kind === "subheading" ? "subheading" : "body"));
hb.registerHelper("runs", (text: unknown, role: unknown, options: { data: TemplateData }) =>
  JSON.stringify(pdfRuns(String(text ?? ""), role as FaceRole, options.data.assets)),
);

/** Body text as justified lines: 16 pt, 28 characters in the 156 mm line, 2-character first-line indent. */
const BODY_LINES = {
  width: PAGE.textWidth,
  fontSize: PAGE.bodyFontSize,
  perLine: PAGE.charsPerLine,
  indent: 2,
};
const LINE_HEIGHT_KEY: Record<FaceRole, string> = {
  body: "lineHeight",
  title: "titleLineHeight",
  heading: "headingLineHeight",
  subheading: "subheadingLineHeight",
};

/** Cell contents by text and layout (for one set of fonts): the official tables' labels are the same in every report. */
let cellAssets: RenderAssets | undefined;
const cellCache = new Map<string, string>();
const CELL_CACHE_LIMIT = 4000;

/**
 * A table cell's content: its text broken into lines here (tables are most of the text of a report, and pdfmake would
 * measure and break a cell one CJK character at a time), one line as `"text"`, several as a `"stack"` of lines.
 */
function cellContent(cell: ViewCell, data: TemplateData): string {
  const layout = data.layout ?? {};
  const fontSize = cell.note ? (layout.noteFontSize ?? 9) : (layout.tableFontSize ?? 10.5);
  const { assets } = data;
  const key = `${fontSize}|${layout.tableLineHeight}|${cell.align}|${cell.width}|${cell.text}`;
  const known = cellCache.get(key);
  if (known !== undefined && cellAssets === assets) return known;
  if (cellAssets !== assets) cellCache.clear();
  cellAssets = assets;
  const props = {
    fontSize,
    lineHeight: layout.tableLineHeight ?? 1,
    characterSpacing: 0,
    alignment: cell.align === "left" || cell.align === "right" ? cell.align : "center",
    noWrap: true,
  } as const;
  // Lines a little narrower than the cell, so that pdfmake's own measuring never finds one too wide.
  const lines =
    typeof cell.width === "number"
      ? cellLines(cell.text, assets, fontSize, cell.width - 0.5)
      : [pdfRuns(cell.text, "body", assets)];
  const runs = lines.map((line) => explicitRuns(line, "body", props));
  const out =
    runs.length === 1
      ? `"text": ${JSON.stringify(runs[0])}`
      : `"stack": ${JSON.stringify(runs.map((r) => ({ text: r })))}`;
  if (cellCache.size >= CELL_CACHE_LIMIT) cellCache.clear();
  cellCache.set(key, out);
  return out;
}

/** A table cell as a pdfmake cell: a placeholder where a span covers it, else its content, centred, with its spans. */
function pdfCell(cell: ViewCell, data: TemplateData): string {
  if (cell.covered) return "{}";
  const spans = `${cell.colSpan ? `, "colSpan": ${cell.colSpan}` : ""}${cell.rowSpan ? `, "rowSpan": ${cell.rowSpan}` : ""}`;
  return `{ ${cellContent(cell, data)}, "verticalAlignment": "middle"${spans} }`;
}

/** Rows of a table (head or body) as the JSON of pdfmake's table body rows, one row a line. */
hb.registerHelper("rows", (rows: unknown, options: { data: TemplateData }) =>
  (rows as ViewCell[][])
    .map((row) => `    [${row.map((c) => pdfCell(c, options.data)).join(", ")}]`)
    .join(",\n"),
);
hb.registerHelper(
  "lines",
  (
    text: unknown,
    role: unknown,
    options: { data: TemplateData; hash: { outline?: boolean; level?: number } },
  ) => {
    const value = String(text ?? "");
    const face = role as FaceRole;
    const lineHeight = options.data.layout?.[LINE_HEIGHT_KEY[face]] ?? 1;
    const lines: object[] = breakLines(value, face, options.data.assets, { ...BODY_LINES, lineHeight }).map(
      (l) => (options.hash.level ? { ...l, headlineLevel: options.hash.level } : l),
    );
    // The section's bookmark sits on its heading's first line.
    if (options.hash.outline && lines[0]) lines[0] = { ...lines[0], outline: true, outlineText: value };
    return JSON.stringify(lines);
  },
);

/** The title: 22 pt, centred lines of about equal length. */
hb.registerHelper("titleLines", (text: unknown, organ: unknown, options: { data: TemplateData }) =>
  JSON.stringify(
    titleLines(String(text ?? ""), String(organ ?? ""), options.data.assets, {
      width: BODY_LINES.width,
      fontSize: 22,
      lineHeight: options.data.layout?.titleLineHeight ?? 1.15,
    }),
  ),
);

const templates = new Map<string, Template>();
for (const [name, spec] of Object.entries(templateSpecs as Record<string, unknown>)) {
  // biome-ignore lint/suspicious/noExplicitAny: precompiled template specs are untyped
  const fn = hb.template(spec as any) as unknown as Template;
  if (name.startsWith("_")) hb.registerPartial(name, fn as unknown as HandlebarsFull.Template);
  else templates.set(name, fn);
}

/** Runs a precompiled template, e.g. "report-2021.pdf", with per-render data (@assets, @layout, @fontFaces). */
export function runTemplate(name: string, context: unknown, data: TemplateData): string {
  const template = templates.get(name);
  if (!template) throw new Error(`no template ${name}`);
  return template(context, { data: data as unknown as Record<string, unknown> });
}
