/**
 * Offices publish with full-width punctuation (，；：（）); copies from web pages and some
 * tools turn it half-width. Both mean the same, so matching compares a folded form while
 * display keeps what the list says. Each fold maps one character to one character, so an
 * index into the folded text is an index into the original.
 */
const FULL_TO_HALF: Readonly<Record<string, string>> = {
  "，": ",",
  "；": ";",
  "：": ":",
  "（": "(",
  "）": ")",
  "　": " ",
  "．": ".",
};
const HALF_TO_FULL: Readonly<Record<string, string>> = { ",": "，", ";": "；", ":": "：", "(": "（", ")": "）" };

export function foldWidth(text: string): string {
  return text.replace(/[，；：（）　．]/g, (c) => FULL_TO_HALF[c]);
}

/** The reverse of foldWidth for the five marks offices write full-width (tests, previews). */
export function toFullWidth(text: string): string {
  return text.replace(/[,;:()]/g, (c) => HALF_TO_FULL[c]);
}

/** The key two spellings of one unit share: folded width, no whitespace. */
export function unitKey(name: string): string {
  return foldWidth(name).replace(/\s+/g, "");
}

/** Unmatched or mis-nested ( ) in either width — "县(市" is a fragment, never a unit. */
export function bracketsBalanced(text: string): boolean {
  let depth = 0;
  for (const ch of foldWidth(text)) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}
