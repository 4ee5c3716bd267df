// Provenance: where each table cell was read in the input (1-based line and column, length, and the text read there).
import type { CellSource } from "../model.ts";
import { foldTraditional } from "../text/traditional.ts";

export type { CellSource };

/** A source line longer than this is not quoted whole: the run of text the cell was read from is quoted instead. */
const MAX_QUOTE = 160;
/** How far past the cursor a label or a value is looked for (hostile input costs bounded time). */
const WINDOW = 4000;
/** Candidate positions tried per value before giving up (the value then has no source). */
const MAX_TRIES = 64;
/** Characters the look-ups of table lines past the window may read in all, per character of input. */
const FAR_READS_PER_CHAR = 4;

/**
 * Finds, in document order, where tokens of the table lines were written in the decoded input. A monotone
 * cursor walks the input: each table line is looked up at or after the cursor (text input keeps lines as
 * written), each label moves the cursor past itself, each value is the next occurrence of its text that is
 * not part of a longer number. HTML markup and entities are blanked (same length) so only text is matched.
 */
export class Locator {
  private readonly text: string;
  private readonly starts: number[] = [0];
  private cursor = 0;
  /** End of the current line when it was found as written (values are looked for only inside it). */
  private limit = -1;
  /** Characters left for looking up table lines past the window (a long preamble before the first table). */
  private farReads: number;

  /** `traditional`: the text is looked up with the simplified forms of its characters, as the parser read it. */
  constructor(input: string, kind: "text" | "html", traditional = false) {
    const searched = kind === "html" ? maskMarkup(input) : input;
    this.text = traditional ? foldTraditional(searched) : searched;
    // Line starts after each \r\n, \r or \n, found by indexOf (a regex match per line, or a loop per character,
    // was several times slower on long HTML lines and on short text lines alike).
    let nl = input.indexOf("\n");
    let cr = input.indexOf("\r");
    while (nl >= 0 || cr >= 0) {
      if (cr >= 0 && (nl < 0 || cr < nl)) {
        const end = input.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        this.starts.push(end);
        if (nl >= 0 && nl < end) nl = input.indexOf("\n", end);
        cr = input.indexOf("\r", end);
      } else {
        this.starts.push(nl + 1);
        nl = input.indexOf("\n", nl + 1);
      }
    }
    this.input = input;
    this.farReads = FAR_READS_PER_CHAR * input.length;
  }

  private readonly input: string;

  /** Back to the start of the input (a table read from the whole text, not from its own section). */
  restart(): void {
    this.cursor = 0;
    this.limit = -1;
  }

  /** A table line begins: anchor the cursor at it when it is found as written. */
  line(line: string): void {
    const t = line.trim();
    this.limit = -1;
    if (t === "") return;
    let at = this.find(t, this.cursor);
    if (at < 0 && t.length >= 6) at = this.findFar(t);
    if (at >= 0 && (t.length >= 6 || this.startsLine(at))) {
      this.cursor = at;
      this.limit = at + t.length;
    }
  }

  /** A label or other text token: the cursor moves past it when it is found. */
  label(text: string): void {
    if (text === "") return;
    let at = this.find(text, this.cursor);
    let len = text.length;
    if (at < 0 && text.length > 2) {
      // Labels joined from spaced pieces: its last two characters.
      const tail = text.slice(-2);
      at = this.find(tail, this.cursor);
      len = 2;
    }
    if (at >= 0 && (this.limit < 0 || at + len <= this.limit)) this.cursor = at + len;
  }

  /** A value as written: its source, or undefined when it cannot be found. */
  value(raw: string): CellSource | undefined {
    let from = this.cursor;
    const end = Math.min(this.text.length, this.limit >= 0 ? this.limit : from + WINDOW);
    for (let tries = 0; from < end && tries < MAX_TRIES; tries++) {
      const at = indexWithin(this.text, raw, from, end);
      if (at < 0) return this.spaced(raw, end);
      // Not part of a longer number, unless right where the previous token ended (「2648-18538」「00000002.其他」).
      const glued = at === this.cursor;
      if (
        glued ||
        (!isDigitish(this.text.charCodeAt(at - 1)) && !isDigitish(this.text.charCodeAt(at + raw.length)))
      ) {
        this.cursor = at + raw.length;
        return this.at(at, raw.length);
      }
      from = at + 1;
    }
    return undefined;
  }

  /** Digits the tokenizer joined across spaces (「200 000121」 read as one run): found with the spaces. */
  private spaced(raw: string, end: number): CellSource | undefined {
    if (raw.length > 40 || !/^[-－]?[0-9０-９]+$/.test(raw)) return undefined;
    let tries = 0;
    const first = raw[0] as string;
    for (let at = indexWithin(this.text, first, this.cursor, end); at >= 0 && tries++ < MAX_TRIES; ) {
      let i = at;
      let k = 0;
      while (i < end && k < raw.length) {
        const c = this.text[i] as string;
        if (c === raw[k]) k++;
        else if (k === 0 || (c !== " " && c !== "\u3000" && c !== "\u00a0")) break;
        i++;
      }
      const before = at === this.cursor || !isDigitish(this.text.charCodeAt(at - 1));
      if (k === raw.length && before && !isDigitish(this.text.charCodeAt(i))) {
        this.cursor = i;
        return this.at(at, i - at);
      }
      at = indexWithin(this.text, first, at + 1, end);
    }
    return undefined;
  }

