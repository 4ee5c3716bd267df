// Word's style sheet copied into crawler text as words (「Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE /* Style Definitions */ table.MsoNormalTable {…}」): cut out before parsing.

const MARK = "/* Style Definitions */";
/** Word's document settings written just before the style sheet (「Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE」). */
const SETTINGS_REACH = 200;
/** A style rule longer than this is no copied style sheet: only the marker goes. */
const RULE_REACH = 4000;

/** The text without Word's copied style sheets (each: the settings before it, the marker and its first rule). */
export function stripWordStyles(text: string): string {
  if (!text.includes(MARK)) return text;
  let out = "";
  let from = 0;
  for (let i = text.indexOf(MARK); i >= 0; i = text.indexOf(MARK, from)) {
    let start = i;
    const normal = text.lastIndexOf("Normal", i);
    if (normal >= from && i - normal <= SETTINGS_REACH && text.slice(normal, i).includes("X-NONE"))
      start = normal;
    const close = text.indexOf("}", i);
    const end = close >= 0 && close - i <= RULE_REACH ? close + 1 : i + MARK.length;
    out += text.slice(from, start);
    from = end;
  }
  return out + text.slice(from);
}
