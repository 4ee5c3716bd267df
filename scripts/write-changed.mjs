// Build output writer: a file is replaced only when its bytes change, and then atomically (temp file + rename),
// so a test process or CLI reading it while another build runs (parallel test files) never sees half a file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Writes `data` to `path` unless the file already holds exactly these bytes; returns whether it wrote. */
export function writeChanged(path, data) {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
  try {
    if (readFileSync(path).equals(bytes)) return false;
  } catch {
    // Absent or unreadable: write it.
  }
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
  return true;
}

/** Writes each output file of an esbuild result made with `write: false`. */
export function writeOutputs(result) {
  for (const file of result.outputFiles ?? []) writeChanged(file.path, file.contents);
}
