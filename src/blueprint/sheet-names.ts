import { RESERVED_SHEET_NAMES } from "./layout";

/** Excel counts UTF-16 units: "The name must be fewer than 32 characters" (Worksheet.name). */
const MAX = 31;

/**
 * The key under which Excel may consider two names the same. Excel compares ignoring case; how
 * it folds case beyond ASCII is not documented, so names equal either way count as equal.
 */
export const sheetNameKey = (name: string): string => name.toUpperCase().toLowerCase();

/** The first `units` UTF-16 units of `text`, never ending inside a surrogate pair. */
function cut(text: string, units: number): string {
  if (text.length <= units) return text;
  const high = text.charCodeAt(units - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? units - 1 : units);
}

/** Lone surrogates (unpaired halves) are not characters: Excel and the file format cannot keep them. */
function withoutLoneSurrogates(text: string): string {
  // Pairs first, so what is left of the surrogate range is unpaired (no lookbehind: older Safari lacks it).
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (m) => (m.length === 2 ? m : "_"));
}

/**
 * Excel's rules for sheet names (Rename a worksheet; Worksheet.name): 1-31 characters, none of
 * : \ / ? * [ ], no leading or trailing apostrophe, not "History". Control characters become
 * spaces (a tab or line break in a unit's name cannot be typed into a sheet tab).
 */
export function sanitiseSheetName(raw: string): string {
  const trimEnds = (s: string) => s.replace(/^['\s]+|['\s]+$/g, "");
  const cleaned = trimEnds(withoutLoneSurrogates(raw).replace(/[:\\/?*[\]]/g, "_").replace(/[\u0000-\u001f\u007f]/g, " "));
  const name = trimEnds(cut(cleaned, MAX)) || "单位";
  return sheetNameKey(name) === sheetNameKey("History") ? `${name}_` : name;
}

/** `base` with `suffix` appended, shortening `base` so the whole stays within 31 characters. */
export function withSuffix(base: string, suffix: string): string {
  return cut(base, MAX - suffix.length) + suffix;
}

/**
 * One sheet name per unit, unique ignoring case and distinct from the tracker's own
 * sheets; a collision after truncation gets a numbered suffix within 31 characters.
 */
export function assignSheetNames(units: readonly string[]): Map<string, string> {
  const taken = new Set(RESERVED_SHEET_NAMES.map(sheetNameKey));
  const result = new Map<string, string>();
  for (const unit of units) {
    const base = sanitiseSheetName(unit);
    let name = base;
    for (let n = 2; taken.has(sheetNameKey(name)); n++) name = withSuffix(base, `(${n})`);
    taken.add(sheetNameKey(name));
    result.set(unit, name);
  }
  return result;
}

/**
 * A free name for a user's sheet that stands where the tracker needs its name: “…(原)”,
 * then “…(原2)”, “…(原10)”, always within 31 characters. `taken` holds sheetNameKey()s.
 */
export function freeSheetName(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = withSuffix(base, `(原${n > 1 ? n : ""})`);
    if (!taken.has(sheetNameKey(candidate))) return candidate;
  }
}
