// Node side of the runtime comparison: the fixtures' validation results, kept in a JSON file the workerd test checks too.
import { expect, it } from "vitest";
import { validateModel } from "../../src/core/validate.ts";
import { SNAPSHOT_CASES } from "../support/validate/cases.ts";

it("validation results of the fixtures match test/fixtures/validate/expected-results.json (vitest -u to update)", async () => {
  const results = Object.fromEntries(
    Object.entries(SNAPSHOT_CASES).map(([name, c]) => [
      name,
      validateModel(structuredClone(c.input), c.options),
    ]),
  );
  expect(Object.values(results).some((r) => r.findings.some((f) => f.severity === "error"))).toBe(true);
  await expect(`${JSON.stringify(results, null, 2)}\n`).toMatchFileSnapshot(
    "../fixtures/validate/expected-results.json",
  );
});
