/** Excel.ConditionalFormatCollection and the Custom / CellValue conditional formats. */
import { intersect, subtract } from "../model/address";
import { normaliseColor } from "../model/colors";
import { invalidArgument, invalidOperation, itemNotFound, notEmulated } from "../model/errors";
import { assertUnprotected } from "../model/protection";
import { ConditionalFormatLook, ConditionalFormatModel, emptyLook } from "../model/sheet-features";
import type { SheetModel } from "../model/worksheet";
import {
  CellValueConditionalFormatObj,
  ConditionalFormatCollectionObj,
  ConditionalFormatObj,
  ConditionalFormatRuleObj,
  ConditionalRangeFillObj,
  ConditionalRangeFontObj,
  ConditionalRangeFormatObj,
  CustomConditionalFormatObj,
  RangeObj,
} from "./objects";
import { ApiObject, NULL_OBJECT, ScalarDef, argBool, argEnum, argInt, argString, defineType } from "./registry";

const TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"] as const;
const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"] as const;
const UNDERLINE = ["None", "Single", "Double"] as const;

function onRange(o: ConditionalFormatCollectionObj): ConditionalFormatModel[] {
  return o.range.sheet.conditionalFormats.filter((cf) => cf.rects.some((r) => intersect(r, o.range.rect)));
}

function find(o: ConditionalFormatCollectionObj, id: unknown): ConditionalFormatModel | undefined {
  return onRange(o).find((cf) => cf.id === id);
}

const wrap = (sheet: SheetModel, cf: ConditionalFormatModel): ConditionalFormatObj => new ConditionalFormatObj(sheet, cf);

export const ConditionalFormatCollectionType = defineType<ConditionalFormatCollectionObj>("ConditionalFormatCollection", {
  items: (o) => onRange(o).map((cf) => wrap(o.range.sheet, cf)),
  indexer: (o, [id]) => {
    const cf = find(o, id);
    if (!cf) throw itemNotFound(`conditional format ${String(id)}`);
    return wrap(o.range.sheet, cf);
  },
  methods: {
    Add: (o, [type], cx) => {
      const t = argEnum(type, TYPES, "type");
      if (t !== "Custom" && t !== "CellValue") throw notEmulated(`ConditionalFormatCollection.add(${t})`);
      assertUnprotected(o.range.sheet);
      const cf: ConditionalFormatModel = {
        id: String(1000 + cx.wb.nextId()),
        type: t,
        rects: [o.range.rect],
        stopIfTrue: false,
        rule: {},
        look: emptyLook(),
      };
      // the newest rule takes the top priority, as in Excel
      o.range.sheet.conditionalFormats.unshift(cf);
      return wrap(o.range.sheet, cf);
    },
    GetCount: (o) => onRange(o).length,
    GetItem: (o, [id]) => {
      const cf = find(o, id);
      if (!cf) throw itemNotFound(`conditional format ${String(id)}`);
      return wrap(o.range.sheet, cf);
    },
    GetItemOrNullObject: (o, [id]): ApiObject => {
      const cf = find(o, id);
      return cf ? wrap(o.range.sheet, cf) : NULL_OBJECT;
    },
    GetItemAt: (o, [index]) => {
      const cf = onRange(o)[argInt(index, "index")];
      if (!cf) throw itemNotFound(`conditional format #${String(index)}`);
      return wrap(o.range.sheet, cf);
    },
    ClearAll: (o) => {
      const sheet = o.range.sheet;
      assertUnprotected(sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => {
        cf.rects = cf.rects.flatMap((r) => subtract(r, o.range.rect));
        return cf.rects.length > 0;
      });
      return null;
    },
  },
});

const alive = (o: ConditionalFormatObj): void => {
  if (!o.sheet.conditionalFormats.includes(o.cf)) throw itemNotFound(`conditional format ${o.cf.id} was deleted`);
};

export const ConditionalFormatType = defineType<ConditionalFormatObj>("ConditionalFormat", {
  assertAlive: alive,
  identity: (o) => ({ key: "Id", value: o.cf.id }),
  scalars: {
    Id: { get: (o) => o.cf.id },
    Type: { get: (o) => o.cf.type },
    Priority: {
      get: (o) => o.sheet.conditionalFormats.indexOf(o.cf),
      set: (o, v) => {
        assertUnprotected(o.sheet);
        const list = o.sheet.conditionalFormats;
        const p = Math.min(argInt(v, "priority"), list.length - 1);
        list.splice(list.indexOf(o.cf), 1);
        list.splice(p, 0, o.cf);
      },
    },
    StopIfTrue: {
      get: (o) => o.cf.stopIfTrue,
      set: (o, v) => {
        assertUnprotected(o.sheet);
        o.cf.stopIfTrue = argBool(v, "stopIfTrue");
      },
    },
  },
  navigation: {
    Custom: (o) => {
      if (o.cf.type !== "Custom") throw invalidOperation(`conditional format ${o.cf.id} is ${o.cf.type}, not Custom`);
      return new CustomConditionalFormatObj(o);
    },
    CustomOrNullObject: (o) => (o.cf.type === "Custom" ? new CustomConditionalFormatObj(o) : NULL_OBJECT),
    CellValue: (o) => {
      if (o.cf.type !== "CellValue") throw invalidOperation(`conditional format ${o.cf.id} is ${o.cf.type}, not CellValue`);
      return new CellValueConditionalFormatObj(o);
    },
    CellValueOrNullObject: (o) => (o.cf.type === "CellValue" ? new CellValueConditionalFormatObj(o) : NULL_OBJECT),
  },
  methods: {
    Delete: (o) => {
      assertUnprotected(o.sheet);
      o.sheet.conditionalFormats = o.sheet.conditionalFormats.filter((cf) => cf !== o.cf);
      return null;
    },
    GetRange: (o) => new RangeObj(o.sheet, o.cf.rects[0]),
    GetRangeOrNullObject: (o) => (o.cf.rects[0] ? new RangeObj(o.sheet, o.cf.rects[0]) : NULL_OBJECT),
  },
});

