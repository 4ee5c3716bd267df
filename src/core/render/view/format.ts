// How values print: a blank cell prints blank, a 0 prints 0, money without float noise, dates in Chinese.

/** A table cell as printed: "" for null, the number otherwise (no exponent, no float noise). */
export function formatCell(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
}

/** 「2021年1月25日」 from 2021-01-25. */
export function formatDate(iso: string | null): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
