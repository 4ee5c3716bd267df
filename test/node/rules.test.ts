// Every rule of spec section 4, with a passing and a failing case, on consistent reports of both editions.
import { describe, expect, it } from "vitest";
import { type CellRef, cellPointer, setCell } from "../../src/core/cells.ts";
import type { Finding, Report } from "../../src/core/model.ts";
import { normalizeReport } from "../../src/core/normalize.ts";
import {
  checkReport,
  equations,
  evaluate,
  isCountyOrDistrict,
  ruleViolations,
} from "../../src/core/rules.ts";
import r2019 from "../fixtures/validate/report-2019.json" with { type: "json" };
import r2021 from "../fixtures/validate/report-2021.json" with { type: "json" };
import prev2021 from "../fixtures/validate/report-2021-previous.json" with { type: "json" };

const BASES = { "2019": r2019, "2021": r2021 } as const;

/** A fresh normalized copy of a fixture, changed by `edit`. */
function report(edition: "2019" | "2021", edit: (r: Report) => void = () => {}): Report {
  const r = normalizeReport(structuredClone(BASES[edition])).report;
  edit(r);
  return r;
}

const set = (r: Report, ref: CellRef, v: number | null) =>
  setCell(r as unknown as Record<string, unknown>, ref, v);
const req = (row: string[], column: string): CellRef => ({ table: "requests", row, column });
const codes = (fs: Finding[]) => fs.map((f) => f.code);
const only = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);

