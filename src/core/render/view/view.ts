// The one view model of a report, fed to both the HTML and the PDF template: sections in order, tables, signature.
import { defaultTitle, SECTION_HEADINGS } from "../../labels.ts";
import type { Report, SectionRole } from "../../model.ts";
import { formatDate } from "./format.ts";
import { buildTable, type ViewTable } from "./tables.ts";

export interface ViewBlock {
  /** subheading: 「（一）」 headings (楷体); minor: other headings (「1.」, body face); paragraph: body text. */
  kind: "subheading" | "minor" | "paragraph";
  text: string;
  path: string;
}

export interface ViewSection {
  id: string;
  role: SectionRole;
  heading: string;
  headingPath: string;
  blocks: ViewBlock[];
  table?: ViewTable;
}

export interface ReportView {
  edition: Report["edition"];
  lang: "zh-CN";
  title: string;
  titlePath: string;
  organ: string;
  year: number;
  subject: string;
  keywords: string;
  sections: ViewSection[];
  signature: { organ: string; date: string };
  /** ISO date the PDF gives as its creation date: the signature date, else 1 January after the year. */
  documentDate: string;
}

const TABLE_ROLES = ["proactive", "requests", "appeals"] as const;
const RANK: Partial<Record<SectionRole, number>> = {
  preamble: 0,
  overview: 1,
  proactive: 2,
  requests: 3,
  appeals: 4,
  problems: 5,
  other: 6,
};

function blockKind(type: "heading" | "paragraph", text: string): ViewBlock["kind"] {
  if (type === "paragraph") return "paragraph";
  return /^\s*[（(][一二三四五六七八九十]+[）)]/.test(text) ? "subheading" : "minor";
}

/** Builds the view: the report's sections in order, the three tables placed in their sections (added if absent). */
export function buildView(report: Report): ReportView {
  const sections: ViewSection[] = report.sections.map((s, i) => ({
    id: `s${i + 1}`,
    role: s.role,
    heading: s.heading,
    headingPath: `/sections/${i}/heading`,
    blocks: s.blocks.map((b, j) => ({
      kind: blockKind(b.type, b.text),
      text: b.text,
      path: `/sections/${i}/blocks/${j}/text`,
    })),
  }));
  for (const role of TABLE_ROLES) {
    const host = sections.find((s) => s.role === role);
    const table = buildTable(report, role);
    if (host) {
      host.table = table;
      continue;
    }
    const rank = RANK[role] ?? 0;
    const at = sections.findIndex((s) => (RANK[s.role] ?? -1) > rank);
    const added: ViewSection = {
      id: `t-${role}`,
      role,
      heading: SECTION_HEADINGS[role],
      headingPath: "",
      blocks: [],
      table,
    };
    if (at < 0) sections.push(added);
    else sections.splice(at, 0, added);
  }
  const title = report.title.trim() || defaultTitle(report.organ, report.year);
  const documentDate = report.issuedOn ?? `${report.year + 1}-01-01`;
  return {
    edition: report.edition,
    lang: "zh-CN",
    title,
    titlePath: report.title.trim() ? "/title" : "/organ",
    organ: report.organ,
    year: report.year,
    subject: defaultTitle(report.organ, report.year),
    keywords: ["政府信息公开", "年度报告", String(report.year), report.organ].join(", "),
    sections,
    signature: { organ: report.organ, date: formatDate(report.issuedOn) },
    documentDate,
  };
}
