// Fuzz: any text — random, or a fixture cut, shuffled and garbled — parses to a schema-valid report or throws a NianbaoError; nothing else.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { expect, it } from "vitest";
import { isNianbaoError } from "../../src/core/errors.ts";
import { Report } from "../../src/core/model.ts";
import { parseReport } from "../../src/core/parse/index.ts";

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures/parse");
const texts = readdirSync(DIR)
  .filter((f) => /\.(txt|html)$/.test(f) && !f.includes("gb18030"))
  .map((f) => readFileSync(join(DIR, f), "utf8"));

function outcome(text: string, kind: "text" | "html"): void {
  try {
    const { report, findings } = parseReport(text, kind);
    const check = Report.safeParse(report);
    expect(check.success, check.success ? "" : JSON.stringify(check.error.issues.slice(0, 3))).toBe(true);
    expect(Array.isArray(findings)).toBe(true);
  } catch (e) {
    if (!isNianbaoError(e)) throw e;
  }
}

it("random text never crashes the parser", () => {
  const alphabet = fc.constantFrom(
    ..."一二三四五六、（）()0123456789\t\n |.．年月日报告规章行政许可公开申请总计其他-—",
  );
  fc.assert(
    fc.property(fc.string({ unit: alphabet, maxLength: 400 }), (s) => {
      outcome(s, "text");
      outcome(`<table><tr><td>${s.replace(/\n/g, "</td><td>")}</td></tr></table>`, "html");
    }),
    { numRuns: 200 },
  );
});

it("fixtures cut, shuffled and garbled still parse to valid reports or a NianbaoError", () => {
  fc.assert(
    fc.property(
      fc.nat(texts.length - 1),
      fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
      fc.constantFrom("cut", "shuffle", "digits", "tabs"),
      (pick, seeds, how) => {
        const lines = (texts[pick] as string).split("\n");
        let out = [...lines];
        if (how === "cut") out = lines.slice(0, (seeds[0] ?? 0) % lines.length);
        if (how === "shuffle")
          for (const s of seeds) {
            const i = s % out.length;
            const j = (s * 7 + 3) % out.length;
            [out[i], out[j]] = [out[j] as string, out[i] as string];
          }
        if (how === "digits") out = out.map((l, i) => (seeds.includes(i % 13) ? l.replace(/\d/g, "9") : l));
        if (how === "tabs") out = out.map((l) => l.replace(/\t/g, ""));
        outcome(out.join("\n"), "text");
      },
    ),
    { numRuns: 150 },
  );
});
