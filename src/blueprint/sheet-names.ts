import { RESERVED_SHEET_NAMES } from "./layout";

const MAX = 31;

/** Excel's rules: 1-31 characters, none of : \ / ? * [ ], no leading/trailing apostrophe. */
export function sanitiseSheetName(raw: string): string {
  const cleaned = raw
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "单位").slice(0, MAX);
}

/**
 * One sheet name per unit, unique ignoring case and distinct from the tracker's own
 * sheets; a collision after truncation gets a numbered suffix within 31 characters.
 */
export function assignSheetNames(units: readonly string[]): Map<string, string> {
  const taken = new Set(RESERVED_SHEET_NAMES.map((n) => n.toLowerCase()));
  const result = new Map<string, string>();
  for (const unit of units) {
    const base = sanitiseSheetName(unit);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = base.slice(0, MAX - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    result.set(unit, name);
  }
  return result;
}
