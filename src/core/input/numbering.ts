// Word's automatic numbering (numbering.xml, and styles.xml for headings numbered by their style): the 「一、」「（一）」 Word draws before a list paragraph, as text.

/** The parts of domhandler's nodes read here (the same shape docx.ts walks). */
export interface XmlNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

interface Level {
  start: number;
  format: string;
  /** w:lvlText, with %1…%9 standing for the counters of levels 0…8. */
  text: string;
  /** What follows the number: a tab (default) or a space, or nothing. */
  suffix: string;
  /** w:isLgl: every level's counter written in Arabic digits. */
  legal: boolean;
  /** The paragraph style this level is linked to (headings numbered by their style). */
  style?: string;
}

interface Instance {
  abstract: string;
  /** Levels restarted the first time this instance is used (w:startOverride), and levels it redefines. */
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

interface StyleNumbering {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

const kids = (n: XmlNode) => n.children ?? [];
const isEl = (n: XmlNode, name: string) => n.type === "tag" && n.name === name;
const child = (n: XmlNode | undefined, name: string) => (n ? kids(n).find((c) => isEl(c, name)) : undefined);
const val = (n: XmlNode | undefined) => n?.attribs?.["w:val"];
const int = (s: string | undefined, fallback: number) => {
  const n = Number(s);
  return Number.isInteger(n) ? n : fallback;
};

const DIGITS = "〇一二三四五六七八九";

/** 1 一, 10 十, 11 十一, 20 二十, 105 一百〇五 (Word's chineseCounting; 零 for chineseCountingThousand). */
export function chineseCounting(n: number, zero = "〇"): string {
  if (n <= 0 || n > 9999) return String(n);
  const units = ["", "十", "百", "千"];
  const digits = String(n).split("").map(Number);
  let out = "";
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] ?? "";
    if (d === 0) {
      pendingZero = out !== "";
      return;
    }
    if (pendingZero) out += zero;
    pendingZero = false;
    // 十一, not 一十一, when ten is the highest place.
    out += (d === 1 && unit === "十" && out === "" ? "" : DIGITS[d]) + unit;
  });
  return out;
}

const letters = (n: number, a: number) =>
  n <= 0 ? String(n) : String.fromCharCode(a + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

const enclosed = (n: number, first: number, count: number) =>
  n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);

/** A counter in a w:numFmt. Formats not listed here are written in Arabic digits. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "japaneseCounting":
    case "taiwaneseCounting":
      return chineseCounting(n);
    case "chineseCountingThousand":
    case "taiwaneseCountingThousand":
    case "japaneseDigitalTenThousand":
      return chineseCounting(n, "零");
    case "ideographDigital":
    case "taiwaneseDigital":
      return String(n)
        .split("")
        .map((d) => DIGITS[Number(d)] ?? d)
        .join("");
    case "chineseLegalSimplified":
      return chineseCounting(n, "零").replace(
        /[一二三四五六七八九十百千]/g,
        (c) => "壹贰叁肆伍陆柒捌玖拾佰仟"["一二三四五六七八九十百千".indexOf(c)] ?? c,
      );
    case "ideographTraditional":
      return n >= 1 && n <= 10 ? ("甲乙丙丁戊己庚辛壬癸"[n - 1] ?? "") : String(n);
    case "ideographZodiac":
      return n >= 1 && n <= 12 ? ("子丑寅卯辰巳午未申酉戌亥"[n - 1] ?? "") : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalZero":
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return enclosed(n, 0x2460, 20);
    case "decimalEnclosedParen":
      return enclosed(n, 0x2474, 20);
    case "decimalEnclosedFullstop":
      return enclosed(n, 0x2488, 20);
    case "lowerLetter":
      return letters(n, 0x61);
    case "upperLetter":
      return letters(n, 0x41);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    default:
      return String(n);
  }
}

function readLevel(lvl: XmlNode): [number, Level] {
  const ilvl = int(lvl.attribs?.["w:ilvl"], 0);
  const style = val(child(lvl, "w:pStyle"));
  return [
    ilvl,
    {
      start: int(val(child(lvl, "w:start")), 1),
      format: val(child(lvl, "w:numFmt")) ?? "decimal",
      text: val(child(lvl, "w:lvlText")) ?? "",
      suffix: val(child(lvl, "w:suff")) ?? "tab",
      legal: child(lvl, "w:isLgl") !== undefined && val(child(lvl, "w:isLgl")) !== "0",
      ...(style !== undefined ? { style } : {}),
    },
  ];
}

/** Levels of w:lvl elements. */
const levelsOf = (n: XmlNode) =>
  new Map(
    kids(n)
      .filter((c) => isEl(c, "w:lvl"))
      .map(readLevel),
  );

/** Marks that end a number (「一、」「（一）」「1.」): no space is added after them. */
const ENDS_WITH_MARK = /[、，。．.:：)）\]】」』〕>》\s]$/;

/**
 * The numbering of one document: call `label` for each paragraph in reading order; it advances the counters as
 * Word does (a level's counter restarts when a level above it moves on).
 */
