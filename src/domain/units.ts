import { COMPOUND_UNITS } from "./unit-aliases";
import { cleanCellText } from "./text-cleanup";
import { foldWidth, unitKey } from "./punctuation";

/** A unit name as displayed: cleaned, without spaces, in the list's own punctuation width. */
export function normaliseUnitName(raw: string): string {
  return cleanCellText(raw).replace(/\s+/g, "");
}

/** The caller's alias for a name (compared by key), or the name itself. */
export function canonicalUnit(raw: string, aliases: Readonly<Record<string, string>> = {}): string {
  const name = normaliseUnitName(raw);
  const byKey = aliasesByKey(aliases);
  return byKey.get(unitKey(name)) ?? name;
}

export function aliasesByKey(aliases: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(aliases).map(([from, to]) => [unitKey(from), to]));
}

const COMPOUND_KEYS = [...COMPOUND_UNITS].map(unitKey).sort((a, b) => b.length - a.length);
/** "各市、县(市、区)…", "各设区市、县(市、区)…": the county part belongs to the city part. */
const CITY_THEN_COUNTY = /^各(?:设区)?市$/;
const COUNTY_PART = /^县\(/;

/**
 * A line break between units in a cell separates them (Word cells, CSV fields); inside
 * brackets it is only wrapping.
 */
function breaksToSeparators(cell: string): string {
  let depth = 0;
  let out = "";
  for (const ch of cell.replace(/\r\n?/g, "\n")) {
    const f = foldWidth(ch);
    if (f === "(") depth++;
    if (f === ")") depth = Math.max(0, depth - 1);
    out += ch === "\n" && depth === 0 ? "、" : ch;
  }
  return out;
}

/**
 * Splits a 责任部门 cell into unit names as written, lead first, without duplicates (by
 * key). "、" "," ";" in either width separate units, "及" joins two, a trailing "等"
 * ("and others") is dropped; anything inside brackets and known compound names stay whole.
 * Only the caller's aliases are applied here; built-in ones are a list-level decision.
 */
export function splitUnits(cell: string, aliases: Readonly<Record<string, string>> = {}): string[] {
  const text = normaliseUnitName(breaksToSeparators(cell));
  const folded = foldWidth(text);
  const protectedAt = new Uint8Array(text.length);
  for (const key of COMPOUND_KEYS) {
    for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + key.length)) protectedAt.fill(1, at, at + key.length);
  }
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i];
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && !protectedAt[i] && /[、,;]/.test(ch)) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  const joined: string[] = [];
  for (const piece of pieces) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && CITY_THEN_COUNTY.test(foldWidth(prev)) && COUNTY_PART.test(foldWidth(piece))) joined[joined.length - 1] = `${prev}、${piece}`;
    else joined.push(piece);
  }
  const byKey = aliasesByKey(aliases);
  const units: string[] = [];
  const seen = new Set<string>();
  for (const token of joined) {
    const parts = /[()（）]/.test(token) || COMPOUND_KEYS.includes(unitKey(token)) ? [token] : token.split("及");
    for (const part of parts) {
      const name = part.replace(/等$/, "").trim();
      if (!name) continue;
      const chosen = byKey.get(unitKey(name)) ?? name;
      if (seen.has(unitKey(chosen))) continue;
      seen.add(unitKey(chosen));
      units.push(chosen);
    }
  }
  return units;
}
