/** Excel.DataValidation. */
import { intersect } from "../model/address";
import { cellValue, readValues } from "../model/cell-ops";
import { invalidArgument, notEmulated } from "../model/errors";
import { assertUnprotected } from "../model/protection";
import { carve, entryFor, inlineItems, parseRule, ruleType, validationState } from "../model/validation";
import type { WorkbookModel } from "../model/workbook";
import { DataValidationObj } from "./objects";
import { referencedRange } from "./range-args";
import { argBool, argEnum, defineType } from "./registry";

function listItems(wb: WorkbookModel, source: string): Set<string> {
  if (!source.startsWith("=")) return new Set(inlineItems(source).map((s) => s.toUpperCase()));
  const target = referencedRange(wb, source, undefined);
  if (!target) throw notEmulated(`DataValidation.valid for list source ${source}`);
  return new Set(readValues(wb, target.sheet, target.rect).flat().map((v) => String(v).toUpperCase()));
}

function isValid(o: DataValidationObj, wb: WorkbookModel): boolean {
  const { sheet, rect } = o.range;
  for (const entry of sheet.validations) {
    if (!entry.rule) continue;
    if (!("list" in entry.rule)) throw notEmulated("DataValidation.valid for custom rules");
    const allowed = listItems(wb, entry.rule.list.source);
    for (const r of entry.rects) {
      const cut = intersect(r, rect);
      if (!cut) continue;
      for (let row = cut.r0; row <= cut.r1; row++) {
        for (let col = cut.c0; col <= cut.c1; col++) {
          const v = cellValue(wb, sheet, row, col);
          if (v === "") {
            if (entry.ignoreBlanks) continue;
            return false;
          }
          if (!allowed.has(String(v).toUpperCase())) return false;
        }
      }
    }
  }
  return true;
}

function objectArg<T>(v: unknown, what: string): Partial<T> {
  if (!v || typeof v !== "object") throw invalidArgument(`${what} must be an object`);
  return v as Partial<T>;
}

export const DataValidationType = defineType<DataValidationObj>("DataValidation", {
  scalars: {
    Type: {
      get: (o) => {
        const s = validationState(o.range.sheet, o.range.rect);
        return s.kind === "none" ? "None" : s.kind === "single" ? ruleType(s.entry.rule) : "Inconsistent";
      },
    },
    Rule: {
      get: (o) => {
        const s = validationState(o.range.sheet, o.range.rect);
        if (s.kind === "mixed") return null;
        return s.kind === "single" && s.entry.rule ? JSON.parse(JSON.stringify(s.entry.rule)) : {};
      },
      set: (o, v, cx) => {
        assertUnprotected(o.range.sheet);
        const rule = parseRule(v, (f) => cx.wb.engine.isParsable(f));
        entryFor(o.range.sheet, o.range.rect).rule = rule;
      },
    },
    IgnoreBlanks: {
      get: (o) => {
        const s = validationState(o.range.sheet, o.range.rect);
        return s.kind === "single" ? s.entry.ignoreBlanks : s.kind === "none" ? true : null;
      },
      set: (o, v) => {
        assertUnprotected(o.range.sheet);
        entryFor(o.range.sheet, o.range.rect).ignoreBlanks = argBool(v, "ignoreBlanks");
      },
    },
    Prompt: {
      get: (o) => {
        const s = validationState(o.range.sheet, o.range.rect);
        return s.kind === "single" ? { ...s.entry.prompt } : null;
      },
      set: (o, v) => {
        assertUnprotected(o.range.sheet);
        const p = objectArg<{ showPrompt: boolean; title: string; message: string }>(v, "prompt");
        const e = entryFor(o.range.sheet, o.range.rect);
        e.prompt = {
          showPrompt: p.showPrompt ?? e.prompt.showPrompt,
          title: p.title ?? e.prompt.title,
          message: p.message ?? e.prompt.message,
        };
      },
    },
    ErrorAlert: {
      get: (o) => {
        const s = validationState(o.range.sheet, o.range.rect);
        return s.kind === "single" ? { ...s.entry.errorAlert } : null;
      },
      set: (o, v) => {
        assertUnprotected(o.range.sheet);
        const a = objectArg<{ showAlert: boolean; style: string; title: string; message: string }>(v, "errorAlert");
        const e = entryFor(o.range.sheet, o.range.rect);
        e.errorAlert = {
          showAlert: a.showAlert ?? e.errorAlert.showAlert,
          style: a.style === undefined ? e.errorAlert.style : argEnum(a.style, ["Stop", "Warning", "Information"] as const, "style"),
          title: a.title ?? e.errorAlert.title,
          message: a.message ?? e.errorAlert.message,
        };
      },
    },
    Valid: { get: (o, cx) => isValid(o, cx.wb) },
  },
  methods: {
    Clear: (o) => {
      assertUnprotected(o.range.sheet);
      carve(o.range.sheet, o.range.rect);
      return null;
    },
  },
});
