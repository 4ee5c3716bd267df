// Test helpers: fast-check arbitraries for model reports of both editions whose tables satisfy R1–R4.
import fc from "fast-check";
import { cellRefs, emptyTables, setCell } from "../../src/core/cells.ts";
import { APPLICANT_COLUMNS, requestRows, SECTION_HEADINGS } from "../../src/core/labels.ts";
import type { Edition, Report } from "../../src/core/model.ts";

const ORGANS = [
  "永康市商务局",
  "金水区商务局",
  "杭州市西湖区人民政府",
  "宁波市自然资源和规划局",
  "海淀区教育委员会",
];

export interface ReportOptions {
  /** Allow blank (null) part cells; totals stay filled. */
  blanks?: boolean;
  /** Allow decimals in money cells. */
  decimals?: boolean;
  /** Upper bound of request counts per cell. */
  maxCount?: number;
}

/** A consistent report: table 三 satisfies R1–R3, table 四 R4; other cells free. */
export function reportArb(opts: ReportOptions = {}): fc.Arbitrary<Report> {
  const max = opts.maxCount ?? 30;
  return fc
    .record({
      edition: fc.constantFrom<Edition>("2019", "2021"),
      organ: fc.constantFrom(...ORGANS),
      yearOffset: fc.integer({ min: 0, max: 3 }),
      seed: fc.array(fc.integer({ min: 0, max: max }), { minLength: 400, maxLength: 400 }),
      blanks: fc.array(fc.boolean(), { minLength: 400, maxLength: 400 }),
      signed: fc.boolean(),
    })
    .map(({ edition, organ, yearOffset, seed, blanks, signed }) => {
      let i = 0;
      const next = (m = max) => (seed[i++ % seed.length] ?? 0) % (m + 1);
      const blank = () => opts.blanks === true && (blanks[i % blanks.length] ?? false) && next(3) === 0;
      const year = edition === "2021" ? 2021 + yearOffset : 2019 + (yearOffset % 2);
      const tables = emptyTables(edition) as unknown as Record<string, unknown>;
      for (const ref of cellRefs(edition)) {
        if (ref.table !== "proactive") continue;
        let v: number | null = next(ref.column === "decisions" ? 3000 : 60);
        if (ref.column === "change" && signed && v % 2 === 1) v = -v;
        // Cents as written (「2.28」), not a float sum's 17 digits (「2.2800000000000002」), which no report prints.
        if (ref.column === "amountWan" && opts.decimals) v = (v * 100 + next(99)) / 100;
        if (blank()) v = null;
        setCell(tables, ref, v);
      }
      // Table 三: applicant parts, then totals, then R1 balances via carriedForward.
      const rows = requestRows(edition);
      const isResult = (p: readonly string[]) =>
        !["received", "carriedOver", "handledTotal", "carriedForward"].includes(p[0] as string);
      const handled = new Array(6).fill(0);
      for (const def of rows) {
        if (!isResult(def.path)) continue;
        let sum = 0;
        APPLICANT_COLUMNS.slice(0, 6).forEach((c, j) => {
          const zero = next(3) !== 0;
          let v: number | null = zero ? 0 : next(Math.max(1, Math.floor(max / 4)));
          if (v === 0 && blank()) v = null;
          setCell(tables, { table: "requests", row: def.path, column: c.key }, v);
          sum += v ?? 0;
          handled[j] += v ?? 0;
        });
        setCell(tables, { table: "requests", row: def.path, column: "total" }, sum);
      }
      const put = (key: string, vals: number[]) => {
        APPLICANT_COLUMNS.slice(0, 6).forEach((c, j) => {
          setCell(tables, { table: "requests", row: [key], column: c.key }, vals[j] ?? 0);
        });
        setCell(
          tables,
          { table: "requests", row: [key], column: "total" },
          vals.reduce((a, b) => a + b, 0),
        );
      };
      const carriedOver = handled.map(() => next(2));
      const carriedForward = handled.map(() => next(2));
      const received = handled.map((h, j) => h + (carriedForward[j] ?? 0));
      const over = carriedOver.map((c, j) => Math.min(c, received[j] ?? 0));
      put(
        "received",
        received.map((r, j) => r - (over[j] ?? 0)),
      );
      put("carriedOver", over);
      put("handledTotal", handled);
      put("carriedForward", carriedForward);
      for (const g of ["review", "litigationDirect", "litigationAfterReview"]) {
        const parts = [next(5), next(5), next(5), next(5)];
        ["upheld", "corrected", "other", "pending"].forEach((c, j) => {
          setCell(tables, { table: "appeals", row: [g], column: c }, parts[j] ?? 0);
        });
        setCell(
          tables,
          { table: "appeals", row: [g], column: "total" },
          parts.reduce((a, b) => a + b, 0),
        );
      }
      const sections = (Object.keys(SECTION_HEADINGS) as (keyof typeof SECTION_HEADINGS)[]).map((role) => ({
        role,
        heading: SECTION_HEADINGS[role],
        blocks:
          role === "proactive" || role === "requests" || role === "appeals"
            ? []
            : [
                { type: "heading" as const, text: "（一）加强组织领导" },
                {
                  type: "paragraph" as const,
                  text: `${year}年，${organ}认真贯彻落实《条例》，扎实推进政务公开工作。`,
                },
              ],
      }));
      return {
        edition,
        organ,
        year,
        title: `${organ}${year}年度政府信息公开工作年度报告`,
        issuedOn: `${year + 1}-01-${String(10 + next(18)).padStart(2, "0")}`,
        sections,
        ...tables,
      } as unknown as Report;
    });
}
