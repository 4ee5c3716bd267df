// Finds a Chromium for tests and benches: the npm-carried @sparticuz/chromium (unpacked once per machine), else CHROMIUM_PATH or one on PATH.
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { arch, platform, tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { type Browser, type BrowserServer, chromium, type LaunchOptions } from "playwright-core";

/** Where the executable came from: the npm package, the CHROMIUM_PATH variable, or a search of PATH. */
export type ChromiumSource = "npm" | "CHROMIUM_PATH" | "PATH";

export interface ChromiumChoice {
  readonly executablePath: string;
  readonly source: ChromiumSource;
  /** Command-line flags for this build: the package's own for the npm one, headless defaults otherwise. */
  readonly args: readonly string[];
}

/** Names a system Chromium goes by on PATH, tried in this order. */
export const SYSTEM_CHROMIUM_NAMES = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "chrome",
] as const;

const SYSTEM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Flags of the package meant for one-process serverless sandboxes that would only make shared test browsers fragile. */
const DROPPED_NPM_ARGS = new Set([
  "--single-process",
  "--disable-web-security",
  "--allow-running-insecure-content",
]);

const require = createRequire(import.meta.url);

/** The installed @sparticuz/chromium version, or undefined when the package is absent. */
export function npmChromiumVersion(): string | undefined {
  let main: string;
  try {
    // The package exports only its entry, not package.json: find that beside build/index.js.
    main = require.resolve("@sparticuz/chromium");
  } catch {
    return undefined;
  }
  const pkg = JSON.parse(readFileSync(join(dirname(main), "..", "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  if (pkg.name !== "@sparticuz/chromium") throw new Error(`unexpected package beside ${main}: ${pkg.name}`);
  return pkg.version;
}

/** The package ships a linux-x64 build only; elsewhere a system Chromium is needed. */
export const npmChromiumFits = (): boolean => platform() === "linux" && arch() === "x64";

/** The folder the npm Chromium is unpacked into: one per package version and user, kept between runs. */
export function npmChromiumDir(version = npmChromiumVersion() ?? "none"): string {
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  return join(tmpdir(), `nianbao-chromium-${version}-${uid}`);
}

let unpacking: Promise<string> | undefined;

/**
 * Unpacks the npm Chromium (executable, its fonts and SwiftShader) into npmChromiumDir() once: into a
 * private folder first, then renamed into place, so parallel workers and runs never see half a browser.
 */
export function unpackNpmChromium(): Promise<string> {
  unpacking ??= (async () => {
    const dir = npmChromiumDir();
    const exe = join(dir, "chromium");
    if (existsSync(join(dir, ".complete"))) return exe;
    const { default: Sparticuz } = await import("@sparticuz/chromium");
    const staging = `${dir}.${process.pid}.${Date.now()}`;
    mkdirSync(staging, { recursive: true });
    // The package unpacks into os.tmpdir(): point that at the staging folder while it starts.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    let pending: Promise<string>;
    try {
      pending = Sparticuz.executablePath();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    const unpacked = await pending;
    if (unpacked !== join(staging, "chromium")) {
      rmSync(staging, { recursive: true, force: true });
      throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not into ${staging}`);
    }
    writeFileSync(join(staging, ".complete"), `${npmChromiumVersion()}\n`);
    try {
      renameSync(staging, dir);
    } catch {
      // Another worker finished first: use its copy.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(dir, ".complete"))) throw new Error(`could not unpack Chromium into ${dir}`);
    }
    return exe;
  })();
  return unpacking;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A system Chromium: CHROMIUM_PATH when set (it must exist), else the first of SYSTEM_CHROMIUM_NAMES on PATH. */
export function systemChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice | undefined {
  const given = env.CHROMIUM_PATH;
  if (given) {
    if (!executable(given)) throw new Error(`CHROMIUM_PATH=${given} is not an executable file`);
    return { executablePath: given, source: "CHROMIUM_PATH", args: SYSTEM_ARGS };
  }
  for (const name of SYSTEM_CHROMIUM_NAMES)
    for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
      const path = join(dir, name);
      if (executable(path)) return { executablePath: path, source: "PATH", args: SYSTEM_ARGS };
    }
  return undefined;
}

/**
 * The browser the tests use: the npm-carried Chromium where it fits this machine, else a system one.
 * None at all is an error saying how to get one, never a reason to skip.
 */
export async function findChromium(): Promise<ChromiumChoice> {
  if (npmChromiumVersion() && npmChromiumFits()) {
    const { default: Sparticuz } = await import("@sparticuz/chromium");
    const args = Sparticuz.args.filter((a) => !DROPPED_NPM_ARGS.has(a));
    return { executablePath: await unpackNpmChromium(), source: "npm", args };
  }
  const system = systemChromium();
  if (system) return system;
  throw new Error(
    `no Chromium: @sparticuz/chromium runs on linux-x64 only (this is ${platform()}-${arch()}); ` +
      "set CHROMIUM_PATH to a Chromium or Chrome executable, or put one on PATH",
  );
}

const launchOptions = (c: ChromiumChoice): LaunchOptions => ({
  executablePath: c.executablePath,
  args: [...c.args],
  headless: true,
});

/** Launches the chosen Chromium in this process (benches, one-off scripts). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch(launchOptions(await findChromium()));
}

/** Launches the chosen Chromium as a server that test files connect to (see browser-setup.ts). */
export async function launchChromiumServer(): Promise<{ server: BrowserServer; choice: ChromiumChoice }> {
  const choice = await findChromium();
  return { server: await chromium.launchServer(launchOptions(choice)), choice };
}
