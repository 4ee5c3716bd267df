// Report → one self-contained HTML page: the edition's HTML template, fonts subset to the page's characters and embedded.
import type { Report } from "../../model.ts";
import { type FaceRole, type FontFile, faceFile, type RenderAssets } from "../fonts/assets.ts";
import { base64 } from "../fonts/base64.ts";
import { coverage, isControl } from "../fonts/coverage.ts";
import { subsetTtf } from "../fonts/ttf-subset.ts";
import { runTemplate } from "../handlebars.ts";
import { buildView, type ReportView } from "../view/view.ts";

/** CSS family names of the embedded faces (the template's font stacks name them). */
export const CSS_FAMILY: Record<FaceRole | "fallback", string> = {
  body: "NB Body",
  title: "NB Title",
  heading: "NB Heading",
  subheading: "NB Subheading",
  fallback: "NB Fallback",
};

/** Characters each face draws on the page. The body face gets all of them (it backs up every other face). */
function charsByRole(view: ReportView): Record<FaceRole, Set<string>> {
  const out: Record<FaceRole, Set<string>> = {
    body: new Set(),
    title: new Set(),
    heading: new Set(),
    subheading: new Set(),
  };
  const add = (role: FaceRole, text: string) => {
    for (const ch of text) {
      out[role].add(ch);
      out.body.add(ch);
    }
  };
  add("title", view.title);
  for (const s of view.sections) {
    add("heading", s.heading);
    for (const b of s.blocks) add(b.kind === "subheading" ? "subheading" : "body", b.text);
    if (s.table) {
      add("heading", s.table.caption);
      for (const row of [...s.table.head, ...s.table.body]) for (const c of row) add("body", c.text);
    }
  }
  add("body", `${view.signature.organ}${view.signature.date}`);
  return out;
}

async function fontFaces(view: ReportView, assets: RenderAssets): Promise<string> {
  const subset = assets.subsetFont ?? (async (font: Uint8Array, text: string) => subsetTtf(font, text));
  const chars = charsByRole(view);
  const faces: { family: string; file: FontFile; text: string; weight: number }[] = [];
  const body = assets.fonts.body;
  faces.push({ family: CSS_FAMILY.body, file: body, text: [...chars.body].join(""), weight: 400 });
  for (const role of ["title", "heading", "subheading"] as const) {
    const file = faceFile(assets, role);
    if (file === body || chars[role].size === 0) continue;
    faces.push({
      family: CSS_FAMILY[role],
      file,
      text: [...chars[role]].join(""),
      weight: role === "title" ? 700 : 400,
    });
  }
  if (assets.fallback) {
    const have = coverage(body);
    const missing = [...chars.body].filter((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return !isControl(cp) && !have.has(cp);
    });
    if (missing.length > 0)
      faces.push({ family: CSS_FAMILY.fallback, file: assets.fallback, text: missing.join(""), weight: 400 });
  }
  const css: string[] = [];
  for (const face of faces) {
    const bytes = await subset(face.file.data, face.text);
    // CFF-outline OpenType ("OTTO") or TrueType.
    const cff = bytes[0] === 0x4f && bytes[1] === 0x54 && bytes[2] === 0x54 && bytes[3] === 0x4f;
    const [mime, format] = cff ? ["font/otf", "opentype"] : ["font/ttf", "truetype"];
    css.push(
      `@font-face { font-family: "${face.family}"; font-weight: ${face.weight}; font-style: normal; font-display: block; src: url(data:${mime};base64,${base64(bytes)}) format("${format}"); }`,
    );
  }
  return css.join("\n");
}

/** Renders a report to a self-contained HTML page (fonts embedded as data: URLs, no script). */
export async function renderHtml(report: Report, assets: RenderAssets): Promise<string> {
  const view = buildView(report);
  return runTemplate(`report-${report.edition}.html`, view, {
    assets,
    fontFaces: await fontFaces(view, assets),
  });
}
