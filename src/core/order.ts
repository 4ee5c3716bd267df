// Stable finding order: by the document order of each finding's path in the report, then by code.
import type { Finding, Report } from "./model.ts";
import { pointerToken } from "./pointer.ts";

/** Preorder index of every JSON Pointer of a value (keys in their object order). */
function pathIndex(root: unknown): Map<string, number> {
  const index = new Map<string, number>();
  const walk = (node: unknown, path: string) => {
    index.set(path, index.size);
    if (node === null || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) walk(v, `${path}/${pointerToken(k)}`);
  };
  walk(root, "");
  return index;
}

/** Sorts findings by the document order of their paths (unknown paths at their nearest known parent), then code. */
export function sortFindings(report: Report, findings: readonly Finding[]): Finding[] {
  const index = pathIndex(report);
  const rank = (path: string): number => {
    let p = path;
    for (;;) {
      const i = index.get(p);
      if (i !== undefined) return i;
      const cut = p.lastIndexOf("/");
      if (cut < 0) return -1;
      p = p.slice(0, cut);
    }
  };
  return findings
    .map((f, i) => ({ f, i, r: rank(f.path) }))
    .sort((a, b) => a.r - b.r || (a.f.code < b.f.code ? -1 : a.f.code > b.f.code ? 1 : 0) || a.i - b.i)
    .map((x) => x.f);
}
