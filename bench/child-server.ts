// For the HTTP benches: start `nianbao serve` or `wrangler dev` as a child process, wait for /healthz; fetch again.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

/** A random port in a range the OS rarely hands out to others. */
export const randomPort = () => 20000 + Math.floor(Math.random() * 20000);

/** `node` arguments of `wrangler dev` on 127.0.0.1:<port>, local state under `persistTo`, each var as `--var K:V`. */
export function wranglerDevArgs(
  root: string,
  port: number,
  persistTo: string,
  vars: Record<string, string>,
): string[] {
  return [
    join(root, "node_modules/wrangler/bin/wrangler.js"),
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--persist-to",
    persistTo,
    ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
  ];
}

export interface ChildServer {
  child: ChildProcess;
  url: string;
}

/**
 * Starts `node <args>` in `cwd` and resolves once GET /healthz on 127.0.0.1:<port> answers (up to 2 min). `onStderr`
 * gets the tail of its stderr (20,000 characters) as it grows; an error message ends with `messageChars` of it.
 */
export async function startChild(
  name: string,
  args: string[],
  port: number,
  options: {
    cwd: string;
    env?: Record<string, string>;
    onStderr?: (tail: string) => void;
    messageChars?: number;
  },
): Promise<ChildServer> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", ...options.env },
  });
  let err = "";
  child.stderr?.on("data", (d) => {
    err = (err + String(d)).slice(-20000);
    options.onStderr?.(err);
  });
  const tail = () => err.slice(-(options.messageChars ?? 2000));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${tail()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { child, url };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGTERM");
  throw new Error(`${name} did not start: ${tail()}`);
}

/** fetch, tried again after a connection error up to `attempts` times, waiting `delayMs(attempt)` between tries. */
export async function fetchRetrying(
  url: string,
  init: RequestInit,
  attempts: number,
  delayMs: (attempt: number) => number,
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (e) {
      if (attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, delayMs(attempt)));
    }
  }
}
