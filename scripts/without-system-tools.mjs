// Runs a command (default: npm test) on a PATH without poppler or a system Chromium: each is a shim that records the call and exits 127.
// `npm run test:no-system-tools` is what a machine that has only Node sees: the suite must pass, with the same
// test count, and no shim may have been called. Prints the calls and exits 1 when one was.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

const BANNED = [
  "pdftoppm",
  "pdftotext",
  "pdffonts",
  "pdfinfo",
  "pdftocairo",
  "pdfimages",
  "pdftops",
  "pdftohtml",
  "pdfseparate",
  "pdfunite",
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "chrome",
];

const command = process.argv.slice(2);
if (command.length === 0) command.push("npm", "test");

const root = mkdtempSync(join(tmpdir(), "nianbao-nosys-"));
const bin = join(root, "bin");
const log = join(root, "calls.log");
writeFileSync(log, "");
mkdirSync(bin);

// Every program on PATH, first one of a name wins, as the shell would find it; the banned ones left out.
let linked = 0;
for (const dir of (process.env.PATH ?? "").split(delimiter).filter(Boolean)) {
  if (!existsSync(dir)) continue;
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    continue;
  }
  for (const name of names) {
    if (BANNED.includes(name) || existsSync(join(bin, name))) continue;
    symlinkSync(join(dir, name), join(bin, name));
    linked++;
  }
}
for (const name of BANNED) {
  const shim = join(bin, name);
  writeFileSync(
    shim,
    `#!/bin/sh\necho "${name} $*" >> '${log}'\necho "${name}: a system tool was called (see scripts/without-system-tools.mjs)" >&2\nexit 127\n`,
  );
  chmodSync(shim, 0o755);
}

const env = { ...process.env, PATH: bin };
delete env.CHROMIUM_PATH;
console.error(
  `without-system-tools: ${linked} programs, ${BANNED.length} shims (${BANNED.slice(0, 4).join(", ")}, chromium, …); running: ${command.join(" ")}`,
);
const started = Date.now();
const run = spawnSync(command[0], command.slice(1), { stdio: "inherit", env });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const calls = readFileSync(log, "utf8").trim();
rmSync(root, { recursive: true, force: true });
if (calls) {
  console.error(`without-system-tools: FAILED: system tools were called:\n${calls}`);
  process.exit(1);
}
console.error(
  `without-system-tools: no system tool called; ${command.join(" ")} exited ${run.status} after ${seconds} s`,
);
process.exit(run.status ?? 1);
