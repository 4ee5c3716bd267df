// Finding codes are a closed union derived from the catalogue, and finding() takes each code's severity from it.
import { describe, expect, it } from "vitest";
import { FINDING_CODES, type FindingCode } from "../../src/core/codes.ts";
import { finding, severityOf } from "../../src/core/finding.ts";

describe("finding codes", () => {
  it("finding(code, path, message, extra) takes the severity from the catalogue", () => {
    expect(finding("requests.balance", "/requests", "不平衡")).toEqual({
      severity: "error",
      code: "requests.balance",
      path: "/requests",
      message: "不平衡",
    });
    expect(finding("font.missing-glyph", "/organ", "m", { codePoint: "U+5803" })).toMatchObject({
      severity: "warning",
      codePoint: "U+5803",
    });
    for (const c of FINDING_CODES) expect(severityOf(c.code)).toBe(c.severity);
  });

  it("accepts only catalogued codes (a type error otherwise; an unknown code at run time throws)", () => {
    // @ts-expect-error not a catalogued code: tsc --noEmit fails if this line type-checks
    expect(() => finding("no.such-code", "", "")).toThrow(/not in the catalogue/);
    const code: FindingCode = "parse.ambiguous";
    expect(finding(code, "", "").severity).toBe("warning");
  });

  it("lists each code once", () => {
    const codes = FINDING_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
