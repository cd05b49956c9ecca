import { COMPOUND_UNITS, UNIT_ALIASES } from "./unit-aliases";
import { cleanCellText } from "./text-cleanup";

/** Unit names are written with either bracket width; canonical names use full width. */
export function normaliseUnitName(raw: string): string {
  return cleanCellText(raw)
    .replace(/\(/g, "(")
    .replace(/\)/g, ")")
    .replace(/\s+/g, "");
}

export function canonicalUnit(raw: string, aliases: Readonly<Record<string, string>> = UNIT_ALIASES): string {
  const name = normaliseUnitName(raw);
  return aliases[name] ?? name;
}

const PLACEHOLDER = "\u0000";
const RESTORE = new RegExp(`${PLACEHOLDER}(\\d+)${PLACEHOLDER}`, "g");
const COMPOUNDS_LONGEST_FIRST = [...COMPOUND_UNITS].sort((a, b) => b.length - a.length);

/**
 * Splits a 责任部门 cell into canonical unit names, lead first.
 * "," / "," / ";" separate groups, "、" separates units, "及" joins two units,
 * a trailing "等" means "and others" and is dropped; known compound names and
 * anything inside brackets are never split.
 */
export function splitUnits(cell: string, aliases: Readonly<Record<string, string>> = UNIT_ALIASES): string[] {
  let text = normaliseUnitName(cell);
  const kept: string[] = [];
  for (const compound of COMPOUNDS_LONGEST_FIRST) {
    if (!text.includes(compound)) continue;
    text = text.split(compound).join(`${PLACEHOLDER}${kept.length}${PLACEHOLDER}`);
    kept.push(compound);
  }
  const tokens: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、,,;;]/.test(ch)) {
      tokens.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  tokens.push(current);

  const restore = (s: string) =>
    s.replace(RESTORE, (_, i: string) => kept[Number(i)]);
  const units: string[] = [];
  for (const token of tokens) {
    for (const part of token.split("及")) {
      const name = restore(part).replace(/等$/, "").trim();
      if (!name) continue;
      const canonical = aliases[name] ?? name;
      if (!units.includes(canonical)) units.push(canonical);
    }
  }
  return units;
}
