// The core's validation inside workerd gives the same results as in Node (expected-results.json, written by the Node test).
import { expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { validateModel } from "../../src/core/validate.ts";
import expected from "../fixtures/validate/expected-results.json" with { type: "json" };
import { SNAPSHOT_CASES } from "../support/validate/cases.ts";

it("runs inside workerd", () => {
  expect(navigator.userAgent).toBe("Cloudflare-Workers");
});

it.each(Object.keys(SNAPSHOT_CASES))("%s: same report and findings as in Node", (name) => {
  const c = SNAPSHOT_CASES[name];
  if (!c) throw new Error(name);
  const want = (expected as Record<string, unknown>)[name];
  expect(want).toBeDefined();
  expect(validateModel(structuredClone(c.input), c.options)).toEqual(want);
  const bytes = new TextEncoder().encode(`\ufeff${JSON.stringify(c.input)}`);
  expect(analyzeInput(bytes, { contentType: "application/json" }, c.options)).toEqual(want);
});
