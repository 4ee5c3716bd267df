// The inputs whose validation results are compared between Node and workerd (expected-results.json).
import broken from "../../fixtures/validate/broken-2021.json" with { type: "json" };
import loose from "../../fixtures/validate/loose-2019.json" with { type: "json" };
import r2019 from "../../fixtures/validate/report-2019.json" with { type: "json" };
import r2021 from "../../fixtures/validate/report-2021.json" with { type: "json" };
import previous from "../../fixtures/validate/report-2021-previous.json" with { type: "json" };

export const SNAPSHOT_CASES: Record<string, { input: unknown; options?: { previous?: unknown } }> = {
  "report-2021": { input: r2021, options: { previous } },
  "report-2019": { input: r2019 },
  "loose-2019": { input: loose },
  "broken-2021": { input: broken, options: { previous: { ...previous, year: 2020 } } },
};
