// Which table edition (2019 or 2021) a report follows: as given, else by the shape of its tables, else by its year.
import { finding } from "../finding.ts";
import { APPLICANT_COLUMNS } from "../labels.ts";
import type { Edition } from "../model.ts";
import { type Ctx, isRecord, own, ownPath } from "./context.ts";

/** Which edition the table keys point to, when every distinctive key agrees. */
function shapeEdition(input: Record<string, unknown>): Edition | undefined {
  const votes = new Set<Edition>();
  const has = (node: unknown, keys: readonly string[]) =>
    isRecord(node) && keys.some((k) => Object.hasOwn(node, k));
  const other = ownPath(input, ["requests", "otherHandling"]);
  if (has(other, ["noCorrection", "unpaidFee", "other"])) votes.add("2021");
  if (
    has(
      other,
      APPLICANT_COLUMNS.map((c) => c.key),
    )
  )
    votes.add("2019");
  const pro = own(input, "proactive");
  if (has(pro, ["otherServices", "procurement"])) votes.add("2019");
  const reg = own(pro, "regulations");
  if (has(reg, ["issued", "repealed"])) votes.add("2021");
  if (has(reg, ["made", "published"])) votes.add("2019");
  return votes.size === 1 ? [...votes][0] : undefined;
}

export function readEdition(input: Record<string, unknown>, year: number, ctx: Ctx): Edition {
  const raw = own(input, "edition");
  if (raw !== undefined && raw !== null) {
    const s = typeof raw === "number" ? String(raw) : raw;
    if (s === "2019" || s === "2021") return s;
    ctx.issues.push({ path: ["edition"], message: 'edition 应为 "2019" 或 "2021"' });
    return "2019";
  }
  const byShape = shapeEdition(input);
  const byYear: Edition = year >= 2021 ? "2021" : "2019";
  const edition = byShape ?? byYear;
  const why = byShape ? "按表格结构" : `按年度（${year}年）`;
  ctx.findings.push(
    finding("normalize.edition-inferred", "/edition", `未注明表格版本，已${why}认定为${edition}版格式`),
  );
  return edition;
}
