// The official row and column labels of tables 二, 三 and 四 per edition, with the model path of each row.
import type { Edition } from "./model.ts";

export interface Column {
  key: string;
  label: string;
}

/** A leaf row of a table: its path in the model (below the table key) and its official label. */
export interface RowDef {
  path: readonly string[];
  label: string;
  /** Enclosing group label, e.g. 「（三）不予公开」 for its numbered sub-rows. */
  group?: string;
}

export const APPLICANT_COLUMNS: readonly Column[] = [
  { key: "natural", label: "自然人" },
  { key: "commercial", label: "商业企业" },
  { key: "research", label: "科研机构" },
  { key: "nonprofit", label: "社会公益组织" },
  { key: "legal", label: "法律服务机构" },
  { key: "otherOrg", label: "其他" },
  { key: "total", label: "总计" },
];

export const APPEAL_COLUMNS: readonly Column[] = [
  { key: "upheld", label: "结果维持" },
  { key: "corrected", label: "结果纠正" },
  { key: "other", label: "其他结果" },
  { key: "pending", label: "尚未审结" },
  { key: "total", label: "总计" },
];

export const APPEAL_GROUPS: readonly {
  key: "review" | "litigationDirect" | "litigationAfterReview";
  label: string;
}[] = [
  { key: "review", label: "行政复议" },
  { key: "litigationDirect", label: "未经复议直接起诉" },
  { key: "litigationAfterReview", label: "复议后起诉" },
];

export const REQUESTS_BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
export const RESULTS_GROUP = "三、本年度办理结果";

const WITHHELD = "（三）不予公开";
const UNAVAILABLE = "（四）无法提供";
const NOT_PROCESSED = "（五）不予处理";
const OTHER_HANDLING = "（六）其他处理";

const requestRowsHead: RowDef[] = [
  { path: ["received"], label: "一、本年新收政府信息公开申请数量" },
  { path: ["carriedOver"], label: "二、上年结转政府信息公开申请数量" },
  { path: ["granted"], label: "（一）予以公开", group: RESULTS_GROUP },
  {
    path: ["partiallyGranted"],
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    group: RESULTS_GROUP,
  },
  { path: ["withheld", "stateSecret"], label: "1.属于国家秘密", group: WITHHELD },
  { path: ["withheld", "prohibitedByLaw"], label: "2.其他法律行政法规禁止公开", group: WITHHELD },
  { path: ["withheld", "threeSecurities"], label: "3.危及“三安全一稳定”", group: WITHHELD },
  { path: ["withheld", "thirdParty"], label: "4.保护第三方合法权益", group: WITHHELD },
  { path: ["withheld", "internalAffairs"], label: "5.属于三类内部事务信息", group: WITHHELD },
  { path: ["withheld", "processInfo"], label: "6.属于四类过程性信息", group: WITHHELD },
  { path: ["withheld", "enforcementFiles"], label: "7.属于行政执法案卷", group: WITHHELD },
  { path: ["withheld", "queryMatters"], label: "8.属于行政查询事项", group: WITHHELD },
  { path: ["unavailable", "notHeld"], label: "1.本机关不掌握相关政府信息", group: UNAVAILABLE },
  { path: ["unavailable", "needsCreation"], label: "2.没有现成信息需要另行制作", group: UNAVAILABLE },
  { path: ["unavailable", "unclear"], label: "3.补正后申请内容仍不明确", group: UNAVAILABLE },
  { path: ["notProcessed", "petition"], label: "1.信访举报投诉类申请", group: NOT_PROCESSED },
  { path: ["notProcessed", "duplicate"], label: "2.重复申请", group: NOT_PROCESSED },
  { path: ["notProcessed", "publication"], label: "3.要求提供公开出版物", group: NOT_PROCESSED },
  { path: ["notProcessed", "excessive"], label: "4.无正当理由大量反复申请", group: NOT_PROCESSED },
  {
    path: ["notProcessed", "confirmation"],
    label: "5.要求行政机关确认或重新出具已获取信息",
    group: NOT_PROCESSED,
  },
];

const requestRowsTail: RowDef[] = [
  { path: ["handledTotal"], label: "（七）总计", group: RESULTS_GROUP },
  { path: ["carriedForward"], label: "四、结转下年度继续办理" },
];

