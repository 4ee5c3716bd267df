// The normalizer: loose cells, edition/title/date defaults, edition mix, unusable input; every change a finding with its path.
import { describe, expect, it } from "vitest";
import { isNianbaoError, type NianbaoError } from "../../src/core/errors.ts";
import type { Finding } from "../../src/core/model.ts";
import { normalizeReport } from "../../src/core/normalize.ts";
import loose from "../fixtures/validate/loose-2019.json" with { type: "json" };
import r2019 from "../fixtures/validate/report-2019.json" with { type: "json" };
import r2021 from "../fixtures/validate/report-2021.json" with { type: "json" };

const at = (fs: Finding[], path: string) => fs.filter((f) => f.path === path).map((f) => f.code);
const minimal = (extra: Record<string, unknown> = {}) => ({ organ: "某区商务局", year: 2020, ...extra });

function thrown(fn: () => unknown): NianbaoError {
  try {
    fn();
  } catch (e) {
    if (isNianbaoError(e)) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("normalizeReport", () => {
  it("passes a normalized report through unchanged, with no finding", () => {
    for (const fixture of [r2019, r2021]) {
      const { report, findings } = normalizeReport(structuredClone(fixture));
      expect(report).toEqual(fixture);
      expect(findings).toEqual([]);
    }
  });

  it("reads loose cells: full-width digits, spaces, 增/减, －, blanks and 元, each with a finding", () => {
    const { report, findings } = normalizeReport(structuredClone(loose));
    if (report.edition !== "2019") throw new Error("edition");
    expect(report.proactive.licensing.change).toBe(-2);
    expect(report.proactive.otherServices.change).toBe(1);
    expect(report.proactive.penalties.change).toBe(3);
    expect(report.proactive.fees).toEqual({ lastYear: 1, change: null });
    expect(report.proactive.procurement.amountWan).toBe(25.1);
    expect(report.requests.received.natural).toBe(4);
    expect(report.requests.received.total).toBe(7);
    expect(report.appeals.litigationAfterReview).toEqual({
      upheld: null,
      corrected: null,
      other: null,
      pending: null,
      total: 0,
    });
    expect(at(findings, "/proactive/licensing/change")).toEqual(["normalize.signed-word"]);
    expect(at(findings, "/proactive/penalties/change")).toEqual(["normalize.fullwidth"]);
    expect(at(findings, "/proactive/fees/change")).toEqual(["normalize.blank-mark"]);
    expect(at(findings, "/proactive/fees/lastYear")).toEqual(["normalize.unit-stripped"]);
    expect(at(findings, "/requests/received/natural")).toEqual(["normalize.fullwidth"]);
    expect(at(findings, "/requests/received/total")).toEqual(["normalize.trimmed"]);
    expect(at(findings, "/appeals/litigationAfterReview/pending")).toEqual(["normalize.blank-mark"]);
    const yuan = findings.find((f) => f.code === "normalize.yuan-to-wan");
    expect(yuan).toMatchObject({
      path: "/proactive/procurement/amountWan",
      original: "251000元",
      actual: 25.1,
    });
    expect(findings.every((f) => f.severity !== "error")).toBe(true);
  });

  it("trims strings, infers edition and title, converts a Chinese date", () => {
    const { report, findings } = normalizeReport(structuredClone(loose));
    expect(report.organ).toBe("示例县市场监督管理局");
    expect(report.edition).toBe("2019");
    expect(report.title).toBe("示例县市场监督管理局2020年度政府信息公开工作年度报告");
    expect(report.issuedOn).toBe("2021-01-25");
    expect(at(findings, "/organ")).toEqual(["normalize.trimmed"]);
    expect(at(findings, "/edition")).toEqual(["normalize.edition-inferred"]);
    expect(at(findings, "/title")).toEqual(["normalize.title-default"]);
    expect(findings.find((f) => f.path === "/issuedOn")).toMatchObject({
      code: "normalize.date-format",
      original: "2021年1月25日",
    });
  });

  it("infers the edition from the year when the tables say nothing (≥ 2021 → 2021)", () => {
    expect(normalizeReport(minimal({ year: 2021 })).report.edition).toBe("2021");
    expect(normalizeReport(minimal({ year: 2020 })).report.edition).toBe("2019");
    expect(normalizeReport(minimal({ year: "２０２２年" })).report).toMatchObject({
      year: 2022,
      edition: "2021",
    });
  });

  it("fills missing tables and sections with blanks (null, not 0)", () => {
    const { report } = normalizeReport(minimal());
    expect(report.sections).toEqual([]);
    expect(report.requests.handledTotal.total).toBeNull();
    expect(report.appeals.review.upheld).toBeNull();
  });

  it("reads dates in several forms, and reports an unreadable one", () => {
    const date = (issuedOn: unknown) => normalizeReport(minimal({ issuedOn }));
    expect(at(date("2021-01-25").findings, "/issuedOn")).toEqual([]);
    expect(date("2021/1/5").report.issuedOn).toBe("2021-01-05");
    expect(date("二〇二一年一月二十五日").report.issuedOn).toBe("2021-01-25");
    expect(date("２０２１年１２月３１日").report.issuedOn).toBe("2021-12-31");
    const bad = date("2021年2月30日");
    expect(bad.report.issuedOn).toBeNull();
    expect(at(bad.findings, "/issuedOn")).toEqual(["normalize.date-unreadable"]);
  });

  it("keeps negative and fractional counts for R5, and turns unreadable text into null with a warning", () => {
    const { report, findings } = normalizeReport(
      minimal({ appeals: { review: { upheld: -1, corrected: 0.5, other: "不详", pending: "1 2" } } }),
    );
    expect(report.appeals.review).toMatchObject({ upheld: -1, corrected: 0.5, other: null, pending: null });
    const warnings = findings.filter((f) => f.code === "normalize.unreadable");
    expect(warnings.map((f) => [f.path, f.severity, f.original])).toEqual([
      ["/appeals/review/other", "warning", "不详"],
      ["/appeals/review/pending", "warning", "1 2"],
    ]);
  });

  it("2021 report with a single 2019 （六）其他处理 row: counted under 3.其他, edition.mix warning", () => {
    const { report, findings } = normalizeReport(
      minimal({ year: 2021, edition: "2021", requests: { otherHandling: { natural: 2, total: 2 } } }),
    );
    if (report.edition !== "2021") throw new Error("edition");
    expect(report.requests.otherHandling.other).toMatchObject({ natural: 2, total: 2 });
    expect(at(findings, "/requests/otherHandling")).toEqual(["edition.mix"]);
  });

  it("2019 report with the three 2021 （六） sub-rows: summed into one row, edition.mix warning", () => {
    const { report, findings } = normalizeReport(
      minimal({
        edition: "2019",
        requests: {
          otherHandling: { noCorrection: { natural: 1, total: 1 }, other: { natural: 2, total: 2 } },
        },
      }),
    );
    if (report.edition !== "2019") throw new Error("edition");
    expect(report.requests.otherHandling).toMatchObject({ natural: 3, commercial: null, total: 3 });
    expect(at(findings, "/requests/otherHandling")).toEqual(["edition.mix"]);
  });

  it("reports other-edition and unknown table keys instead of dropping them silently", () => {
    const { findings } = normalizeReport(
      minimal({
        edition: "2021",
        year: 2021,
        proactive: { procurement: { projects: 1 }, licensing: { decisions: 1, foo: 3 } },
      }),
    );
    expect(at(findings, "/proactive/procurement")).toEqual(["edition.mix"]);
    expect(at(findings, "/proactive/licensing/foo")).toEqual(["normalize.unknown-field"]);
  });

  it("infers section roles from headings and reads bare-string blocks", () => {
    const { report, findings } = normalizeReport(
      minimal({
        sections: [
          { heading: "一、总体情况", blocks: ["  正文。"] },
          { heading: "五、平台建设方面", blocks: [] },
        ],
      }),
    );
    expect(report.sections.map((s) => s.role)).toEqual(["overview", "extra"]);
    expect(report.sections[0]?.blocks).toEqual([{ type: "paragraph", text: "正文。" }]);
    expect(at(findings, "/sections/0/role")).toEqual(["normalize.role-inferred"]);
    expect(at(findings, "/sections/0/blocks/0")).toEqual(["normalize.block-text"]);
  });

  it("throws invalid_input with JSON Pointer paths on unusable input", () => {
    expect(thrown(() => normalizeReport([1])).code).toBe("invalid_input");
    expect(thrown(() => normalizeReport("x")).code).toBe("invalid_input");
    const noOrgan = thrown(() => normalizeReport({ year: 2020 }));
    expect(noOrgan.details.issues?.map((i) => i.path)).toEqual(["/organ"]);
    expect(thrown(() => normalizeReport({ organ: "x" })).details.issues?.[0]?.path).toBe("/year");
    expect(thrown(() => normalizeReport(minimal({ year: 1999 }))).details.issues?.[0]?.path).toBe("/year");
    expect(thrown(() => normalizeReport(minimal({ edition: "2020" }))).details.issues?.[0]?.path).toBe(
      "/edition",
    );
    const cell = thrown(() => normalizeReport(minimal({ requests: { received: { natural: true } } })));
    expect(cell.details.issues?.map((i) => i.path)).toEqual(["/requests/received/natural"]);
    const row = thrown(() => normalizeReport(minimal({ appeals: { review: 3 } })));
    expect(row.details.issues?.map((i) => i.path)).toEqual(["/appeals/review"]);
    expect(thrown(() => normalizeReport(minimal({ sections: {} }))).details.issues?.[0]?.path).toBe(
      "/sections",
    );
  });

  it("does not let __proto__ keys pollute anything", () => {
    const input = JSON.parse(
      '{"organ":"某区商务局","year":2020,"__proto__":{"polluted":1,"edition":"2021"},"requests":{"__proto__":{"received":{"natural":9}},"received":{"__proto__":{"total":5}}}}',
    );
    const { report, findings } = normalizeReport(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(report)).toBe(Object.prototype);
    expect(report.edition).toBe("2019");
    expect(report.requests.received).toMatchObject({ natural: null, total: null });
    expect(at(findings, "/__proto__")).toEqual(["normalize.extra-field"]);
    expect(at(findings, "/requests/__proto__")).toEqual(["normalize.unknown-field"]);
  });
});
