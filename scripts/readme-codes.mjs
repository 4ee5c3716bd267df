// `npm run docs`: writes the finding-code table (src/core/codes.ts) into README.md between the codes markers; --check only compares.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { importTs } from "./import-ts.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const START = "<!-- codes:start -->";
export const END = "<!-- codes:end -->";

/** The Markdown table of finding codes. */
export function renderCodes(codes) {
  const cell = (s) => String(s).replace(/\|/g, "\\|").replace(/\n/g, " ");
  const rows = codes.map((c) => `| \`${c.code}\` | ${c.severity} | ${cell(c.meaning)} |`);
  return ["| code | severity | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

/** README text with the table between the markers (which must both be there, in order). */
export function replaceBetweenMarkers(readme, table) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, a + START.length)}\n${table}\n${readme.slice(b)}`;
}

/** FINDING_CODES from the TypeScript source. */
async function loadCodes() {
  return (await importTs("src/core/codes.ts")).FINDING_CODES;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = join(root, "README.md");
  const readme = readFileSync(path, "utf8");
  const next = replaceBetweenMarkers(readme, renderCodes(await loadCodes()));
  if (process.argv.includes("--check")) {
    if (next !== readme) {
      process.stderr.write("README.md finding-code table is out of date: run npm run docs\n");
      process.exitCode = 1;
    }
  } else if (next !== readme) {
    writeFileSync(path, next);
  }
}
