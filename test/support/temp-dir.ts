// Temporary directories for tests: made in the OS temp dir, removed when the test (or, at collection time, the suite) that made them is done.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, onTestFinished, TestRunner } from "vitest";

/** Every directory name starts with this, so a run's leftovers are easy to count: `nianbao-<name>-XXXXXX`. */
export const TEMP_PREFIX = "nianbao-";

/**
 * A new empty directory `nianbao-<name>-…` in the OS temp dir, removed with all it holds:
 * - called inside a test: made now, removed when that test has finished (vitest's `onTestFinished`, after its
 *   `afterEach` hooks, whether it passed or not);
 * - called at collection time (a file's top level or a `describe` body): the path is returned now, the directory is
 *   made when that file or suite starts (`beforeAll`, before the hooks registered after this call) and removed when
 *   it ends (`afterAll`). A suite that does not run (every test filtered out by `-t`, or skipped) makes none.
 * Inside a `beforeAll`/`afterAll` hook neither is possible (a hook registered while the file runs is never run), so
 * it throws there: call it at collection time instead, and use the path from the hook.
 */
export function tempDir(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`tempDir: name ${JSON.stringify(name)} is not [a-z0-9-]+`);
  const test = TestRunner.getCurrentTest();
  if (test) {
    const dir = mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${name}-`));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }
  // While a file's tests run, its task has a result; while it is being collected it has none.
  if (TestRunner.getCurrentSuite().file?.result !== undefined)
    throw new Error(
      "tempDir: called in a hook; call it inside a test or at collection time (file or describe body)",
    );
  // Named now, made only if the suite runs: mkdirSync refuses an existing path, so the name stays this suite's own.
  const dir = join(tmpdir(), `${TEMP_PREFIX}${name}-${randomBytes(6).toString("hex")}`);
  beforeAll(() => {
    mkdirSync(dir, { mode: 0o700 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
