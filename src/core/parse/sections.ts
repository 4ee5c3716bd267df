// Splits cleaned lines into the preamble and numbered sections (「一、总体情况」…), assigns roles, and builds prose blocks.
import type { Block, SectionRole } from "../model.ts";
import { mentionsRow } from "./labels-match.ts";
import { trimAll } from "./lines.ts";
import { cnNumber } from "./metadata.ts";

export interface RawSection {
  role: SectionRole;
  heading: string;
  lines: string[];
}

const HEADING =
  /^(?:([一二三四五六七八九十]{1,3})\s*[、.．]|第([一二三四五六七八九十]{1,3})部分[、：:．.]?)\s*(\S.{0,40})$/;
const TABLE_ROW_HEADING = /本年新收|上年结转|办理结果|结转下年|新收政府信息|结转政府信息/;
const STANDARD_HEADING =
  /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议[、与和及]行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)/;

/** Role of a section from its heading text: the one heading → role classifier (parser and JSON normalizer). */
export function roleOf(heading: string): SectionRole {
  const h = heading.replace(/[\s\u00a0\u3000]+/g, "");
  if (/总体情况|概述|基本情况|总体概况/.test(h)) return "overview";
  if (/主动公开/.test(h)) return "proactive";
  if (/收到和处理|依申请|申请情况|申请公开/.test(h)) return "requests";
  if (/行政复议|行政诉讼|复议|诉讼/.test(h)) return "appeals";
  if (/问题/.test(h) && /改进|整改|措施|不足|计划|打算/.test(h)) return "problems";
  if (/存在的(主要)?问题|不足/.test(h)) return "problems";
  if (/其他需要报告|其他事项|其他需报告/.test(h)) return "other";
  return "extra";
}

/** Splits lines into head (title, preamble) and sections by numbered top-level headings. */
export function splitSections(lines: readonly string[]): { head: string[]; sections: RawSection[] } {
  const head: string[] = [];
  const sections: RawSection[] = [];
  let last = 0;
  const used = new Set<SectionRole>();
  /** Roles taken by a heading in the official wording (「二、主动公开政府信息情况」). */
  const official = new Set<SectionRole>();
  for (const line of lines) {
    const t = trimAll(line);
    let heading: string | undefined;
    let rest: string | undefined;
    if (!line.includes("\t") && !t.includes("|")) {
      const m = HEADING.exec(t);
      const std = STANDARD_HEADING.exec(t);
      if (std && t.length > std[0].length) {
        heading = std[0];
        rest = trimAll(t.slice(std[0].length).replace(/^[：:。]/, ""));
      } else if (m && !TABLE_ROW_HEADING.test(t) && !/[。；]$/.test(t) && !/[。；].+/.test(t)) heading = t;
      if (heading) {
        const num = cnNumber(std?.[1] ?? m?.[1] ?? m?.[2] ?? "") ?? 0;
        const role = roleOf(heading);
        // The official wording is a heading even where the numbering starts again (a report whose own
        // chapters come first and the standard tables after them, numbered 一、二、三).
        const restart = std !== null && role !== "extra" && !official.has(role);
        // A repeated number is still a heading when it names a standard section not seen yet (「五、平台建设」「五、存在的主要问题…」).
        if (!restart && (num < last || (num === last && (role === "extra" || used.has(role)))))
          heading = undefined;
        else last = num;
      }
    }
    if (heading) {
      let role = roleOf(heading);
      const isOfficial = STANDARD_HEADING.test(trimAll(heading));
      if (role !== "extra" && used.has(role)) {
        // An official heading takes its role from an earlier chapter that only resembled it.
        const earlier = isOfficial && !official.has(role) ? sections.find((x) => x.role === role) : undefined;
        if (earlier) earlier.role = "extra";
        else role = "extra";
      }
      if (isOfficial && role !== "extra") official.add(role);
      used.add(role);
      sections.push({ role, heading, lines: rest ? [rest] : [] });
      continue;
    }
    const cur = sections[sections.length - 1];
    if (cur) cur.lines.push(line);
    else head.push(line);
  }
  return { head, sections };
}

const SUB_HEADING =
  /^([（(][一二三四五六七八九十\d]{1,3}[）)]|[0-9０-９]{1,2}[、.．](?![0-9])|第[一二三四五六七八九十]+[、，,]|[一二三四五六七八九十]{1,2}[、.．])/;

function isSubHeading(t: string): boolean {
  if (!SUB_HEADING.test(t) || t.length > 40) return false;
  const body = t.replace(/[。.]$/, "");
  return !/[。；;！？]/.test(body);
}

const ENDS_SENTENCE = /[。！？；：:」”』）)…!?;]$/;

/** Prose lines → heading and paragraph blocks; lines a PDF wrapped mid-sentence are joined again. */
export function toBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let para: string | undefined;
  let lastLine = "";
  const flush = () => {
    if (para !== undefined && para !== "") blocks.push({ type: "paragraph", text: para });
    para = undefined;
  };
  for (const line of lines) {
    const t = trimAll(line.replace(/\t+/g, " "));
    if (t === "") {
      flush();
      continue;
    }
    if (isSubHeading(t)) {
      flush();
      blocks.push({ type: "heading", text: t });
      continue;
    }
    // The paragraph's end is its last line's end: testing the joined text would rescan it at every line.
    if (para !== undefined && para.length >= 18 && !ENDS_SENTENCE.test(lastLine)) {
      para += t; // a line wrapped in the middle of a sentence
      lastLine = t;
      continue;
    }
    flush();
    para = t;
    lastLine = t;
  }
  flush();
  return blocks;
}

/** A prose line inside a table section (a note around the table), not a row, header or cell. */
export function isProseLine(line: string): boolean {
  if (line.includes("\t") || line.includes("|")) return false;
  const t = trimAll(line);
  if (t.length < 2) return false;
  // Spaced PDF rows (「规章      0     0     0」) are long only because of their spacing: never prose.
  if (/(^|\s)[-+]?[0-9０-９][0-9０-９.,]*(\s|$)/.test(t) && !/[。！？]$/.test(t)) return false;
  const compact = /\s/.test(t) ? t.replace(/\s+/g, "") : t;
  if (!(/[。！？]$/.test(t) || compact.length >= 40 || /^(注|备注|说明|单位|其中)/.test(t))) return false;
  return !/勾稽/.test(t) && !mentionsRow(t);
}
