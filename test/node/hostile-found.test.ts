// Regressions for what the 10,000-case fuzz and the profiler found in hostile input (issue #16), one test per class.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { finding } from "../../src/core/finding.ts";
import { capFindings, MAX_FINDINGS } from "../../src/core/findings-cap.ts";
import { SEED } from "../support/hostile/attacks.ts";
import { bestOf } from "../support/timing.ts";

/** Best CPU time of this process over three runs (ms): other processes on the machine do not count. */
function bestCpu(work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    try {
      work();
    } catch {
      // answers count too
    }
    const used = process.cpuUsage(c0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const TITLE = "永康市商务局2020年度政府信息公开工作年度报告";
const BODY = SEED.split("\n").slice(2).join("\n");

describe("a long line before the tables does not make every cell's look-up read it", () => {
  // 「》」 × 99,970 glued before the title: just under the 100,000-character line limit. Each cell's source
  // was looked for with a plain indexOf that scanned to the end of the input at every miss, so the same
  // characters cost ~15× more before the tables than after them (1.1 s against 40 ms).
  const run = "》".repeat(99_970);
  const before = `${run}${TITLE}\n${BODY}`;
  const after = `${TITLE}\n${BODY}\n${run}\n`;

  it("costs about what the same run costs after the tables", () => {
    bestOf(() => analyzeInput(before)); // warm-up
    const ahead = bestOf(() => analyzeInput(before));
    const behind = bestOf(() => analyzeInput(after));
    expect(ahead, `before the tables ${ahead.toFixed(0)} ms, after ${behind.toFixed(0)} ms`).toBeLessThan(
      5 * Math.max(behind, 20),
    );
  });
});

describe("a long overview before the first table", () => {
  it("keeps every cell's source (the first table line was looked for only 4,000 characters ahead)", () => {
    const plain = analyzeInput(SEED);
    const prose = "本机关认真贯彻落实条例要求，".repeat(1_500); // 21,000 characters of overview
    const long = analyzeInput(SEED.replace("本年报按照", `本年报${prose}按照`));
    expect(Object.keys(long.sources ?? {})).toEqual(Object.keys(plain.sources ?? {}));
    for (const [pointer, src] of Object.entries(plain.sources ?? {})) {
      const moved = long.sources?.[pointer];
      expect(moved?.text, pointer).toBe(src.text);
      expect(moved?.line, pointer).toBe(src.line);
    }
  });
});

describe("table 三 with many rows of two readings", () => {
  // Fuzz case 837 of seed 16016 (`npm run fuzz -- --seed 16016 --only core --case 837`): seed 000 with blank
  // cells mutated, so several rows each have more than one reading. Every combination (up to 20,000) was
  // checked against R1/R3 with arrays built per column: 400–650 ms of CPU for a 4.8 KB report.
  const mutated = readFileSync(
    new URL("../fixtures/hostile/fuzz-requests-readings.txt", import.meta.url),
    "utf8",
  );
  const seed = readFileSync(new URL("../fixtures/seeds/000_6d2805c236cf6dac.txt", import.meta.url), "utf8");

  it("costs about what its seed costs", () => {
    const cpu = (text: string) => {
      analyzeInput(text); // warm-up
      return bestCpu(() => analyzeInput(text));
    };
    const own = cpu(mutated);
    const base = cpu(seed);
    expect(own, `mutated ${own.toFixed(0)} ms CPU, seed ${base.toFixed(0)} ms`).toBeLessThan(
      8 * Math.max(base, 15),
    );
  });

  it("still reads it (the readings kept are unchanged)", () => {
    const { report } = analyzeInput(mutated);
    expect(report.requests.received.total).toBe(0);
  });
});

describe("150,000 unknown JSON keys", () => {
  // Each key made a finding (pointer, message) before the cap kept 500: with the JSON parse, over a second of
  // CPU in the worker and 13.7 s over HTTP under load. Past the cap the keys are now counted, not listed.
  const model = JSON.parse(
    readFileSync(new URL("../fixtures/service/valid-2020.json", import.meta.url), "utf8"),
  ) as Record<string, Record<string, unknown>>;
  const withKeys = (n: number, where: "table" | "top") => {
    const extra: Record<string, number> = {};
    for (let i = 0; i < n; i++) extra[`k${i}`] = 1;
    return JSON.stringify(
      where === "table" ? { ...model, proactive: { ...model.proactive, ...extra } } : { ...model, ...extra },
    );
  };

  it("are counted in one finding past the cap, and every key is counted", () => {
    for (const where of ["table", "top"] as const) {
      const { findings } = analyzeInput(withKeys(150_000, where));
      expect(findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
      const listed = findings.filter((f) => /^未知字段「/.test(f.message)).length;
      const counted = findings.find(
        (f) => f.message.startsWith("另有") && f.code === "normalize.unknown-field",
      );
      expect(counted?.actual, where).toBeGreaterThan(0);
      expect(listed + Number(counted?.actual ?? 0), where).toBe(150_000);
    }
  });
});

describe("the findings cap", () => {
  it("still keeps errors first and counts the rest when other findings pass it", () => {
    const many = Array.from({ length: 700 }, (_, i) =>
      i % 7 === 0
        ? finding("requests.balance", `/requests/x${i}`, "R1")
        : finding("normalize.trimmed", `/proactive/x${i}`, "trimmed"),
    );
    const kept = capFindings(many);
    expect(kept).toHaveLength(MAX_FINDINGS);
    expect(kept.filter((f) => f.code === "requests.balance")).toHaveLength(100);
    expect(kept.at(-1)).toMatchObject({ code: "findings.truncated", actual: 700 - (MAX_FINDINGS - 1) });
  });
});
