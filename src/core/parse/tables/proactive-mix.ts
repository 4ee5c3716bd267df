// A 2021 report whose table 二 is written in the 2019 columns: read in those columns, then mapped cell by cell to the 2021 ones.
import { finding } from "../../finding.ts";
import { proactiveBlocks } from "../../labels.ts";
import type { Finding } from "../../model.ts";
import { pointer } from "../../pointer.ts";
import type { Slot } from "../slot.ts";
import type { CellSource } from "../sources.ts";

export type ProactiveRows = Map<
  string,
  { columns: string[]; values: Slot[]; srcs: (CellSource | undefined)[] }
>;

/** 2021 cell ← the 2019 cell that means the same (undefined: the 2019 table has no such column). */
const FROM_2019: Record<string, Record<string, string | undefined>> = {
  regulations: { issued: "made", repealed: undefined, inForce: "inForce" },
  normativeDocuments: { issued: "made", repealed: undefined, inForce: "inForce" },
  licensing: { decisions: "decisions" },
  penalties: { decisions: "decisions" },
  coercion: { decisions: "decisions" },
  fees: { amountWan: undefined },
};

/**
 * 2021 cell ← the 2019 cell printed in its place in a block of the same shape (第二十条第（一）项: three columns in
 * both forms), whose header means something else: 本年新公开数量 where the 2021 form has 本年废止件数. An agency
 * that kept the old header may have written either figure there, so the value is read as a doubt.
 */
const IN_PLACE_2019: Record<string, Record<string, string>> = {
  regulations: { repealed: "published" },
  normativeDocuments: { repealed: "published" },
};

/**
 * Maps table 二 read in the 2019 columns to the 2021 model: 本年新制作 → 本年制发, 对外公开总数量 → 现行有效,
 * 处理决定数量 → 本年处理决定数量; 本年废止 takes the value printed in its place (本年新公开) as a doubt,
 * parse.column-by-position. Cells the 2019 columns do not print (本年收费金额, 本年废止 left blank) stay blank with a
 * parse.cell-missing warning; the 2019-only cells (上一年项目数量, 本年增/减, 采购) are named in an edition.mix warning.
 */
export function proactive2019As2021(rows2019: ProactiveRows, findings: Finding[]): ProactiveRows {
  const out: ProactiveRows = new Map();
  for (const block of proactiveBlocks("2021")) {
    const columns = block.columns.map((c) => c.key);
    for (const r of block.rows) {
      const old = rows2019.get(r.key);
      const values: Slot[] = [];
      const srcs: (CellSource | undefined)[] = [];
      columns.forEach((col, i) => {
        const from = FROM_2019[r.key]?.[col];
        const at = from && old ? old.columns.indexOf(from) : -1;
        if (old && at >= 0) {
          values.push(old.values[at] ?? null);
          srcs.push(old.srcs[at]);
          return;
        }
        const inPlace = IN_PLACE_2019[r.key]?.[col];
        const placed = inPlace && old ? old.columns.indexOf(inPlace) : -1;
        const value = old && placed >= 0 ? old.values[placed] : undefined;
        if (old && value !== undefined && value !== null) {
          values.push(value);
          srcs.push(old.srcs[placed]);
          findings.push(
            finding(
              "parse.column-by-position",
              pointer("proactive", r.key, col),
              `表二按2019版栏目书写，「${block.columns[i]?.label}」的位置上写的是「本年新公开数量」，已按位置读作 ${value}，请核对`,
            ),
          );
          return;
        }
        values.push(null);
        srcs.push(undefined);
        if (old)
          findings.push(
            finding(
              "parse.cell-missing",
              pointer("proactive", r.key, col),
              `表二按2019版栏目书写，没有「${block.columns[i]?.label}」一栏，已置空，请核对`,
            ),
          );
      });
      out.set(r.key, { columns, values, srcs });
    }
  }
  findings.push(
    finding(
      "edition.mix",
      pointer("proactive"),
      "表二按2019版的栏目书写（本年新制作数量、上一年项目数量、本年增/减等），已按栏目含义读入2021版：本年新制作数量读作本年制发件数，对外公开总数量读作现行有效件数，处理决定数量读作本年处理决定数量，本年新公开数量所在位置按位置读作本年废止件数（存疑）；2019版独有的栏目（上一年项目数量、本年增/减、其他对外管理服务事项、政府集中采购）未读入，请核对",
    ),
  );
  return out;
}

/**
 * A finding of the 2019 reading, as the 2021 model sees it: none for the rows it has no place for (其他对外管理服务事项,
 * 政府集中采购); the alternatives of an ambiguous split named by 2021 columns.
 */
export function finding2019As2021(f: Finding): Finding | undefined {
  const row = /^\/proactive\/([^/]+)/.exec(f.path)?.[1];
  if (row === "otherServices" || row === "procurement") return undefined;
  const map = row ? FROM_2019[row] : undefined;
  if (!map || !Array.isArray(f.alternatives)) return f;
  const alternatives = (f.alternatives as Record<string, unknown>[]).map((alt) =>
    Object.fromEntries(
      Object.entries(map).map(([col2021, col2019]) => [col2021, col2019 ? (alt[col2019] ?? null) : null]),
    ),
  );
  return { ...f, alternatives };
}

/**
 * The rows read in the 2019 columns fill them: every 许可/处罚/强制 row written with a value has its 处理决定数量
 * (the last column) read. A row with its one number in the first column and blanks after it is a 2021 row under a
 * copied 2019 header.
 */
export function rowsFill2019(rows2019: ProactiveRows): boolean {
  let rows = 0;
  for (const key of ["licensing", "penalties", "coercion"]) {
    const row = rows2019.get(key);
    if (!row || row.values.every((v) => v === null || v === undefined)) continue;
    rows++;
    const last = row.values[row.values.length - 1];
    if (last === null || last === undefined) return false;
  }
  return rows > 0;
}
