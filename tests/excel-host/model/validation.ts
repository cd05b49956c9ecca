/**
 * Data validation as Excel stores it: rules over disjoint rectangles. Setting a rule on a
 * range carves the range out of whatever validation was there before.
 */
import { Rect, intersect, rectCells, subtract } from "./address";
import { invalidArgument, notEmulated } from "./errors";
import type { ValidationEntry, ValidationRule } from "./sheet-features";
import type { SheetModel } from "./worksheet";

export const MAX_INLINE_LIST = 255;

export type ValidationState =
  | { kind: "none" }
  | { kind: "single"; entry: ValidationEntry }
  | { kind: "mixed"; entries: ValidationEntry[] };

export function validationState(sheet: SheetModel, rect: Rect): ValidationState {
  const hits: Array<{ entry: ValidationEntry; area: number }> = [];
  for (const entry of sheet.validations) {
    let area = 0;
    for (const r of entry.rects) {
      const cut = intersect(r, rect);
      if (cut) area += rectCells(cut);
    }
    if (area > 0) hits.push({ entry, area });
  }
  if (hits.length === 0) return { kind: "none" };
  if (hits.length === 1 && hits[0].area === rectCells(rect)) return { kind: "single", entry: hits[0].entry };
  return { kind: "mixed", entries: hits.map((h) => h.entry) };
}

export function newEntry(rect: Rect): ValidationEntry {
  return {
    rects: [rect],
    rule: null,
    ignoreBlanks: true,
    prompt: { showPrompt: true, title: "", message: "" },
    errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
  };
}

export function carve(sheet: SheetModel, rect: Rect): void {
  const kept: ValidationEntry[] = [];
  for (const entry of sheet.validations) {
    entry.rects = entry.rects.flatMap((r) => subtract(r, rect));
    if (entry.rects.length > 0) kept.push(entry);
  }
  sheet.validations = kept;
}

/** The entry that exactly owns `rect`, creating it (with the settings it had) when needed. */
export function entryFor(sheet: SheetModel, rect: Rect): ValidationEntry {
  const state = validationState(sheet, rect);
  if (state.kind === "single") {
    const e = state.entry;
    if (e.rects.length === 1 && JSON.stringify(e.rects[0]) === JSON.stringify(rect)) return e;
  }
  const template = state.kind === "single" ? state.entry : null;
  carve(sheet, rect);
  const entry = newEntry(rect);
  if (template) {
    entry.rule = template.rule;
    entry.ignoreBlanks = template.ignoreBlanks;
    entry.prompt = { ...template.prompt };
    entry.errorAlert = { ...template.errorAlert };
  }
  sheet.validations.push(entry);
  return entry;
}

/** Checks a rule object as Excel would before storing it. */
export function parseRule(raw: unknown, isParsable: (formula: string) => boolean): ValidationRule {
  if (!raw || typeof raw !== "object") throw invalidArgument("rule must be an object");
  const defined = Object.entries(raw as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined);
  if (defined.length !== 1) throw invalidArgument("a validation rule has exactly one criterion");
  const [kind, body] = defined[0];
  if (kind === "list") {
    const b = body as { inCellDropDown?: unknown; source?: unknown };
    if (typeof b.source !== "string" || b.source === "") throw invalidArgument("list.source must be non-empty text");
    if (b.source.startsWith("=")) {
      if (!isParsable(b.source)) throw invalidArgument(`list.source does not parse: ${b.source}`);
    } else if (b.source.length > MAX_INLINE_LIST) {
      throw invalidArgument(`an inline list is limited to ${MAX_INLINE_LIST} characters (got ${b.source.length})`);
    }
    return { list: { inCellDropDown: b.inCellDropDown === undefined ? true : b.inCellDropDown === true, source: b.source } };
  }
  if (kind === "custom") {
    const b = body as { formula?: unknown };
    if (typeof b.formula !== "string" || !isParsable(b.formula.startsWith("=") ? b.formula : `=${b.formula}`)) {
      throw invalidArgument("custom.formula must be a formula");
    }
    return { custom: { formula: b.formula } };
  }
  throw notEmulated(`DataValidation.rule.${kind}`);
}

export const ruleType = (rule: ValidationRule | null): string =>
  rule === null ? "None" : "list" in rule ? "List" : "Custom";

export const inlineItems = (source: string): string[] => source.split(",").map((s) => s.trim());
