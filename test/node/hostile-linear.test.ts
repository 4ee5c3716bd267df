// Hostile input costs linear time: the attacks of issue #16 and long runs of every character class the parser's patterns use, timed at n and 4n.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { splitDigits } from "../../src/core/parse/digits-split.ts";
import { titleLines } from "../../src/core/render/text/lines.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import { ATTACKS, CHAR_CLASSES, PLACES } from "../support/hostile/attacks.ts";
import { bestOf } from "../support/timing.ts";

/**
 * Time at 4n over time at n. Linear work gives ~4, quadratic ~16: the bound 9 is generous for noise. Times
 * below 30 ms are mostly fixed cost and noise, so the small one counts as at least 30 ms.
 */
function growth(make: (n: number) => string, n: number): { ratio: number; small: number; large: number } {
  const small = bestOf(() => analyzeInput(make(n)));
  const large = bestOf(() => analyzeInput(make(4 * n)));
  return { ratio: large / Math.max(small, 30), small, large };
}

describe("the attacks of issue #16 cost linear time", () => {
  for (const attack of ATTACKS) {
    it(attack.name, () => {
      const g = growth(attack.make, Math.round(attack.measured / 8));
      expect(g.ratio, `${g.small.toFixed(0)} ms → ${g.large.toFixed(0)} ms`).toBeLessThan(9);
    });
  }

  it("a run of digits longer than a row can hold is a finding at once, not a search", () => {
    const { findings } = analyzeInput(ATTACKS[0]?.make(50_000) as string);
    expect(findings.map((f) => f.code)).toContain("parse.digits-too-long");
    // The splitter itself refuses it without searching, and bounds its work on what fits.
    expect(splitDigits(["1".repeat(10_000)], { cells: 7 })).toEqual([]);
    const t0 = performance.now();
    splitDigits(["1".repeat(100)], { cells: 7, maxNodes: 5_000 });
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it("title balancing is linear: a 4× longer title takes ~4× the time", async () => {
    const assets = await nodeAssets();
    const opts = { width: 442, fontSize: 22, lineHeight: 1.15 };
    const title = (n: number) => "某某县人民政府2020年度政府信息公开工作年度报告".repeat(n);
    titleLines(title(10), "某某县人民政府", assets, opts);
    const t = (n: number) => {
      const t0 = performance.now();
      titleLines(title(n), "某某县人民政府", assets, opts);
      return performance.now() - t0;
    };
    const small = Math.min(t(250), t(250));
    const large = Math.min(t(1000), t(1000));
    expect(large < 25 ? 1 : large / Math.max(small, 1)).toBeLessThan(9);
  });
});

describe("property: long runs of every character class, in every place, grow linearly", () => {
  it("n → 4n stays linear", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHAR_CLASSES),
        fc.constantFrom(...PLACES),
        fc.boolean(),
        (unit, place, broken) => {
          // One long run, or the run cut into lines of 500 characters (what the line limit lets through).
          const make = (n: number) => {
            const run = unit.repeat(Math.ceil(n / unit.length));
            return place.put(broken ? (run.match(/[\s\S]{1,500}/g) ?? []).join("\n") : run);
          };
          const g = growth(make, 40_000);
          expect(
            g.ratio,
            `${place.name} ${JSON.stringify(unit)}: ${g.small.toFixed(0)} → ${g.large.toFixed(0)} ms`,
          ).toBeLessThan(9);
        },
      ),
      { numRuns: 24, seed: 16 },
    );
  }, 240_000);
});
