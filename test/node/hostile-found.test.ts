// Regressions for what the 10,000-case fuzz and the profiler found in hostile input (issue #16), one test per class.
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { SEED } from "../fixtures/hostile/attacks.ts";

/** Best time of three runs (ms): the machine is shared, one run can be slowed by others or by a collection. */
function bestOf(work: () => unknown): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    try {
      work();
    } catch {
      // input_limit and not_a_report are answers too: the time to reach them is what is measured.
    }
    runs.push(performance.now() - t0);
  }
  return Math.min(...runs);
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
