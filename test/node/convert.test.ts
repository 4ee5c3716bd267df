// `nianbao convert`: files and directories to PDF/HTML/JSON, refusal on errors unless --force, exit codes, progress bar.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { tempDir } from "../support/temp-dir.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url);
const fixture = (p: string) => new URL(p, FIXTURES).pathname;

async function run(args: string[], stderrIsTTY = false) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    readFile: async (p) => new Uint8Array(await readFile(p)),
    readStdin: async () => new Uint8Array(),
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTTY,
  } as Parameters<typeof main>[1]);
  return { code, stdout, stderr };
}

/** A folder for one test (removed when it ends): `in/` with `in/sub/`, and where `out/` goes. */
function workdir(): { input: string; out: string } {
  const dir = tempDir("convert");
  const input = join(dir, "in");
  mkdirSync(join(input, "sub"), { recursive: true });
  return { input, out: join(dir, "out") };
}

describe("nianbao convert", () => {
  it("converts a directory of model JSON and raw text to pdf, html and json", async () => {
    const { input, out } = workdir();
    copyFileSync(fixture("render/report-2021.json"), join(input, "a.json"));
    copyFileSync(fixture("seeds/002_ddbd805a826f66fd.txt"), join(input, "sub", "yongkang.txt"));
    writeFileSync(join(input, "notes.md"), "ignored");
    const r = await run(["convert", input, "--out", out]);
    expect(r.stderr).not.toContain("\r");
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "a.html",
      "a.json",
      "a.pdf",
      "yongkang.html",
      "yongkang.json",
      "yongkang.pdf",
    ]);
    expect(readFileSync(join(out, "a.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(readFileSync(join(out, "yongkang.html"), "utf8")).toContain('<html lang="zh-CN">');
    const json = JSON.parse(readFileSync(join(out, "yongkang.json"), "utf8"));
    expect(json.report.organ).toBe("永康市商务局");
    expect(Array.isArray(json.findings)).toBe(true);
    expect(r.stderr).toMatch(/共 2 份：生成 2 份/);
  });

  it("renders only the formats asked for", async () => {
    const { out } = workdir();
    const r = await run(["convert", fixture("render/report-2019.json"), "--out", out, "--format", "pdf"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(["report-2019.pdf"]);
  });

  it("does not render a report with errors unless --force, and says why", async () => {
    const { out } = workdir();
    const broken = fixture("validate/broken-2021.json");
    const r = await run(["convert", broken, "--out", out, "--format", "pdf,html"]);
    expect(r.code).toBe(1);
    expect(existsSync(join(out, "broken-2021.pdf"))).toBe(false);
    expect(r.stderr).toMatch(/未生成.*个错误.*--force/);
    const forced = await run(["convert", broken, "--out", out, "--format", "pdf,html", "--force"]);
    expect(forced.code).toBe(1);
    expect(existsSync(join(out, "broken-2021.pdf"))).toBe(true);
    expect(forced.stderr).toContain("--force");
  });

  it("writes nothing at all for a refused report and lists each error with its table, row and column", async () => {
    const { out } = workdir();
    const r = await run(["convert", fixture("validate/broken-2021.json"), "--out", out]);
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    expect(r.stderr).toMatch(/^ {2}错误 {2}表三「[^」]+」行「[^」]+」栏：/m);
  });

  it("prints each warning with its place instead of pointing at the JSON", async () => {
    const { input, out } = workdir();
    const rare = {
      ...JSON.parse(readFileSync(fixture("render/report-2021.json"), "utf8")),
      organ: "永康市堃山镇人民政府",
    };
    writeFileSync(join(input, "rare.json"), JSON.stringify(rare));
    const r = await run(["convert", join(input, "rare.json"), "--out", out, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^ {2}警告 {2}机关名称：字符「堃」/m);
    expect(r.stderr).not.toContain("见 rare.json");
  });

  it("exits 2 on an unusable input and keeps converting the others", async () => {
    const { input, out } = workdir();
    writeFileSync(join(input, "empty.txt"), "");
    copyFileSync(fixture("render/report-2019.json"), join(input, "ok.json"));
    const r = await run(["convert", input, join(input, "nope.txt"), "--out", out, "--format", "pdf"]);
    expect(r.code).toBe(2);
    expect(existsSync(join(out, "ok.pdf"))).toBe(true);
    expect(r.stderr).toContain("无法使用");
    expect(r.stderr).toContain("nope.txt");
  });

  it("draws a progress bar only on a terminal", async () => {
    const { out } = workdir();
    const r = await run(
      ["convert", fixture("render/report-2019.json"), "--out", out, "--format", "json"],
      true,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("\r");
    expect(r.stderr).toContain("1/1");
  });

  it("rejects bad usage with exit 2", async () => {
    expect((await run(["convert", fixture("render/report-2019.json")])).code).toBe(2);
    const { out } = workdir();
    const bad = await run(["convert", fixture("render/report-2019.json"), "--out", out, "--format", "docx"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("docx");
    expect((await run(["convert", "--help"])).code).toBe(0);
  });
});
