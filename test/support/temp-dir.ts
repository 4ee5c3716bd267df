// Temporary directories for tests: made in the OS temp dir, removed when the test (or, at collection time, the file) that made them is done.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, onTestFinished, TestRunner } from "vitest";

/** Every directory name starts with this, so a run's leftovers are easy to count: `nianbao-<name>-XXXXXX`. */
export const TEMP_PREFIX = "nianbao-";

/**
 * A new empty directory `nianbao-<name>-XXXXXX` in the OS temp dir, removed with all it holds:
 * - called inside a test: when that test has finished (vitest's `onTestFinished`, after its `afterEach` hooks);
 * - called at collection time (a file's top level or a `describe` body): after the file's or that suite's tests
 *   (`afterAll` of the suite being collected).
 * Inside a `beforeAll`/`afterAll` hook neither is possible (a hook registered while the file runs is never run), so
 * it throws there: make the directory at collection time instead, and use it from the hook.
 */
export function tempDir(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`tempDir: name ${JSON.stringify(name)} is not [a-z0-9-]+`);
  const test = TestRunner.getCurrentTest();
  // While a file's tests run, its task has a result; while it is being collected it has none.
  const collecting = test === undefined && TestRunner.getCurrentSuite().file?.result === undefined;
  if (test === undefined && !collecting)
    throw new Error(
      "tempDir: called in a hook; call it inside a test or at collection time (file or describe body)",
    );
  const dir = mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${name}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (test) onTestFinished(remove);
  else afterAll(remove);
  return dir;
}
