// analyzeInput: kind detection, BOM, empty and invalid input, --previous as bytes, findings in document order.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyzeInput, detectKind } from "../../src/core/analyze.ts";
import { isNianbaoError } from "../../src/core/errors.ts";
import { validateModel } from "../../src/core/validate.ts";
import broken from "../fixtures/validate/broken-2021.json" with { type: "json" };
import r2021 from "../fixtures/validate/report-2021.json" with { type: "json" };
import previous from "../fixtures/validate/report-2021-previous.json" with { type: "json" };

const FIX = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/validate");

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isNianbaoError(e)) return e.code;
    throw e;
  }
  return "none";
}

describe("analyzeInput", () => {
  it("detects JSON, HTML and text by content", () => {
    expect(detectKind('  \n{"a":1}')).toBe("json");
    expect(detectKind("[1]", { contentType: "application/json" })).toBe("json");
    expect(detectKind("<!DOCTYPE html><p>x</p>")).toBe("html");
    expect(detectKind("一、总体情况\n<table><tr><td>1</td></tr></table>")).toBe("html");
    expect(detectKind("一、总体情况\n正文")).toBe("text");
  });

  it("reads UTF-8 bytes with a BOM the same as the string", () => {
    const text = readFileSync(join(FIX, "broken-2021.json"), "utf8");
    const bytes = new TextEncoder().encode(`\ufeff${text}`);
    expect(analyzeInput(bytes)).toEqual(analyzeInput(text));
    expect(analyzeInput(text)).toEqual(validateModel(broken));
  });

  it("throws empty_input, invalid_json and invalid_input", () => {
    expect(errorCode(() => analyzeInput(" \n\t"))).toBe("empty_input");
    expect(errorCode(() => analyzeInput(new Uint8Array()))).toBe("empty_input");
    expect(errorCode(() => analyzeInput('{"organ": "x",'))).toBe("invalid_json");
    expect(errorCode(() => analyzeInput("[1,2]", { filename: "a.json" }))).toBe("invalid_input");
    expect(errorCode(() => analyzeInput('{"organ":"x"}'))).toBe("invalid_input");
  });

  it("takes last year's report as bytes, text or a model, and names it when unusable", () => {
    const now = JSON.stringify(r2021);
    const fromBytes = analyzeInput(now, {}, { previous: new TextEncoder().encode(JSON.stringify(previous)) });
    expect(fromBytes).toEqual(analyzeInput(now, {}, { previous }));
    expect(fromBytes.findings).toEqual([]);
    const changed = structuredClone(previous);
    changed.requests.carriedForward.total = 4;
    expect(analyzeInput(now, {}, { previous: changed }).findings.map((f) => [f.code, f.path])).toEqual([
      ["cross-year.carried-over", "/requests/carriedOver/total"],
    ]);
    try {
      analyzeInput(now, {}, { previous: '{"year":2021}' });
      throw new Error("did not throw");
    } catch (e) {
      expect(isNianbaoError(e) && e.code).toBe("invalid_input");
      expect((e as Error).message.startsWith("上年报告")).toBe(true);
    }
  });

  it("orders findings by document position of their paths, then by code", () => {
    const { findings } = analyzeInput(JSON.stringify(broken));
    expect(findings.map((f) => `${f.path} ${f.code}`)).toEqual([
      "/proactive/licensing/decisions cell.negative",
      "/requests/received/natural requests.balance",
      "/requests/received/total requests.row-total",
      "/requests/granted/total requests.row-total",
      "/requests/withheld/stateSecret/research cell.fraction",
      "/requests/withheld/stateSecret/total requests.row-total",
      "/requests/handledTotal/research requests.handled-total",
      "/requests/handledTotal/total requests.handled-total",
      "/appeals/review/total appeals.group-total",
    ]);
  });
});
