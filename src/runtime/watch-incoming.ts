// Node with a filesystem store: files dropped into <data>/incoming/ are converted as uploads, as R2 events do on Workers.
import { type FSWatcher, watch } from "node:fs";
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { ServiceDeps } from "../service/convert.ts";
import { processUpload, type UploadOptions, uploadHint } from "../service/incoming.ts";
import { INCOMING_PREFIX } from "../service/layout.ts";
import type { LogEntry } from "../service/log.ts";

export interface IncomingWatcher {
  /** Resolves when every file seen so far has been processed (tests wait on it). */
  idle(): Promise<void>;
  close(): void;
}

/** Quiet time after the last change of a file before it is read (a copy in progress keeps changing). */
const SETTLE_MS = 250;

/**
 * Watches `<root>/incoming/` (created if absent) and converts each upload once it has settled, one at a time; files
 * already there at start are converted too. processUpload records each outcome in `<name>.result.json` beside it and
 * does nothing for bytes it has already converted, so a repeated event costs one read of the result file.
 */
export async function watchIncoming(
  root: string,
  deps: ServiceDeps,
  options: UploadOptions & { log?: (entry: LogEntry) => void } = {},
): Promise<IncomingWatcher> {
  const dir = join(root, INCOMING_PREFIX);
  await mkdir(dir, { recursive: true });
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  const { log, ...uploadOptions } = options;

  const run = (name: string) => {
    const key = `${INCOMING_PREFIX}${name}`;
    pending++;
    chain = chain.then(async () => {
      try {
        const outcome = await processUpload(deps, key, uploadOptions);
        if (outcome.status === "done" && !outcome.repeated)
          log?.({ level: "info", msg: "upload processed", key, outcome: outcome.result.status });
      } catch (error) {
        log?.({ level: "error", msg: "upload conversion failed", key, cause: String(error) });
      } finally {
        pending--;
      }
    });
  };
  const schedule = (name: string) => {
    if (!uploadHint(`${INCOMING_PREFIX}${name}`)) return;
    const waiting = timers.get(name);
    if (waiting) clearTimeout(waiting);
    else pending++;
    timers.set(
      name,
      setTimeout(() => {
        timers.delete(name);
        pending--;
        run(name);
      }, SETTLE_MS),
    );
  };

  let watcher: FSWatcher | undefined = watch(dir, (_event, name) => {
    if (typeof name === "string" && !name.includes("/")) schedule(name);
  });
  watcher.on("error", (error) =>
    log?.({ level: "error", msg: "watching incoming/ failed", cause: String(error) }),
  );
  for (const entry of await readdir(dir, { withFileTypes: true })) if (entry.isFile()) schedule(entry.name);

  return {
    async idle() {
      while (pending > 0) {
        await chain;
        await new Promise((r) => setTimeout(r, SETTLE_MS / 5));
      }
    },
    close() {
      watcher?.close();
      watcher = undefined;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
