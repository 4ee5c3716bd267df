// The finding-code catalogue: unique dotted codes, every emitted code documented, and the README table up to date.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { END, renderCodes, replaceBetweenMarkers, START } from "../../scripts/readme-codes.mjs";
import { FINDING_CODES } from "../../src/core/codes.ts";
import { NORMALIZE_CODES } from "../../src/core/normalize/codes.ts";
import { normalizeReport } from "../../src/core/normalize.ts";
import { checkReport, RULE_CODES } from "../../src/core/rules.ts";
import { validateModel } from "../../src/core/validate.ts";
import broken from "../fixtures/validate/broken-2021.json" with { type: "json" };
import loose from "../fixtures/validate/loose-2019.json" with { type: "json" };
import r2021 from "../fixtures/validate/report-2021.json" with { type: "json" };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

describe("FINDING_CODES", () => {
  it("holds unique, stable dotted codes with a severity and a meaning", () => {
    const codes = FINDING_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of FINDING_CODES) {
      expect(c.code).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
      expect(["error", "warning", "info"]).toContain(c.severity);
      expect(c.meaning.length).toBeGreaterThan(10);
    }
    for (const c of [...RULE_CODES, ...NORMALIZE_CODES]) expect(FINDING_CODES).toContainEqual(c);
  });

  it("documents every code the normalizer and the rules emit, with the documented severity", () => {
    const emitted = [
      ...validateModel(structuredClone(broken)).findings,
      ...validateModel(structuredClone(loose)).findings,
      ...validateModel({
        organ: "某区局",
        year: "2022年",
        issuedOn: "不详",
        note: 1,
        sections: [{ heading: "x", blocks: ["y"] }],
        proactive: { regulations: { made: 1 }, procurement: { projects: 0, amountWan: 1.234567 }, x: 2 },
        requests: {
          received: { natural: "１", commercial: "增1", total: "abc" },
          otherHandling: { other: { natural: 1 } },
        },
      }).findings,
      ...checkReport(normalizeReport(structuredClone(r2021)).report, {
        previous: { ...normalizeReport(structuredClone(r2021)).report, organ: "别的局" },
      }),
    ];
    expect(emitted.length).toBeGreaterThan(30);
    const bySeverity = new Map<string, string>(FINDING_CODES.map((c) => [c.code, c.severity]));
    for (const f of emitted) expect([f.code, bySeverity.get(f.code)]).toEqual([f.code, f.severity]);
  });
});

describe("README finding-code table", () => {
  it("is up to date (npm run docs)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(START);
    expect(readme).toContain(END);
    expect(readme).toBe(replaceBetweenMarkers(readme, renderCodes(FINDING_CODES)));
  });

  it("replaces only what is between the markers", () => {
    const stale = `# t\n\nbefore\n${START}\n| old |\n${END}\nafter\n`;
    const next = replaceBetweenMarkers(stale, renderCodes(FINDING_CODES.slice(0, 1)));
    expect(next).not.toBe(stale);
    expect(next.startsWith(`# t\n\nbefore\n${START}\n| code | severity | meaning |`)).toBe(true);
    expect(next.endsWith(`${END}\nafter\n`)).toBe(true);
    expect(() => replaceBetweenMarkers("# no markers", "x")).toThrow();
  });
});
