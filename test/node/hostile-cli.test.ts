// `nianbao convert` on hostile file systems: never over an input, unique names, special and huge files refused alone, control characters escaped.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertCommand, printable } from "../../src/cli/convert.ts";
import type { CliIO } from "../../src/cli/io.ts";
import { fixture } from "../support/service/app.ts";
import { tempDir } from "../support/temp-dir.ts";

const VALID = fixture("valid-2020.json");
const root = tempDir("cli-hostile");

async function run(args: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const io: CliIO & { stderrIsTTY: boolean } = {
    readFile: async (p) => new Uint8Array(await readFile(p)),
    readStdin: async () => new Uint8Array(),
    stdout: () => {},
    stderr: (t) => {
      err += t;
    },
    stderrIsTTY: false,
  };
  try {
    return { code: await convertCommand.run(args, io), err };
  } catch (e) {
    return { code: e instanceof Error && e.name === "UsageError" ? 2 : 3, err: `${err}${String(e)}` };
  }
}

describe("nianbao convert, hostile cases", () => {
  it("refuses --out inside an input folder, or the same folder through a symlink", async () => {
    const dir = join(root, "in1");
    await mkdir(dir);
    await writeFile(join(dir, "a.json"), VALID);
    expect((await run([dir, "--out", dir, "--format", "json"])).code).toBe(2);
    await symlink(dir, join(root, "link1"));
    expect((await run([dir, "--out", join(root, "link1"), "--format", "json"])).code).toBe(2);
    expect((await run([dir, "--out", join(dir, "sub"), "--format", "json"])).code).toBe(2);
    expect(await readdir(dir)).toEqual(["a.json"]);
  });

  it("gives a.json, a-2.json and a.txt distinct outputs (a.txt does not take a-2)", async () => {
    const dir = join(root, "in2");
    await mkdir(dir);
    for (const n of ["a.json", "a-2.json", "a.txt"]) await writeFile(join(dir, n), VALID);
    const out = join(root, "out2");
    await run([dir, "--out", out, "--format", "json"]);
    expect((await readdir(out)).sort()).toEqual(["a-2.json", "a-3.json", "a.json"]);
  }, 60_000);

  it("refuses a FIFO, a device and a file over the limit by themselves; the rest of the batch converts", async () => {
    const dir = join(root, "in3");
    await mkdir(dir);
    await writeFile(join(dir, "good.json"), VALID);
    await writeFile(join(dir, "huge.txt"), "");
    await truncate(join(dir, "huge.txt"), 600 * 1024 * 1024);
    execFileSync("mkfifo", [join(dir, "pipe.txt")]);
    const out = join(root, "out3");
    const { code, err } = await run([
      dir,
      join(dir, "pipe.txt"),
      "/dev/zero",
      "--out",
      out,
      "--format",
      "json",
    ]);
    expect(code).toBe(2);
    expect(existsSync(join(out, "good.json"))).toBe(true);
    expect(err).toContain("/dev/zero：不是普通文件");
    expect(err).toContain("pipe.txt：不是普通文件");
    expect(err).toContain("huge.txt：文件超过");
  }, 60_000);

  it("prints control characters in names escaped", async () => {
    expect(printable("a\u001b[31mb\r")).toBe("a\\x1b[31mb\\x0d");
    const dir = join(root, "in4");
    await mkdir(dir);
    await writeFile(join(dir, "x\u001b[2Jy.json"), "{ broken");
    const { err } = await run([dir, "--out", join(root, "out4"), "--format", "json"]);
    expect(err).not.toContain("\u001b");
    expect(err).toContain("\\x1b[2J");
  }, 60_000);

  it("an input name near the file-name limit gets a shorter output name; the batch goes on", async () => {
    const dir = join(root, "in5");
    await mkdir(dir);
    const long = "很".repeat(80);
    await writeFile(join(dir, `${long}.json`), VALID);
    await writeFile(join(dir, "ok.json"), VALID);
    const out = join(root, "out5");
    const { code } = await run([dir, "--out", out, "--format", "json,html"]);
    expect(code).toBe(0);
    expect(existsSync(join(out, "ok.json"))).toBe(true);
    expect(existsSync(join(out, `${"很".repeat(60)}.html`))).toBe(true);
  }, 60_000);
});