describe.each(["2019", "2021"] as const)("edition %s", (edition) => {
  it("a consistent report has no finding at all", () => {
    expect(checkReport(report(edition))).toEqual([]);
  });

  it("R1 requests.balance: 一 + 二 = （七） + 四 per column", () => {
    const r = report(edition, (x) => set(x, req(["carriedOver"], "commercial"), 5));
    const f = only(checkReport(r), "requests.balance");
    expect(f).toEqual([
      expect.objectContaining({
        severity: "error",
        path: "/requests/received/commercial",
        actual: (r.requests.received.commercial ?? 0) + 5,
      }),
    ]);
    expect(f[0]?.message).toContain("商业企业");
    expect(f[0]?.expected).toBe(
      (r.requests.handledTotal.commercial ?? 0) + (r.requests.carriedForward.commercial ?? 0),
    );
  });

  it("R1 alone: raising 一 and （七） of one column keeps R1 but not R2/R3", () => {
    const r = report(edition, (x) => {
      set(x, req(["received"], "natural"), (x.requests.received.natural ?? 0) + 1);
      set(x, req(["carriedForward"], "natural"), (x.requests.carriedForward.natural ?? 0) + 1);
      set(x, req(["received"], "total"), (x.requests.received.total ?? 0) + 1);
      set(x, req(["carriedForward"], "total"), (x.requests.carriedForward.total ?? 0) + 1);
    });
    expect(checkReport(r).filter((f) => f.severity === "error")).toEqual([]);
    const broken = report(edition, (x) => set(x, req(["carriedForward"], "total"), 99));
    expect(only(checkReport(broken), "requests.balance").map((f) => f.path)).toEqual([
      "/requests/received/total",
    ]);
  });

  it("R2 requests.row-total: 总计 = the six applicant columns", () => {
    const bad = checkReport(report(edition, (r) => set(r, req(["partiallyGranted"], "total"), 40)));
    const f = only(bad, "requests.row-total");
    expect(f).toEqual([
      expect.objectContaining({
        severity: "error",
        path: "/requests/partiallyGranted/total",
        expected: expect.any(Number),
        actual: 40,
      }),
    ]);
    expect(f[0]?.message).toContain("部分公开");
  });

  it("R3 requests.handled-total: （七）总计 = the result rows", () => {
    const r = report(edition, (x) => set(x, req(["handledTotal"], "legal"), 7));
    const f = only(checkReport(r), "requests.handled-total");
    expect(f.map((x) => [x.path, x.severity, x.actual])).toEqual([
      ["/requests/handledTotal/legal", "error", 7],
    ]);
    // the 2021 edition sums the three （六） sub-rows, 2019 its single row
    const sub = edition === "2021" ? ["otherHandling", "unpaidFee"] : ["otherHandling"];
    const r2 = report(edition, (x) => set(x, req(sub, "research"), 2));
    expect(only(checkReport(r2), "requests.handled-total").map((x) => x.path)).toContain(
      "/requests/handledTotal/research",
    );
  });

  it("R4 appeals.group-total: 总计 = 维持 + 纠正 + 其他 + 尚未审结", () => {
    const r = report(edition, (x) =>
      set(x, { table: "appeals", row: ["litigationAfterReview"], column: "other" }, 1),
    );
    const f = checkReport(r);
    expect(f).toEqual([
      expect.objectContaining({
        code: "appeals.group-total",
        severity: "error",
        path: "/appeals/litigationAfterReview/total",
        expected: 1,
        actual: 0,
      }),
    ]);
  });

  it("R5 cell.negative and cell.fraction; 本年增/减 may be negative and money may have decimals", () => {
    const bad = checkReport(
      report(edition, (x) => {
        set(x, { table: "proactive", row: ["penalties"], column: "decisions" }, -3);
        set(x, { table: "proactive", row: ["normativeDocuments"], column: "inForce" }, 2.5);
      }),
    );
    expect(only(bad, "cell.negative").map((f) => [f.path, f.severity])).toEqual([
      ["/proactive/penalties/decisions", "error"],
    ]);
    expect(only(bad, "cell.fraction").map((f) => [f.path, f.severity])).toEqual([
      ["/proactive/normativeDocuments/inForce", "error"],
    ]);
    const money = edition === "2019" ? ["procurement"] : ["fees"];
    const ok = checkReport(
      report(edition, (x) => {
        set(x, { table: "proactive", row: money, column: "amountWan" }, 12.3456);
        if (edition === "2019") set(x, { table: "proactive", row: ["licensing"], column: "change" }, -4);
      }),
    );
    expect(ok).toEqual([]);
    const fracChange = report(edition, (x) =>
      set(x, { table: "appeals", row: ["review"], column: "pending" }, 0.5),
    );
    expect(codes(checkReport(fracChange))).toContain("cell.fraction");
  });

  it("a blank total that a rule needs is a warning, never taken as 0; a blank part counts as 0", () => {
    // （七）总计/总计 is the total of R1 (总计 column), R2 (its row) and R3 (总计 column): one warning, no error
    const missing = checkReport(report(edition, (x) => set(x, req(["handledTotal"], "total"), null)));
    expect(missing.filter((f) => f.severity === "error")).toEqual([]);
    expect(only(missing, "cell.total-missing").map((f) => [f.path, f.severity])).toEqual([
      ["/requests/handledTotal/total", "warning"],
    ]);
    // a blank part (its value was 0) keeps the sums right: only the blank-cell warning
    const part = checkReport(report(edition, (x) => set(x, req(["granted"], "research"), null)));
    expect(codes(part)).toEqual(["cell.blank"]);
    expect(part[0]?.path).toBe("/requests/granted");
    // a blank part whose value was not 0 breaks its sums
    const nonzero = checkReport(report(edition, (x) => set(x, req(["granted"], "natural"), null)));
    expect(codes(nonzero)).toEqual(expect.arrayContaining(["requests.row-total", "requests.handled-total"]));
    const appeal = checkReport(
      report(edition, (x) => set(x, { table: "appeals", row: ["review"], column: "total" }, null)),
    );
    expect(only(appeal, "cell.total-missing").map((f) => f.path)).toEqual(["/appeals/review/total"]);
  });

  it("R3 in the 总计 column: a blank row total beside numbers in its row is missing, not 0", () => {
    const r = report(edition);
    const granted = req(["granted"], "total");
    const blankTotal = checkReport(report(edition, (x) => set(x, granted, null)));
    expect(blankTotal.filter((f) => f.severity === "error")).toEqual([]);
    expect(only(blankTotal, "cell.total-missing").map((f) => f.path)).toContain("/requests/granted/total");
    // a whole blank row is 0: the 总计 column is still checked, and fails when the row held cases
    const wasZero = Object.values(r.requests.granted).every((v) => v === 0);
    const blankRow = checkReport(
      report(edition, (x) => {
        for (const c of ["natural", "commercial", "research", "nonprofit", "legal", "otherOrg", "total"])
          set(x, req(["granted"], c), null);
      }),
    );
    expect(blankRow.some((f) => f.code === "requests.handled-total" && f.path.endsWith("/total"))).toBe(
      !wasZero,
    );
  });

  it("money.plausibility: a 万元 amount that only makes sense in 元", () => {
    const row = edition === "2019" ? ["procurement"] : ["fees"];
    const bad = checkReport(
      report(edition, (x) => set(x, { table: "proactive", row, column: "amountWan" }, 500000)),
    );
    expect(only(bad, "money.plausibility")).toEqual([
      expect.objectContaining({
        severity: "warning",
        path: cellPointer({ table: "proactive", row, column: "amountWan" }),
        expected: 50,
        actual: 500000,
      }),
    ]);
    const ok = checkReport(
      report(edition, (x) => set(x, { table: "proactive", row, column: "amountWan" }, 980.5)),
    );
    expect(ok).toEqual([]);
  });

  it("money.decimals: more than 4 decimals", () => {
    const row = edition === "2019" ? ["procurement"] : ["fees"];
    const bad = checkReport(
      report(edition, (x) => set(x, { table: "proactive", row, column: "amountWan" }, 1.23456)),
    );
    expect(codes(bad)).toEqual(["money.decimals"]);
  });

  it("edition.mix: year and edition must agree (2019 edition covers 2019 and 2020)", () => {
    const bad = checkReport(
      report(edition, (x) => {
        x.year = edition === "2019" ? 2021 : 2020;
      }),
    );
    expect(only(bad, "edition.mix").map((f) => [f.path, f.severity])).toEqual([["/edition", "warning"]]);
    const ok = checkReport(
      report(edition, (x) => {
        x.year = edition === "2019" ? 2019 : 2025;
      }),
    );
    expect(only(ok, "edition.mix")).toEqual([]);
  });

  it("regulations.local-body: 规章 above 0 for a county or district body", () => {
    const col = edition === "2019" ? "published" : "inForce";
    const local = report(edition, (x) => {
      x.organ = "秀洲区经济信息商务局";
      set(x, { table: "proactive", row: ["regulations"], column: col }, 10);
    });
    expect(only(checkReport(local), "regulations.local-body")).toEqual([
      expect.objectContaining({ severity: "warning", path: `/proactive/regulations/${col}`, actual: 10 }),
    ]);
    const city = report(edition, (x) => {
      x.organ = "杭州市人民政府";
      set(x, { table: "proactive", row: ["regulations"], column: col }, 10);
    });
    expect(checkReport(city)).toEqual([]);
  });

  it("sections: missing, extra, count and order", () => {
    const r = report(edition, (x) => {
      x.sections = x.sections.filter((s) => s.role !== "problems");
      x.sections.push({ role: "extra", heading: "七、平台建设方面", blocks: [] });
      const [a, b] = [
        x.sections.findIndex((s) => s.role === "proactive"),
        x.sections.findIndex((s) => s.role === "requests"),
      ];
      [x.sections[a], x.sections[b]] = [x.sections[b] as never, x.sections[a] as never];
    });
    const f = checkReport(r);
    expect(codes(f).sort()).toEqual(["sections.extra", "sections.missing", "sections.order"]);
    expect(only(f, "sections.missing")[0]?.message).toContain("存在的主要问题");
    const eight = report(edition, (x) => {
      x.sections.push(
        { role: "extra", heading: "七、平台建设方面", blocks: [] },
        { role: "extra", heading: "八、监督保障", blocks: [] },
      );
    });
    expect(only(checkReport(eight), "sections.count")).toEqual([
      expect.objectContaining({ severity: "warning", expected: 6, actual: 8 }),
    ]);
    expect(
      codes(
        checkReport(
          report(edition, (x) => {
            x.sections = [];
          }),
        ),
      ),
    ).toEqual(["sections.empty"]);
  });

  it("prose.mismatch: figures in the overview against table 三", () => {
    const text = (x: Report) => x.sections.find((s) => s.role === "overview")?.blocks[0] as { text: string };
    const r = report(edition, (x) => {
      const b = text(x);
      b.text = b.text
        .replace(/收到政府信息公开申请\d+件/, "收到政府信息公开申请99件")
        .replace(/办结\d+件/, "办结０件");
    });
    const f = only(checkReport(r), "prose.mismatch");
    const overview = r.sections.findIndex((s) => s.role === "overview");
    expect(f.map((x) => [x.path, x.actual])).toEqual([
      [`/sections/${overview}/blocks/0`, 99],
      [`/sections/${overview}/blocks/0`, 0],
    ]);
    expect(f[0]?.expected).toBe(r.requests.received.total);
    const carried = report(edition, (x) => {
      text(x).text =
        `上年结转${(x.requests.carriedOver.total ?? 0) + 1}件，结转下年度继续办理${x.requests.carriedForward.total}件。`;
    });
    expect(only(checkReport(carried), "prose.mismatch").map((x) => x.expected)).toEqual([
      carried.requests.carriedOver.total,
    ]);
    // 结转/顺延 to next year, in the wordings reports use: each against table 三's 四、结转 总计.
    for (const phrase of [
      "结转下年度办理{n}件",
      "顺延至下一年度办理{n}件",
      "转下一年度办理答复的有 {n} 件",
    ]) {
      const forward = report(edition, (x) => {
        x.requests.carriedForward.total = 2;
        text(x).text = `本年度${phrase.replace("{n}", "1")}。`;
      });
      expect(only(checkReport(forward), "prose.mismatch").map((x) => [x.expected, x.actual])).toEqual([
        [2, 1],
      ]);
      const agrees = report(edition, (x) => {
        x.requests.carriedForward.total = 2;
        text(x).text = `本年度${phrase.replace("{n}", "2")}。`;
      });
      expect(only(checkReport(agrees), "prose.mismatch")).toEqual([]);
    }
  });
});