export class Numbering {
  private abstracts = new Map<string, Map<number, Level>>();
  private instances = new Map<string, Instance>();
  private styles = new Map<string, StyleNumbering>();
  private counters = new Map<string, (number | undefined)[]>();
  private started = new Set<string>();

  /** `numbering` and `styles`: the root nodes of word/numbering.xml and word/styles.xml (either may be absent). */
  constructor(numbering: XmlNode | undefined, styles: XmlNode | undefined) {
    const root = numbering && kids(numbering).find((n) => isEl(n, "w:numbering"));
    for (const n of root ? kids(root) : []) {
      if (isEl(n, "w:abstractNum")) this.abstracts.set(n.attribs?.["w:abstractNumId"] ?? "", levelsOf(n));
      else if (isEl(n, "w:num")) {
        const starts = new Map<number, number>();
        const levels = new Map<number, Level>();
        for (const o of kids(n).filter((c) => isEl(c, "w:lvlOverride"))) {
          const ilvl = int(o.attribs?.["w:ilvl"], 0);
          const start = val(child(o, "w:startOverride"));
          if (start !== undefined) starts.set(ilvl, int(start, 1));
          const lvl = child(o, "w:lvl");
          if (lvl) levels.set(ilvl, { ...readLevel(lvl)[1] });
        }
        this.instances.set(n.attribs?.["w:numId"] ?? "", {
          abstract: val(child(n, "w:abstractNumId")) ?? "",
          starts,
          levels,
        });
      }
    }
    const sroot = styles && kids(styles).find((n) => isEl(n, "w:styles"));
    for (const s of sroot ? kids(sroot) : []) {
      if (!isEl(s, "w:style") || s.attribs?.["w:type"] !== "paragraph") continue;
      const numPr = child(child(s, "w:pPr"), "w:numPr");
      const basedOn = val(child(s, "w:basedOn"));
      const numId = val(child(numPr, "w:numId"));
      const ilvl = val(child(numPr, "w:ilvl"));
      this.styles.set(s.attribs?.["w:styleId"] ?? "", {
        ...(basedOn !== undefined ? { basedOn } : {}),
        ...(numId !== undefined ? { numId } : {}),
        ...(ilvl !== undefined ? { ilvl: int(ilvl, 0) } : {}),
      });
    }
  }

  /** Whether any list is defined at all (else `label` is never worth calling). */
  get empty(): boolean {
    return this.instances.size === 0;
  }

  /** The paragraph's list and level: its own w:numPr, else its style's (through w:basedOn, a few steps). */
  private listOf(pPr: XmlNode | undefined): { numId: string; ilvl: number; style?: string } | undefined {
    const numPr = child(pPr, "w:numPr");
    const own = val(child(numPr, "w:numId"));
    const style = val(child(pPr, "w:pStyle"));
    let numId = own;
    let ilvl = val(child(numPr, "w:ilvl")) !== undefined ? int(val(child(numPr, "w:ilvl")), 0) : undefined;
    for (
      let s = style, steps = 0;
      s !== undefined && steps < 20 && (numId === undefined || ilvl === undefined);
      steps++
    ) {
      const def = this.styles.get(s);
      if (!def) break;
      numId ??= def.numId;
      if (ilvl === undefined && def.ilvl !== undefined) ilvl = def.ilvl;
      s = def.basedOn;
    }
    if (numId === undefined || numId === "0") return undefined;
    return { numId, ilvl: ilvl ?? -1, ...(style !== undefined ? { style } : {}) };
  }

  /** The number Word draws before the paragraph whose w:pPr is given ("" for none); advances the counters. */
  label(pPr: XmlNode | undefined): string {
    const list = this.listOf(pPr);
    if (!list) return "";
    const instance = this.instances.get(list.numId);
    const abstract = instance && this.abstracts.get(instance.abstract);
    if (!instance || !abstract) return "";
    const level = (i: number) => instance.levels.get(i) ?? abstract.get(i);
    let ilvl = list.ilvl;
    // Numbered by style without a level: the level linked to that style, else the first.
    if (ilvl < 0) {
      ilvl = 0;
      for (const [i, l] of abstract) if (l.style !== undefined && l.style === list.style) ilvl = i;
    }
    const lvl = level(ilvl);
    if (!lvl || ilvl > 8) return "";
    let counters = this.counters.get(instance.abstract);
    if (!counters) {
      counters = [];
      this.counters.set(instance.abstract, counters);
    }
    if (!this.started.has(list.numId)) {
      this.started.add(list.numId);
      for (const [i, start] of instance.starts) counters[i] = start - 1;
    }
    counters[ilvl] = (counters[ilvl] ?? lvl.start - 1) + 1;
    for (let k = ilvl + 1; k < 9; k++) counters[k] = undefined;
    if (lvl.format === "bullet") return "";
    const text = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const at = level(i);
      const n = counters[i] ?? at?.start ?? 1;
      const format = lvl.legal ? "decimal" : (at?.format ?? "decimal");
      return format === "none" || format === "bullet" ? "" : formatNumber(n, format);
    });
    if (text.trim() === "") return "";
    return lvl.suffix === "nothing" || ENDS_WITH_MARK.test(text) ? text : `${text} `;
  }
}