const otherHandling2019: RowDef[] = [
  { path: ["otherHandling"], label: OTHER_HANDLING, group: RESULTS_GROUP },
];
const otherHandling2021: RowDef[] = [
  {
    path: ["otherHandling", "noCorrection"],
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    group: OTHER_HANDLING,
  },
  {
    path: ["otherHandling", "unpaidFee"],
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    group: OTHER_HANDLING,
  },
  { path: ["otherHandling", "other"], label: "3.其他", group: OTHER_HANDLING },
];

/** Leaf rows of table 三 in document order. Each has the seven APPLICANT_COLUMNS. */
export function requestRows(edition: Edition): readonly RowDef[] {
  return [
    ...requestRowsHead,
    ...(edition === "2021" ? otherHandling2021 : otherHandling2019),
    ...requestRowsTail,
  ];
}

/** One 「第二十条第（X）项」 block of table 二: its header and its rows. */
export interface ProactiveBlock {
  article: string;
  columns: readonly Column[];
  rows: readonly { key: string; label: string }[];
}

const PROACTIVE_2019: readonly ProactiveBlock[] = [
  {
    article: "第二十条第（一）项",
    columns: [
      { key: "made", label: "本年新制作数量" },
      { key: "published", label: "本年新公开数量" },
      { key: "inForce", label: "对外公开总数量" },
    ],
    rows: [
      { key: "regulations", label: "规章" },
      { key: "normativeDocuments", label: "规范性文件" },
    ],
  },
  {
    article: "第二十条第（五）项",
    columns: [
      { key: "lastYear", label: "上一年项目数量" },
      { key: "change", label: "本年增/减" },
      { key: "decisions", label: "处理决定数量" },
    ],
    rows: [
      { key: "licensing", label: "行政许可" },
      { key: "otherServices", label: "其他对外管理服务事项" },
    ],
  },
  {
    article: "第二十条第（六）项",
    columns: [
      { key: "lastYear", label: "上一年项目数量" },
      { key: "change", label: "本年增/减" },
      { key: "decisions", label: "处理决定数量" },
    ],
    rows: [
      { key: "penalties", label: "行政处罚" },
      { key: "coercion", label: "行政强制" },
    ],
  },
  {
    article: "第二十条第（八）项",
    columns: [
      { key: "lastYear", label: "上一年项目数量" },
      { key: "change", label: "本年增/减" },
    ],
    rows: [{ key: "fees", label: "行政事业性收费" }],
  },
  {
    article: "第二十条第（九）项",
    columns: [
      { key: "projects", label: "采购项目数量" },
      { key: "amountWan", label: "采购总金额" },
    ],
    rows: [{ key: "procurement", label: "政府集中采购" }],
  },
];

const PROACTIVE_2021: readonly ProactiveBlock[] = [
  {
    article: "第二十条第（一）项",
    columns: [
      { key: "issued", label: "本年制发件数" },
      { key: "repealed", label: "本年废止件数" },
      { key: "inForce", label: "现行有效件数" },
    ],
    rows: [
      { key: "regulations", label: "规章" },
      { key: "normativeDocuments", label: "行政规范性文件" },
    ],
  },
  {
    article: "第二十条第（五）项",
    columns: [{ key: "decisions", label: "本年处理决定数量" }],
    rows: [{ key: "licensing", label: "行政许可" }],
  },
  {
    article: "第二十条第（六）项",
    columns: [{ key: "decisions", label: "本年处理决定数量" }],
    rows: [
      { key: "penalties", label: "行政处罚" },
      { key: "coercion", label: "行政强制" },
    ],
  },
  {
    article: "第二十条第（八）项",
    columns: [{ key: "amountWan", label: "本年收费金额（单位：万元）" }],
    rows: [{ key: "fees", label: "行政事业性收费" }],
  },
];

/** The blocks of table 二 for an edition, in document order. */
export function proactiveBlocks(edition: Edition): readonly ProactiveBlock[] {
  return edition === "2021" ? PROACTIVE_2021 : PROACTIVE_2019;
}

/** The title a report without one is given (and a saved file's name): 「{organ}{year}年度政府信息公开工作年度报告」. */
export function defaultTitle(organ: string, year: number): string {
  return `${organ}${year}年度政府信息公开工作年度报告`;
}

/** Official headings of the six standard sections, by role. */
export const SECTION_HEADINGS = {
  overview: "一、总体情况",
  proactive: "二、主动公开政府信息情况",
  requests: "三、收到和处理政府信息公开申请情况",
  appeals: "四、政府信息公开行政复议、行政诉讼情况",
  problems: "五、存在的主要问题及改进情况",
  other: "六、其他需要报告的事项",
} as const;
