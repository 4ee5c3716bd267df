// `nianbao validate` as a real process: exit codes 0/1/2, the table, --json, stdin, --previous, bad files and arguments.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Report } from "../../src/core/model.ts";
import { tempDir } from "../support/temp-dir.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const FIX = join(ROOT, "test/fixtures/validate");
const SEEDS = resolve(ROOT, "test/fixtures/seeds");
/** The CLI's working folder (files a test writes for it), removed after the file. */
const tmp = tempDir("cli");

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/nianbao.js"), ...args], {
    cwd: tmp,
    input,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function noStack(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr.startsWith("nianbao: ")).toBe(true);
}

describe("nianbao validate", () => {
  it("exit 0 and a readable table for a consistent report", () => {
    const r = cli(["validate", join(FIX, "report-2021.json")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("示例市商务局2022年度政府信息公开工作年度报告");
    expect(r.stdout).toContain("共 0 条：错误 0，警告 0，提示 0");
    expect(r.stderr).toBe("");
  });

  it("exit 1 when a rule fails, with the error in the table", () => {
    const r = cli(["validate", join(FIX, "broken-2021.json")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/错误\s+requests\.balance\s+\/requests\/received\/natural/);
    expect(r.stdout).toContain("错误 9");
  });

  it("--json prints exactly { report, findings, sources } with the normalized model", () => {
    const r = cli(["validate", "--json", join(FIX, "loose-2019.json")]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["report", "findings", "sources"]);
    expect(Report.parse(out.report)).toEqual(out.report);
    expect(out.report.proactive.procurement.amountWan).toBe(25.1);
    expect(out.findings).toContainEqual(
      expect.objectContaining({ code: "normalize.yuan-to-wan", original: "251000元" }),
    );
  });

  it("reads stdin with -", () => {
    const r = cli(["validate", "-", "--json"], readFileSync(join(FIX, "broken-2021.json"), "utf8"));
    expect(r.code).toBe(1);
    expect(
      JSON.parse(r.stdout).findings.filter((f: { severity: string }) => f.severity === "error"),
    ).toHaveLength(9);
  });

  it("--previous checks 上年结转 against last year's 结转下年度", () => {
    const ok = cli([
      "validate",
      join(FIX, "report-2021.json"),
      "--previous",
      join(FIX, "report-2021-previous.json"),
      "--json",
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).findings).toEqual([]);
    const prev = JSON.parse(readFileSync(join(FIX, "report-2021-previous.json"), "utf8"));
    prev.requests.carriedForward.natural = 5;
    writeFileSync(join(tmp, "prev.json"), JSON.stringify(prev));
    const bad = cli(["validate", join(FIX, "report-2021.json"), "--json", "--previous=prev.json"]);
    expect(bad.code).toBe(0);
    expect(JSON.parse(bad.stdout).findings).toEqual([
      expect.objectContaining({
        code: "cross-year.carried-over",
        path: "/requests/carriedOver/natural",
        expected: 5,
        actual: 2,
      }),
    ]);
    const missing = cli(["validate", join(FIX, "report-2021.json"), "--previous", "nope.json"]);
    expect(missing.code).toBe(2);
    noStack(missing.stderr);
  });

  it("exit 2 with a one-line message for a missing file, bad JSON, an unusable model, empty input", () => {
    for (const [args, input, needle] of [
      [["validate", "nope.json"], undefined, "nope.json"],
      [["validate", "-"], '{"organ":', "JSON"],
      [["validate", "-"], '{"year":2020}', "/organ"],
      [["validate", "-"], "  \n", "输入为空"],
    ] as const) {
      const r = cli([...args], input);
      expect(r.code, String(input)).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(needle);
      noStack(r.stderr);
    }
  });

  it("exit 2 for bad arguments; --help exits 0", () => {
    for (const args of [
      [],
      ["validate"],
      ["validate", "a.json", "b.json"],
      ["validate", "--bogus", "a.json"],
      ["frob"],
      ["validate", "a.json", "--previous"],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      noStack(r.stderr);
    }
    expect(cli(["--help"]).stdout).toContain("validate");
    const help = cli(["validate", "--help"]);
    expect([help.code, help.stdout.includes("--previous")]).toEqual([0, true]);
  });

  it("a few seeds: clean as given, exit 1 after raising one cell by 1", () => {
    for (const [file, row, column] of [
      ["000_6d2805c236cf6dac.expected.json", "received", "total"],
      ["003_89ace2059534ea4c.expected.json", "handledTotal", "legal"],
    ] as const) {
      const model = JSON.parse(readFileSync(join(SEEDS, file), "utf8"));
      expect(cli(["validate", join(SEEDS, file)]).code).toBe(0);
      model.requests[row][column] += 1;
      const r = cli(["validate", "-", "--json"], JSON.stringify(model));
      expect(r.code).toBe(1);
      const errors = JSON.parse(r.stdout).findings.filter(
        (f: { severity: string }) => f.severity === "error",
      );
      expect(
        errors.some(
          (f: { path: string }) => f.path.startsWith(`/requests/${row}/`) || f.path.endsWith(`/${column}`),
        ),
      ).toBe(true);
    }
    const appeal = JSON.parse(readFileSync(join(SEEDS, "002_ddbd805a826f66fd.expected.json"), "utf8"));
    appeal.appeals.litigationDirect.pending += 1;
    const r = cli(["validate", "-"], JSON.stringify(appeal));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("/appeals/litigationDirect/total");
  });
});