describe("cross-year", () => {
  const previous = normalizeReport(structuredClone(prev2021)).report;

  it("carriedOver equals last year's carriedForward per column", () => {
    expect(checkReport(report("2021"), { previous })).toEqual([]);
    const r = report("2021", (x) => set(x, req(["carriedOver"], "natural"), 3));
    const f = only(checkReport(r, { previous }), "cross-year.carried-over");
    expect(f).toEqual([
      expect.objectContaining({
        severity: "warning",
        path: "/requests/carriedOver/natural",
        expected: 2,
        actual: 3,
      }),
    ]);
  });

  it("warns when the previous report is not for the year before, or names another organ", () => {
    const f = checkReport(report("2021"), { previous: { ...previous, year: 2019, organ: "别的局" } });
    expect(codes(f).sort()).toEqual(["cross-year.organ", "cross-year.year"]);
  });

  it("2019 edition: a 2020 report against its 2019 predecessor", () => {
    const last = report("2019", (x) => {
      x.year = 2019;
    });
    expect(checkReport(report("2019"), { previous: last })).toEqual([]);
    const r = report("2019", (x) => set(x, req(["carriedOver"], "total"), 2));
    expect(only(checkReport(r, { previous: last }), "cross-year.carried-over")).toEqual([
      expect.objectContaining({ path: "/requests/carriedOver/total", expected: 1, actual: 2 }),
    ]);
  });

  it("works across editions (2020 report in the 2019 format, then 2021)", () => {
    const last = report("2019", (x) => {
      x.year = 2021 - 1;
    });
    const now = report("2021", (x) => {
      x.year = 2021;
      for (const c of ["natural", "commercial", "research", "nonprofit", "legal", "otherOrg", "total"]) {
        set(x, req(["carriedOver"], c), last.requests.carriedForward[c as "total"]);
      }
    });
    expect(only(checkReport(now, { previous: last }), "cross-year.carried-over")).toEqual([]);
  });
});

