// Table 三 in pdftotext's default reading order: labels apart from their values, rows of several lines in column-major bands.
import { requestRows } from "../labels.ts";
import type { Edition } from "../model.ts";
import type { Slot } from "./slot.ts";
import type { CellSource } from "./sources.ts";
import { columnsHold, resultRows, rowsHold } from "./tables/request-sums.ts";
import type { Token } from "./tokens.ts";

const WIDTH = 7;
const PLAIN = /^[0-9]{1,9}$/;
interface Value {
  n: number;
  src?: CellSource;
}

/** A reading of the whole table in the official row order, confirmed by every sum of the table. */
export interface OrderReading {
  /** Row key (dot-joined) → its seven values. */
  rows: Map<string, Slot[]>;
  srcs: Map<string, (CellSource | undefined)[]>;
  /** A 2021 table written with the single 2019 「（六）其他处理」 row (its values read as 「3.其他」). */
  singleOther: boolean;
  /** Column-major bands read (k values of one column, then the next column's k). */
  bands: number;
  values: number;
}

/**
 * The table's values in the order they are written, each band of seven blocks of k ≥ 2 lines (a block: lines holding
 * one value each, blocks apart by blank lines) read column by column — pdftotext writes several rows that way.
 * `sevens`: whether seven blocks of seven are such a band too (they may as well be seven rows). Undefined when the
 * table holds a value that is not a plain count or a blank cell (no reading by count then).
 */
function valuesInOrder(
  tokens: readonly Token[],
  sevens: boolean,
): { values: Value[]; bands: number } | undefined {
  const values: Value[] = [];
  let bands = 0;
  let blocks: Value[][] = [];
  let block: Value[] = [];
  let line: Token[] = [];
  const endBlock = () => {
    if (block.length > 0) blocks.push(block);
    block = [];
  };
  const endRun = () => {
    endBlock();
    let j = 0;
    while (j < blocks.length) {
      const k = blocks[j]?.length ?? 0;
      let band = k >= 2 && (k !== WIDTH || sevens) && j + WIDTH <= blocks.length;
      for (let c = 1; band && c < WIDTH; c++) if (blocks[j + c]?.length !== k) band = false;
      if (band) {
        for (let i = 0; i < k; i++) for (let c = 0; c < WIDTH; c++) values.push(blocks[j + c]?.[i] as Value);
        bands++;
        j += WIDTH;
      } else {
        for (const v of blocks[j] ?? []) values.push(v);
        j++;
      }
    }
    blocks = [];
  };
  const endLine = (): boolean => {
    const toks = line;
    line = [];
    if (toks.length === 0) {
      endBlock(); // a blank line: the next block begins
      return true;
    }
    if (toks.some((t) => t.kind === "empty")) return false;
    const vals = toks.filter((t) => t.kind === "value");
    for (const t of vals) if (!PLAIN.test(t.raw)) return false;
    const read = vals.map((t): Value => (t.src ? { n: Number(t.raw), src: t.src } : { n: Number(t.raw) }));
    if (vals.length !== toks.length || vals.length !== 1) {
      endRun(); // text, or several values on one line: no band runs across it
      for (const v of read) values.push(v);
      return true;
    }
    block.push(read[0] as Value);
    return true;
  };
  for (const t of tokens) {
    if (t.kind !== "break") line.push(t);
    else if (!endLine()) return undefined;
  }
  if (!endLine()) return undefined;
  endRun();
  return { values, bands };
}

/**
 * Reads table 三 from all its values in the order written, row after row in the official order — the reading of a PDF
 * text whose labels stand apart from their values. Only when the values are exactly the table's cells (every row
 * of the edition, or a 2021 table with the single 「（六）其他处理」 row) and every row total (R2) and every column's
 * R1 and R3 hold; a band of seven by seven read both ways must agree. Otherwise undefined: the reading is no more
 * than a guess, and the table is read as before (with its doubts).
 */
export function readInRowOrder(tokens: readonly Token[], edition: Edition): OrderReading | undefined {
  const rowSets: { keys: string[]; singleOther: boolean }[] = [
    { keys: requestRows(edition).map((d) => d.path.join(".")), singleOther: false },
  ];
  // The single 2019 row only when the text names none of the 2021 rows of （六） (whose blank cells it drops).
  const names2021Other = tokens.some((t) => t.kind === "text" && /逾期/.test(t.text));
  if (edition === "2021" && !names2021Other)
    rowSets.push({
      keys: requestRows("2019").map((d) =>
        d.path.join(".") === "otherHandling" ? "otherHandling.other" : d.path.join("."),
      ),
      singleOther: true,
    });
  let found: { reading: OrderReading; numbers: string } | undefined;
  for (const sevens of [false, true]) {
    const read = valuesInOrder(tokens, sevens);
    if (!read) return undefined;
    const set = rowSets.find((s) => s.keys.length * WIDTH === read.values.length);
    if (!set) continue;
    const grid = set.keys.map((_, r) => read.values.slice(r * WIDTH, r * WIDTH + WIDTH).map((v) => v.n));
    const byKey = new Map(set.keys.map((k, r) => [k, grid[r] as number[]]));
    if (!rowsHold(byKey, set.keys) || !columnsHold(byKey, resultRows(set.keys))) continue;
    const numbers = grid.map((r) => r.join(",")).join(";");
    if (found && found.numbers !== numbers) return undefined; // two readings keep every sum: neither is sure
    if (found) continue;
    const rows = new Map<string, Slot[]>();
    const srcs = new Map<string, (CellSource | undefined)[]>();
    set.keys.forEach((k, r) => {
      rows.set(k, grid[r] as number[]);
      srcs.set(
        k,
        read.values.slice(r * WIDTH, r * WIDTH + WIDTH).map((v) => v.src),
      );
    });
    if (set.singleOther)
      for (const k of ["otherHandling.noCorrection", "otherHandling.unpaidFee"]) {
        rows.set(k, new Array<Slot>(WIDTH).fill(null));
        srcs.set(k, new Array<undefined>(WIDTH).fill(undefined));
      }
    found = {
      reading: { rows, srcs, singleOther: set.singleOther, bands: read.bands, values: read.values.length },
      numbers,
    };
  }
  return found?.reading;
}