function formulaArg(v: unknown, isParsable: (f: string) => boolean, what: string): string {
  const f = argString(v, what);
  const asFormula = f.startsWith("=") ? f : `=${f}`;
  if (!isParsable(asFormula)) throw invalidArgument(`${what} does not parse: ${f}`);
  return f;
}

export const CustomConditionalFormatType = defineType<CustomConditionalFormatObj>("CustomConditionalFormat", {
  navigation: {
    Rule: (o) => new ConditionalFormatRuleObj(o.cf),
    Format: (o) => new ConditionalRangeFormatObj(o.cf),
  },
});

const ruleFormula: ScalarDef<ConditionalFormatRuleObj> = {
  get: (o) => o.cf.cf.rule.formula ?? null,
  set: (o, v, cx) => {
    assertUnprotected(o.cf.sheet);
    o.cf.cf.rule.formula = formulaArg(v, (f) => cx.wb.engine.isParsable(f), "formula");
  },
};

export const ConditionalFormatRuleType = defineType<ConditionalFormatRuleObj>("ConditionalFormatRule", {
  scalars: { Formula: ruleFormula, FormulaLocal: ruleFormula },
});

export const CellValueConditionalFormatType = defineType<CellValueConditionalFormatObj>("CellValueConditionalFormat", {
  scalars: {
    Rule: {
      get: (o) => {
        const r = o.cf.cf.rule;
        return r.operator ? { formula1: r.formula1, formula2: r.formula2, operator: r.operator } : null;
      },
      set: (o, v, cx) => {
        assertUnprotected(o.cf.sheet);
        if (!v || typeof v !== "object") throw invalidArgument("rule must be an object");
        const r = v as { formula1?: unknown; formula2?: unknown; operator?: unknown };
        const check = (f: string): boolean => cx.wb.engine.isParsable(f);
        const operator = argEnum(r.operator, OPERATORS, "operator");
        const between = operator === "Between" || operator === "NotBetween";
        o.cf.cf.rule = {
          formula1: formulaArg(r.formula1, check, "formula1"),
          formula2: between ? formulaArg(r.formula2, check, "formula2") : undefined,
          operator,
        };
      },
    },
  },
  navigation: { Format: (o) => new ConditionalRangeFormatObj(o.cf) },
});

function lookProp<K extends keyof ConditionalFormatLook, T extends { cf: ConditionalFormatObj }>(
  key: K,
  parse: (v: unknown) => ConditionalFormatLook[K],
): ScalarDef<T> {
  return {
    get: (o) => o.cf.cf.look[key],
    set: (o, v) => {
      assertUnprotected(o.cf.sheet);
      o.cf.cf.look[key] = parse(v);
    },
  };
}

export const ConditionalRangeFormatType = defineType<ConditionalRangeFormatObj>("ConditionalRangeFormat", {
  scalars: { NumberFormat: lookProp("numberFormat", (v) => argString(v, "numberFormat")) },
  navigation: {
    Fill: (o) => new ConditionalRangeFillObj(o.cf),
    Font: (o) => new ConditionalRangeFontObj(o.cf),
  },
});

export const ConditionalRangeFillType = defineType<ConditionalRangeFillObj>("ConditionalRangeFill", {
  scalars: { Color: lookProp("fillColor", normaliseColor) },
  methods: {
    Clear: (o) => {
      assertUnprotected(o.cf.sheet);
      o.cf.cf.look.fillColor = null;
      return null;
    },
  },
});

export const ConditionalRangeFontType = defineType<ConditionalRangeFontObj>("ConditionalRangeFont", {
  scalars: {
    Color: lookProp("fontColor", normaliseColor),
    Bold: lookProp("bold", (v) => argBool(v, "bold")),
    Italic: lookProp("italic", (v) => argBool(v, "italic")),
    Underline: lookProp("underline", (v) => argEnum(v, UNDERLINE, "underline")),
    Strikethrough: lookProp("strikethrough", (v) => argBool(v, "strikethrough")),
  },
  methods: {
    Clear: (o) => {
      assertUnprotected(o.cf.sheet);
      const look = o.cf.cf.look;
      look.fontColor = look.bold = look.italic = look.underline = look.strikethrough = null;
      return null;
    },
  },
});
