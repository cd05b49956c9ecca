const CJK = "\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef\\u2018-\\u201f";
const SPACE_BEFORE_CJK = new RegExp(`\\s+(?=[${CJK}])`, "g");
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK}])\\s+`, "g");

/**
 * Removes HTML remnants (`<p>`, `&nbsp;`) and the spaces that PDF/Word conversion puts
 * between Chinese characters and digits ("到 2022 年" → "到2022年"), keeping spaces
 * that separate Latin words.
 */
export function cleanCellText(raw: string): string {
  return raw
    .replace(/<[^<>]{0,200}>/g, " ")
    .replace(/&nbsp;/gi, " ")
    .replace(/&amp;/gi, "&")
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/[\s\u00a0\u3000]+/g, " ")
    .replace(SPACE_BEFORE_CJK, "")
    .replace(SPACE_AFTER_CJK, "")
    .trim();
}

/** Header cells are spaced out for layout ("政 策 内 容"); compare them without spaces. */
export function compactHeader(raw: string): string {
  return cleanCellText(raw).replace(/\s+/g, "");
}
