/** Excel.NamedItemCollection (workbook-scoped names) and Excel.NamedItem. */
import { formatAddress, parseRef } from "../model/address";
import { invalidArgument, itemAlreadyExists, itemNotFound } from "../model/errors";
import type { NamedItemModel, WorkbookModel } from "../model/workbook";
import { NamedItemCollectionObj, NamedItemObj, RangeObj } from "./objects";
import { findName, referencedRange } from "./range-args";
import { ApiObject, NULL_OBJECT, argBool, argInt, argString, defineType } from "./registry";

/** Excel's rule for names: a letter, `_` or `\` first; no spaces; not readable as a cell reference. */
export function checkDefinedName(name: unknown): string {
  const n = argString(name, "name");
  const ok =
    n.length >= 1 &&
    n.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(n) &&
    parseRef(n) === null &&
    !/^[RrCc]$/.test(n) &&
    !/^[Rr][0-9]*[Cc][0-9]*$/.test(n) &&
    !/^(TRUE|FALSE)$/i.test(n);
  if (!ok) throw invalidArgument(`"${n}" is not a valid name`);
  return n;
}

function referenceFormula(wb: WorkbookModel, reference: unknown): string {
  if (reference instanceof RangeObj) return `=${formatAddress(reference.sheet.name, reference.rect, true)}`;
  const text = argString(reference, "reference").trim();
  const formula = text.startsWith("=") ? text : `=${text}`;
  if (!wb.engine.isParsable(formula)) throw invalidArgument(`reference does not parse: ${text}`);
  return formula;
}

function add(wb: WorkbookModel, name: unknown, reference: unknown, comment: unknown): NamedItemObj {
  const n = checkDefinedName(name);
  if (findName(wb, n)) throw itemAlreadyExists(`name ${n}`);
  const item: NamedItemModel = {
    name: n,
    formula: referenceFormula(wb, reference),
    comment: comment === undefined || comment === null ? "" : argString(comment, "comment"),
    visible: true,
  };
  wb.names.push(item);
  wb.engine.namesChanged();
  return new NamedItemObj(item);
}

function typeAndValue(wb: WorkbookModel, item: NamedItemModel): { type: string; value: unknown } {
  const target = referencedRange(wb, item.formula);
  if (target) return { type: "Range", value: formatAddress(target.sheet.name, target.rect, true) };
  const v = wb.engine.evaluateFormula(item.formula);
  if (Array.isArray(v)) return { type: "Array", value: v };
  if (typeof v === "number") return { type: Number.isInteger(v) ? "Integer" : "Double", value: v };
  if (typeof v === "boolean") return { type: "Boolean", value: v };
  if (/^#[A-Z/0-9]+[!?A]$/.test(v) || v === "#N/A") return { type: "Error", value: v };
  return { type: "String", value: v };
}

const alive = (wb: WorkbookModel, o: NamedItemObj): void => {
  if (!wb.names.includes(o.item)) throw itemNotFound(`name ${o.item.name} was deleted`);
};

export const NamedItemCollectionType = defineType<NamedItemCollectionObj>("NamedItemCollection", {
  items: (_o, cx) => cx.wb.names.map((n) => new NamedItemObj(n)),
  indexer: (_o, [name], cx) => {
    const item = findName(cx.wb, argString(name, "name"));
    if (!item) throw itemNotFound(`name ${String(name)}`);
    return new NamedItemObj(item);
  },
  methods: {
    Add: (_o, [name, reference, comment], cx) => add(cx.wb, name, reference, comment),
    AddFormulaLocal: (_o, [name, formula, comment], cx) => add(cx.wb, name, formula, comment),
    GetCount: (_o, _a, cx) => cx.wb.names.length,
    GetItemOrNullObject: (_o, [name], cx): ApiObject => {
      const item = findName(cx.wb, argString(name, "name"));
      return item ? new NamedItemObj(item) : NULL_OBJECT;
    },
    GetItemAt: (_o, [index], cx) => {
      const item = cx.wb.names[argInt(index, "index")];
      if (!item) throw itemNotFound(`name #${String(index)}`);
      return new NamedItemObj(item);
    },
  },
});

export const NamedItemType = defineType<NamedItemObj>("NamedItem", {
  identity: (o) => ({ key: "_Id", value: o.item.name }),
  scalars: {
    Name: { get: (o) => o.item.name },
    _Id: { get: (o) => o.item.name, inDefaultLoad: false },
    Type: {
      get: (o, cx) => {
        alive(cx.wb, o);
        return typeAndValue(cx.wb, o.item).type;
      },
    },
    Value: {
      get: (o, cx) => {
        alive(cx.wb, o);
        return typeAndValue(cx.wb, o.item).value;
      },
    },
    Scope: { get: () => "Workbook" },
    Comment: { get: (o) => o.item.comment, set: (o, v) => void (o.item.comment = argString(v, "comment")) },
    Visible: { get: (o) => o.item.visible, set: (o, v) => void (o.item.visible = argBool(v, "visible")) },
    Formula: {
      get: (o) => o.item.formula,
      set: (o, v, cx) => {
        alive(cx.wb, o);
        o.item.formula = referenceFormula(cx.wb, v);
        cx.wb.engine.namesChanged();
      },
    },
  },
  navigation: {
    WorksheetOrNullObject: () => NULL_OBJECT,
  },
  methods: {
    Delete: (o, _a, cx) => {
      alive(cx.wb, o);
      cx.wb.names.splice(cx.wb.names.indexOf(o.item), 1);
      cx.wb.engine.namesChanged();
      return null;
    },
    GetRange: (o, _a, cx) => {
      alive(cx.wb, o);
      const r = referencedRange(cx.wb, o.item.formula);
      if (!r) throw invalidArgument(`name ${o.item.name} does not refer to a range`);
      return r;
    },
    GetRangeOrNullObject: (o, _a, cx): ApiObject => referencedRange(cx.wb, o.item.formula) ?? NULL_OBJECT,
  },
});