  /** Only spaces between the line's start and `at`. */
  private startsLine(at: number): boolean {
    for (let i = at - 1; i >= 0; i--) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return true;
      if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 0xa0) return false;
    }
    return true;
  }

  private find(s: string, from: number): number {
    return indexWithin(this.text, s, from, from + WINDOW + s.length);
  }

  /**
   * A table line anywhere after the cursor: the first table of a report with a long overview begins more than a
   * window after the start (all its cells had no source). Reads at most FAR_READS_PER_CHAR × the input in all.
   */
  private findFar(s: string): number {
    if (this.farReads <= 0) return -1;
    const at = indexWithin(this.text, s, this.cursor, this.text.length);
    this.farReads -= (at < 0 ? this.text.length : at + s.length) - this.cursor;
    return at;
  }

  /** The source of `length` characters at offset `at`. */
  private at(at: number, length: number): CellSource {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo] as number;
    const next = this.starts[lo + 1];
    let stop = next === undefined ? this.input.length : next;
    while (stop > start && (this.input[stop - 1] === "\n" || this.input[stop - 1] === "\r")) stop--;
    const whole = this.input.slice(start, stop);
    const text = whole.length <= MAX_QUOTE ? whole : this.input.slice(at, at + length);
    return { line: lo + 1, column: at - start + 1, length, text };
  }
}

/**
 * The first index ≥ `from` where `s` is written wholly before `end`, or -1. Searches only that window (a plain
 * indexOf would scan to the end of the input at every miss: a 100,000-character line before the tables made
 * each cell's look-up read the whole line, 1 s per report). A slice of a flat string is a view, not a copy.
 */
function indexWithin(text: string, s: string, from: number, end: number): number {
  const stop = Math.min(end, text.length);
  if (stop - from < s.length) return -1;
  const at = text.slice(from, stop).indexOf(s);
  return at < 0 ? -1 : from + at;
}

const isDigitish = (c: number): boolean =>
  (c >= 48 && c <= 57) || c === 46 || (c >= 0xff10 && c <= 0xff19) || c === 0xff0e;

/** HTML with tags, comments and entities blanked out (offsets kept), so digits in markup are never matched. Linear. */
function maskMarkup(html: string): string {
  // Built by concatenation (one flat copy when first searched) with blanks cut from one string of spaces: an array of
  // parts joined, with a new run of spaces per tag, took about twice as long on a Word page.
  let out = "";
  let i = 0;
  let lt = html.indexOf("<");
  let amp = html.indexOf("&");
  while (i < html.length) {
    if (lt >= 0 && lt < i) lt = html.indexOf("<", i);
    if (amp >= 0 && amp < i) amp = html.indexOf("&", i);
    const next = lt < 0 ? amp : amp < 0 ? lt : Math.min(lt, amp);
    if (next < 0) {
      out += html.slice(i);
      break;
    }
    let end = next + 1;
    if (next === lt) {
      const comment = html.startsWith("<!--", next);
      const close = comment ? html.indexOf("-->", next + 4) : html.indexOf(">", next + 1);
      end = close < 0 ? html.length : close + (comment ? 3 : 1);
      out += html.slice(i, next) + spaces(end - next);
    } else {
      const m = ENTITY.exec(html.slice(next, next + 13));
      if (m) end = next + m[0].length;
      out += html.slice(i, next) + (m ? spaces(end - next) : "&");
    }
    i = end;
  }
  return out;
}

const ENTITY = /^&#?[0-9A-Za-z]{1,10};/;
let SPACES = " ".repeat(256);

/** `n` spaces, cut from a string of spaces grown by doubling up to 4096 (a longer run is made on its own). */
function spaces(n: number): string {
  if (n > 4096) return " ".repeat(n);
  while (SPACES.length < n) SPACES += SPACES;
  return SPACES.slice(0, n);
}

/**
 * The source of the part of a run-together cell at `from`…`to` of its digits as the tokenizer read them (spaces
 * dropped): the same source narrowed to those characters as written. The whole run when it cannot be mapped.
 */
export function pieceSource(run: CellSource, digits: string, from: number, to: number): CellSource {
  const start = run.column - 1;
  const inLine = run.text.slice(start, start + run.length);
  const written = same(inLine, digits) ? inLine : same(run.text, digits) ? run.text : undefined;
  if (written === undefined) return run;
  let k = 0;
  let a = -1;
  let b = -1;
  for (let i = 0; i < written.length; i++) {
    if (/\s/.test(written[i] as string)) continue;
    if (k === from) a = i;
    k++;
    if (k === to) {
      b = i + 1;
      break;
    }
  }
  if (a < 0 || b < 0) return run;
  return { ...run, column: run.column + a, length: b - a };
}

const same = (written: string, digits: string) => written.replace(/\s+/g, "") === digits;
