// Breaks body text into justified lines (CJK line-breaking rules, 28 characters of 16 pt per 156 mm line) for the PDF.

import { isSpaceCode, trimBy } from "../../text/trim.ts";
import { type FaceRole, faceFile, type RenderAssets } from "../fonts/assets.ts";
import { advance, fontInfo, isControl } from "../fonts/coverage.ts";
import { explicitRuns, PDF_FAMILY, type Run } from "./runs.ts";

/** A pdfmake text node of one line: its runs, the spacing that justifies it, its indent. */
export interface LineNode {
  /** Runs with explicit inline properties (font, size, spacing…). */
  text: object[];
  margin?: [number, number, number, number];
  /** Set on every line of a heading (a heading stays with what follows it: keep-together.ts). */
  headlineLevel?: number;
}

export interface LineOptions {
  /** Line width in pt. */
  width: number;
  fontSize: number;
  /** Characters per full line of CJK text (sets the base character spacing). */
  perLine: number;
  /** First-line indent in characters. */
  indent: number;
  /** pdfmake line height (multiple of the face's own line height). */
  lineHeight: number;
}

/** Characters that may not start a line (closing punctuation). */
const NO_START = new Set([..."，。、；：？！）》」』】〕〉”’…—·%‰,.;:?!)]}％．｝］"]);
/** Characters that may not end a line (opening punctuation). */
const NO_END = new Set([..."（《「『【〔〈“‘([{｛［"]);

interface Glyph {
  ch: string;
  family: string;
  width: number;
}

/** Maps each character to the face drawing it and its advance (pt). */
function glyphs(text: string, role: FaceRole, assets: RenderAssets, fontSize: number): Glyph[] {
  const own = fontInfo(faceFile(assets, role));
  const body = fontInfo(assets.fonts.body);
  const fallback = assets.fallback ? fontInfo(assets.fallback) : undefined;
  const out: Glyph[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isControl(cp)) continue;
    let family = PDF_FAMILY[role];
    let info = own;
    if (!own.cmap.has(cp)) {
      if (body.cmap.has(cp)) {
        family = PDF_FAMILY.body;
        info = body;
      } else if (fallback?.cmap.has(cp)) {
        family = PDF_FAMILY.fallback;
        info = fallback;
      }
    }
    const em = advance(info, cp) || (info.cmap.size ? advance(info, 0x6c49) : 1) || 1;
    out.push({ ch, family, width: em * fontSize });
  }
  return out;
}

function toRuns(line: Glyph[], role: FaceRole): string | Run[] {
  const own = PDF_FAMILY[role];
  if (line.every((g) => g.family === own)) return line.map((g) => g.ch).join("");
  const runs: Run[] = [];
  for (const g of line) {
    const last = runs[runs.length - 1];
    if (last && last.font === g.family) last.text += g.ch;
    else runs.push({ text: g.ch, font: g.family });
  }
  return runs;
}

const isAlnum = (ch: string) => {
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
};
/** Characters allowed inside a Latin word or number (not at its end, except %). */
const WORD_INNER = new Set([...".,:/%@_+-"]);

/**
 * Splits text into units that never break inside, each a slice of glyphs: Latin words and numbers stay together
 * (2020, 0579-87101565, 13.84, A4, 50%: a letter or digit, then letters, digits and .,:/%@_+-, ending in a letter,
 * digit or %); every other character is a unit of its own.
 */
function units(gs: Glyph[]): Glyph[][] {
  const out: Glyph[][] = [];
  let i = 0;
  while (i < gs.length) {
    let end = i + 1;
    if (isAlnum((gs[i] as Glyph).ch)) {
      let last = -1;
      for (let j = i + 1; j < gs.length; j++) {
        const ch = (gs[j] as Glyph).ch;
        const alnum = isAlnum(ch);
        if (!alnum && !WORD_INNER.has(ch)) break;
        if (alnum || ch === "%") last = j;
      }
      if (last > i) end = last + 1;
    }
    out.push(gs.slice(i, end));
    i = end;
  }
  return out;
}

function sum(gs: Glyph[]): number {
  let w = 0;
  for (const g of gs) w += g.width;
  return w;
}

/**
 * Fills lines greedily with units (never broken inside unless wider than a line): closing punctuation may not start a
 * line, opening punctuation may not end one. `room(i)` is the width of line i; `gap` the spacing after each glyph.
 */
function fill(gs: Glyph[], room: (line: number) => number, gap: number): Glyph[][] {
  const all = units(gs);
  let next = 0;
  /** Units put back to be laid out before the rest, the last put back first. */
  const back: Glyph[][] = [];
  const lines: Glyph[][] = [];
  /** The current line as units, so that a unit moved to the next line moves whole (a number is never split). */
  let line: Glyph[][] = [];
  let used = 0;
  const lastChar = () => line[line.length - 1]?.at(-1)?.ch ?? "";
  while (back.length > 0 || next < all.length) {
    const unit = (back.length > 0 ? back.pop() : all[next++]) as Glyph[];
    const w = sum(unit) + unit.length * gap;
    const space = room(lines.length) + 0.01;
    if (used + w - gap <= space) {
      line.push(unit);
      used += w;
      continue;
    }
    if (line.length === 0) {
      // A unit wider than the line: break it by characters.
      let k = 0;
      let acc = 0;
      while (k < unit.length && acc + (unit[k]?.width ?? 0) <= space) acc += (unit[k++]?.width ?? 0) + gap;
      k = Math.max(1, k);
      lines.push(unit.slice(0, k));
      if (k < unit.length) back.push(unit.slice(k));
      continue;
    }
    back.push(unit);
    const first = unit[0];
    if (first && NO_START.has(first.ch) && line.length > 1) back.push(line.pop() as Glyph[]);
    while (line.length > 1 && NO_END.has(lastChar())) back.push(line.pop() as Glyph[]);
    lines.push(line.flat());
    line = [];
    used = 0;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line.flat());
  return lines;
}