describe("sum helpers for partial tables", () => {
  it("evaluates equations on partial tables: blank, missing, ok, violated", () => {
    const r1 = equations("2021").find((e) => e.rule === "R1" && e.path === "/requests/received/natural");
    if (!r1) throw new Error("no R1 equation");
    expect(evaluate(r1, {})).toEqual({ status: "blank" });
    expect(evaluate(r1, { requests: { received: { natural: 2 } } }).status).toBe("missing");
    expect(
      evaluate(r1, { requests: { received: { natural: 2 }, handledTotal: { natural: 2 } } }).status,
    ).toBe("ok");
    expect(evaluate(r1, { requests: { received: { natural: 2 }, handledTotal: { natural: 1 } } })).toEqual({
      status: "violated",
      left: 2,
      right: 1,
    });
  });

  it("lists R1–R4 for both editions (7 + rows + 7 + 3)", () => {
    expect(equations("2019")).toHaveLength(7 + 23 + 7 + 3);
    expect(equations("2021")).toHaveLength(7 + 25 + 7 + 3);
    expect(ruleViolations("2021", report("2021"))).toEqual([]);
    const broken = report("2021", (x) => set(x, req(["granted"], "total"), 0));
    expect(
      ruleViolations("2021", broken)
        .map((v) => v.equation.rule)
        .sort(),
    ).toEqual(["R2", "R3"]);
  });

  it("recognizes county-level and district bodies", () => {
    expect(isCountyOrDistrict("秀洲区经济信息商务局")).toBe(true);
    expect(isCountyOrDistrict("某县人民政府")).toBe(true);
    expect(isCountyOrDistrict("广西壮族自治区商务厅")).toBe(false);
    expect(isCountyOrDistrict("杭州市商务局")).toBe(false);
  });
});
