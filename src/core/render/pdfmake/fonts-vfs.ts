// pdfmake's fonts for a render: font files in its virtual file system (written once per data), families, no file access.
import type { FontFile } from "../fonts/assets.ts";
import { bundle } from "./bundle.ts";

const { pdfmake } = bundle;

let guarded = false;
/** Never fetch: no URL and no local file is read while rendering (set once per isolate). */
function denyFileAccess(): void {
  if (guarded) return;
  guarded = true;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
}

/** Font data written into pdfmake's virtual file system once per isolate (keyed by file name and data identity). */
const written = new Map<string, Uint8Array>();
function vfsName(font: FontFile): string {
  const name = `nianbao/${font.name}`;
  if (written.get(name) !== font.data) {
    pdfmake.virtualfs.writeFileSync(name, font.data);
    written.set(name, font.data);
  }
  return name;
}

/**
 * Sets pdfmake's font table for the next document: each family drawn from one file in every style (the faces have
 * no bold or italic files; the templates never ask for synthetic ones). File access stays denied.
 */
export function useFonts(families: Record<string, FontFile>): void {
  denyFileAccess();
  const fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const [family, file] of Object.entries(families)) {
    const name = vfsName(file);
    fonts[family] = { normal: name, bold: name, italics: name, bolditalics: name };
  }
  pdfmake.setFonts(fonts);
}
