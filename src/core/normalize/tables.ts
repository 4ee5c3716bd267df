// The three tables as given: every cell of the edition read, other-edition rows folded or flagged, unknown keys reported.
import { type CellRef, cellRefs, emptyTables, setCell } from "../cells.ts";
import { finding } from "../finding.ts";
import { APPLICANT_COLUMNS } from "../labels.ts";
import type { Edition } from "../model.ts";
import { pointer } from "../pointer.ts";
import { cellKind, readRawCell } from "./cell.ts";
import { type Ctx, isRecord, overListed, own, ownPath } from "./context.ts";

const TABLES = ["proactive", "requests", "appeals"] as const;

/** The tree of known keys of an edition's tables: nested objects, leaves are `true`. */
type KeyTree = Map<string, KeyTree | true>;

function keyTree(edition: Edition): KeyTree {
  const root: KeyTree = new Map();
  for (const ref of cellRefs(edition)) {
    let node = root;
    for (const k of [ref.table, ...ref.row]) {
      let next = node.get(k);
      if (!(next instanceof Map)) {
        next = new Map();
        node.set(k, next);
      }
      node = next;
    }
    node.set(ref.column, true);
  }
  return root;
}

const TREES: Record<Edition, KeyTree> = { "2019": keyTree("2019"), "2021": keyTree("2021") };

function inTree(tree: KeyTree, keys: readonly string[]): boolean {
  let node: KeyTree | true | undefined = tree;
  for (const k of keys) {
    if (!(node instanceof Map)) return false;
    node = node.get(k);
    if (node === undefined) return false;
  }
  return true;
}

/** Unknown keys under the tables: other-edition keys are edition.mix, the rest normalize.unknown-field. */
function scanUnknown(
  node: Record<string, unknown>,
  segs: string[],
  edition: Edition,
  skip: (segs: string[]) => boolean,
  ctx: Ctx,
): void {
  const other: Edition = edition === "2021" ? "2019" : "2021";
  for (const key of Object.keys(node)) {
    const at = [...segs, key];
    if (skip(at)) continue;
    const value = node[key];
    if (inTree(TREES[edition], at)) {
      if (isRecord(value)) scanUnknown(value, at, edition, skip, ctx);
      continue;
    }
    if (value === undefined || value === null || overListed(ctx)) continue;
    const shown = typeof value === "object" ? "" : `（值「${String(value)}」未采用）`;
    if (inTree(TREES[other], at)) {
      ctx.findings.push(
        finding(
          "edition.mix",
          pointer(...at),
          `「${at.join(".")}」属于${other}版表格，本报告按${edition}版格式，该项已忽略${shown}`,
        ),
      );
    } else {
      ctx.findings.push(
        finding("normalize.unknown-field", pointer(...at), `未知字段「${at.join(".")}」已忽略${shown}`),
      );
    }
  }
}

function checkContainers(input: Record<string, unknown>, ctx: Ctx): void {
  const seen = new Set<string>();
  for (const edition of ["2019", "2021"] as const) {
    for (const ref of cellRefs(edition)) {
      const keys = [ref.table, ...ref.row];
      for (let n = 1; n <= keys.length; n++) {
        const part = keys.slice(0, n);
        const id = part.join("/");
        if (seen.has(id)) continue;
        seen.add(id);
        const v = ownPath(input, part);
        if (v !== undefined && v !== null && !isRecord(v))
          ctx.issues.push({ path: part, message: "应为对象" });
      }
    }
  }
}

export function readTables(input: Record<string, unknown>, edition: Edition, ctx: Ctx) {
  checkContainers(input, ctx);
  const tables = emptyTables(edition);
  const out = tables as unknown as Record<string, unknown>;
  for (const ref of cellRefs(edition)) {
    const keys = [ref.table, ...ref.row, ref.column];
    setCell(out, ref, readRawCell(ownPath(input, keys), cellKind(ref.column), keys, ctx));
  }
  const handled = new Set<string>();
  const otherRaw = ownPath(input, ["requests", "otherHandling"]);
  if (isRecord(otherRaw)) {
    const path = "/requests/otherHandling";
    if (edition === "2021" && APPLICANT_COLUMNS.some((c) => Object.hasOwn(otherRaw, c.key))) {
      // A single 2019 （六）其他处理 row in a 2021 report: its numbers go to 3.其他 unless that row is given too.
      const hasOther = Object.hasOwn(otherRaw, "other");
      for (const col of APPLICANT_COLUMNS) {
        handled.add(`requests/otherHandling/${col.key}`);
        if (hasOther) continue;
        const keys = ["requests", "otherHandling", col.key];
        const ref: CellRef = { table: "requests", row: ["otherHandling", "other"], column: col.key };
        setCell(out, ref, readRawCell(own(otherRaw, col.key), "count", keys, ctx));
      }
      ctx.findings.push(
        finding(
          "edition.mix",
          path,
          hasOther
            ? "（六）其他处理按2019版写成一行，与2021版的三个分项并存；单行数字已忽略，请按2021版填写"
            : "（六）其他处理按2019版写成一行；2021版分为三项，单行数字已计入「3.其他」，请核对",
        ),
      );
    }
    if (
      edition === "2019" &&
      ["noCorrection", "unpaidFee", "other"].some((k) => Object.hasOwn(otherRaw, k))
    ) {
      // 2021's three （六） sub-rows in a 2019 report: summed into the one row (a blank sub-row counts as 0).
      const hasFlat = APPLICANT_COLUMNS.some((c) => Object.hasOwn(otherRaw, c.key));
      for (const sub of ["noCorrection", "unpaidFee", "other"]) handled.add(`requests/otherHandling/${sub}`);
      if (!hasFlat) {
        for (const col of APPLICANT_COLUMNS) {
          let sum: number | null = null;
          for (const sub of ["noCorrection", "unpaidFee", "other"]) {
            const keys = ["requests", "otherHandling", sub, col.key];
            const v = readRawCell(ownPath(input, keys), "count", keys, ctx);
            if (v !== null) sum = (sum ?? 0) + v;
          }
          setCell(out, { table: "requests", row: ["otherHandling"], column: col.key }, sum);
        }
      }
      ctx.findings.push(
        finding(
          "edition.mix",
          path,
          hasFlat
            ? "（六）其他处理同时有2019版单行与2021版三个分项；已按2019版单行读取，分项已忽略"
            : "（六）其他处理按2021版分为三项；本报告为2019版格式，已合并为一行，请核对",
        ),
      );
    }
  }
  for (const table of TABLES) {
    const node = own(input, table);
    if (isRecord(node)) scanUnknown(node, [table], edition, (segs) => handled.has(segs.join("/")), ctx);
  }
  return tables;
}