/** Breaks text into lines; every line but the last is justified to the full width by its character spacing. */
export function breakLines(
  text: string,
  role: FaceRole,
  assets: RenderAssets,
  opts: LineOptions,
): LineNode[] {
  const trimmed = trimBy(text, isSpaceCode);
  // The spacing between characters that puts exactly perLine of them in a line (28 × 16 pt in 156 mm: −0.215 pt).
  const base = (opts.width - opts.perLine * opts.fontSize) / (opts.perLine - 1);
  const indentPt = opts.indent * (opts.fontSize + base);
  const lines = fill(
    glyphs(trimmed, role, assets, opts.fontSize),
    (i) => opts.width - (i === 0 ? indentPt : 0),
    base,
  );
  return lines.map((gs, i) => {
    const avail = opts.width - (i === 0 ? indentPt : 0);
    const last = i === lines.length - 1;
    let spacing = base;
    if (!last && gs.length > 1) {
      const justified = (avail - sum(gs)) / (gs.length - 1);
      if (justified < opts.fontSize * 0.5) spacing = justified;
    }
    const node: LineNode = {
      text: explicitRuns(toRuns(gs, role), role, {
        fontSize: opts.fontSize,
        lineHeight: opts.lineHeight,
        characterSpacing: Math.round(spacing * 1000) / 1000,
        alignment: "left",
        noWrap: true,
      }),
    };
    if (i === 0 && indentPt > 0) node.margin = [Math.round(indentPt * 100) / 100, 0, 0, 0];
    return node;
  });
}

/**
 * A table cell's text in lines at most `width` pt wide (body face, no extra spacing), each as pdfmake runs: the cell
 * is laid out as given instead of pdfmake measuring and breaking it one CJK character at a time.
 */
export function cellLines(
  text: string,
  assets: RenderAssets,
  fontSize: number,
  width: number,
): (string | Run[])[] {
  const gs = glyphs(text.trim(), "body", assets, fontSize);
  return fill(gs, () => width, 0).map((line) => toRuns(trimSpaces(line), "body"));
}

/** A line without the spaces it starts or ends with (pdfmake does not draw them either). */
function trimSpaces(line: Glyph[]): Glyph[] {
  let start = 0;
  let end = line.length;
  while (start < end && /\s/.test(line[start]?.ch ?? "")) start++;
  while (end > start && /\s/.test(line[end - 1]?.ch ?? "")) end--;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

/** Where a title may break: after 「年度」/「年」, before 「政府信息公开」/「政务公开」, after the organ's name. */
function titleBreaks(text: string, organ: string): Set<number> {
  const out = new Set<number>();
  // Each test looks at a few characters around i: linear in the title's length.
  const chars = [...text];
  const at = (i: number, word: string) => chars.slice(i, i + word.length).join("") === word;
  const digits = (from: number, to: number) =>
    from >= 0 && chars.slice(from, to).every((c) => c >= "0" && c <= "9");
  for (let i = 1; i < chars.length; i++) {
    const yearEnd =
      chars[i - 1] === "年" ? i - 1 : chars[i - 1] === "度" && chars[i - 2] === "年" ? i - 2 : -1;
    if (yearEnd >= 4 && digits(yearEnd - 4, yearEnd) && chars[i] !== "度") out.add(i);
    if (at(i, "政府信息公开") || at(i, "政务公开")) out.add(i);
  }
  const organLength = [...organ].length;
  if (organLength > 0 && organLength < chars.length && chars.slice(0, organLength).join("") === organ)
    out.add(organLength);
  return out;
}

/**
 * The title in centred lines of about equal length (a long title is not filled line by line): breaks at a natural
 * place when one gives lines that fit, else between characters, never inside a number.
 */
export function titleLines(
  text: string,
  organ: string,
  assets: RenderAssets,
  opts: { width: number; fontSize: number; lineHeight: number },
): LineNode[] {
  const gs = glyphs(text.trim(), "title", assets, opts.fontSize);
  const total = sum(gs);
  const n = Math.max(1, Math.ceil(total / opts.width));
  const make = (part: Glyph[]): LineNode => ({
    text: explicitRuns(toRuns(part, "title"), "title", {
      fontSize: opts.fontSize,
      lineHeight: opts.lineHeight,
      characterSpacing: 0,
      alignment: "center",
      noWrap: true,
    }),
  });
  if (n === 1) return [make(gs)];
  const natural = titleBreaks(gs.map((g) => g.ch).join(""), organ);
  const lines: LineNode[] = [];
  let start = 0;
  // Width of the glyphs before `start`, kept as lines are cut: each line's search is bounded by its width.
  let startWidth = 0;
  for (let k = 1; k < n; k++) {
    const target = (total * k) / n;
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    let acc = startWidth;
    for (let i = start + 1; i < gs.length; i++) {
      acc += gs[i - 1]?.width ?? 0;
      const lineWidth = acc - startWidth;
      if (lineWidth > opts.width) break;
      const prev = gs[i - 1]?.ch ?? "";
      const next = gs[i]?.ch ?? "";
      if (/[0-9A-Za-z]/.test(prev) && /[0-9A-Za-z]/.test(next)) continue;
      if (NO_START.has(next) || NO_END.has(prev)) continue;
      const score = Math.abs(acc - target) - (natural.has(i) ? opts.fontSize * 4 : 0);
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) best = Math.min(gs.length - 1, start + 1);
    lines.push(make(gs.slice(start, best)));
    startWidth += sum(gs.slice(start, best));
    start = best;
  }
  lines.push(make(gs.slice(start)));
  return lines;
}
