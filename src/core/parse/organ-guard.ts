// Words that look like an organ name in body text or above a title but are not one (「…保障政府信息公开」, 「部门街镇」).

/** A name found in a sentence is no organ when it starts with a verb or preposition of the sentence. */
const SENTENCE_HEAD =
  /^(通过|以|按照|根据|依据|内容|包括|保障|增强|推进|加强|深化|提升|做好|严格|认真|坚持|积极|进一步|不断|切实|全面|持续|围绕|落实|贯彻|对|由|在|把|关于)/;

/**
 * False when a name read from body text is part of a phrase, not an organ: it starts with a word of the sentence
 * (「通过镇、村公示栏」), holds 「关于」 or 「的」 (「…关于政务公开的决策部署」), ends in 政府 of 「政府信息公开」
 * or 「政务公开」 right after it, or ends in 乡 or 镇 of 「乡村」「镇村」 (「县乡村振兴局」 read up to 乡).
 */
export function isOrganInSentence(name: string, after: string): boolean {
  if (SENTENCE_HEAD.test(name) || /关于|的/.test(name)) return false;
  if (/政府$/.test(name) && /^(信息公开|政务公开|信息|网站|门户)/.test(after)) return false;
  if (/[乡镇]$/.test(name) && after.startsWith("村")) return false;
  return true;
}

/** A portal's menu category above the title (「部门街镇」, 「镇街」, 「乡镇街道」): no place name to join to the organ. */
export const MENU_CATEGORY = /(街镇|镇街|乡镇|镇乡|乡镇街道|部门)$/;

/** Pinyin a mirror writes after characters (「拖市镇(zhèn)」): no part of a name. */
export function dropPinyin(s: string): string {
  return s.replace(/[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]/g, "");
}

/** The name after the verb of a sentence that announces a title (「现向社会公布龙口镇2022年度…」 → 「龙口镇」). */
export function sentenceVerbCut(s: string): string {
  return s.replace(/^.*?(?:向社会)?(?:公布|发布|印发|编制)(?=.{2})/, "");
}

/** 「我单位」「本局」「现将我局」「未有针对我局」: the report speaking of itself (a phrase ending in it), no organ's name. */
export function isSelfReference(name: string): boolean {
  return /[我本该](?:单位|机关|部门|局|委|办|厅|署|院|中心|镇|乡|街道|区|县|市)$/.test(name);
}
