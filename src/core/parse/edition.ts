// Tells the table edition (2019 or 2021 form) from the headers and rows as written, not from the year.
import type { Edition } from "../model.ts";

const MARKS_2021 = [
  /本年制发件数|制发件数/,
  /本年废止件数|废止件数/,
  /现行有效件数/,
  /本年处理决定数量/,
  /本年收费金额|收费金额（单位/,
  /逾期不补正/,
  /缴纳费用|收费通知/,
];
const MARKS_2019 = [
  /本年新制作|新制作数量/,
  /本年新公开|新公开数量/,
  /对外公开总数量/,
  /上一年项目数量/,
  /本年增\s*[/／]\s*减/,
  /其他对外管理服务/,
  /政府集中采购|采购项目数量|采购总金额/,
];

export interface EditionEvidence {
  edition: Edition | undefined;
  score2019: number;
  score2021: number;
}

/** Scores the table text for each edition; undefined when neither form shows. */
export function detectEdition(tableText: string): EditionEvidence {
  const t = tableText.replace(/[\s\u00a0\u3000]+/g, "");
  const score2021 = MARKS_2021.filter((re) => re.test(t)).length;
  const score2019 = MARKS_2019.filter((re) => re.test(t)).length;
  let edition: Edition | undefined;
  if (score2021 > score2019) edition = "2021";
  else if (score2019 > score2021) edition = "2019";
  return { edition, score2019, score2021 };
}
