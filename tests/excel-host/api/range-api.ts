/** Excel.Range. */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  formatAddress,
  intersect,
  isEntireColumns,
  isEntireRows,
  rectCells,
  rectCols,
  rectRows,
} from "../model/address";
import {
  assertReadable,
  cellValue,
  clearContents,
  readFormulas,
  readNumberFormats,
  readValueTypes,
  readValues,
  writeContent,
  writeNumberFormat,
} from "../model/cell-ops";
import { invalidArgument, itemNotFound, notModelled } from "../model/errors";
import { deleteRows } from "../model/row-delete";
import { assertAllowed, assertFormattable } from "../model/protection";
import type { SheetModel } from "../model/worksheet";
import {
  ConditionalFormatCollectionObj,
  DataValidationObj,
  RangeFormatObj,
  RangeObj,
  WorksheetObj,
} from "./objects";
import { rangeArgument, sameSheetRect } from "./range-args";
import { ApiObject, ExecContext, NULL_OBJECT, argBool, argEnum, argInt, argString, defineType } from "./registry";

function rangeOf(sheet: SheetModel, rect: Rect): RangeObj {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS || rect.r0 > rect.r1 || rect.c0 > rect.c1) {
    throw invalidArgument("the resulting range is outside the worksheet");
  }
  return new RangeObj(sheet, rect);
}

const cell = (o: RangeObj, i: number, j: number): Rect => ({ r0: o.rect.r0 + i, c0: o.rect.c0 + j, r1: o.rect.r0 + i, c1: o.rect.c0 + j });

/** Excel reports hidden-ness of a range as true (all), false (none) or null (mixed). */
function hiddenState(set: Set<number>, from: number, to: number): boolean | null {
  if (set.size === 0) return false;
  let hidden = 0;
  for (const i of set) if (i >= from && i <= to) hidden++;
  if (hidden === 0) return false;
  return hidden === to - from + 1 ? true : null;
}

function setHidden(set: Set<number>, from: number, to: number, hide: boolean): void {
  for (let i = from; i <= to; i++) {
    if (hide) set.add(i);
    else set.delete(i);
  }
}

/** A 2-D read, refused up front when its answer could not fit under the payload limit. */
function checkedRead<T>(o: RangeObj, cx: ExecContext, read: () => T): T {
  assertReadable(o.rect, cx.wb.payloadLimitBytes);
  return read();
}

export function usedRangeWithin(o: RangeObj, valuesOnly: boolean): RangeObj | null {
  const used = o.sheet.usedRect(valuesOnly);
  const cut = used ? intersect(used, o.rect) : null;
  return cut ? new RangeObj(o.sheet, cut) : null;
}

/**
 * Range.find: the first cell (by rows, or from the end with "Backwards") whose value's text
 * matches; a one-cell range searches the whole sheet after that cell (d.ts). Not found is
 * ItemNotFound ("Find a string using the Excel JavaScript API": find throws it, while
 * findOrNullObject answers a null object).
 */
function findCell(o: RangeObj, args: unknown[], cx: ExecContext): RangeObj | null {
  const text = argString(args[0], "text");
  const criteria = (args[1] ?? {}) as { completeMatch?: boolean; matchCase?: boolean; searchDirection?: string };
  const fold = (s: string) => (criteria.matchCase ? s : s.toLowerCase());
  const wanted = fold(text);
  const single = rectCells(o.rect) === 1;
  const used = o.sheet.usedRect(true);
  const area = used && (single ? used : intersect(used, o.rect));
  if (!area) return null;
  const cells: Array<[number, number]> = [];
  for (let r = area.r0; r <= area.r1; r++) for (let c = area.c0; c <= area.c1; c++) cells.push([r, c]);
  if (criteria.searchDirection === "Backwards") cells.reverse();
  const start = single ? cells.findIndex(([r, c]) => (criteria.searchDirection === "Backwards" ? r < o.rect.r0 || (r === o.rect.r0 && c < o.rect.c0) : r > o.rect.r0 || (r === o.rect.r0 && c > o.rect.c0))) : 0;
  for (const [r, c] of start < 0 ? [] : cells.slice(start)) {
    const v = cellValue(cx.wb, o.sheet, r, c);
    if (v === null || v === "") continue;
    const shown = fold(typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));
    if (criteria.completeMatch ? shown === wanted : shown.includes(wanted)) return new RangeObj(o.sheet, { r0: r, r1: r, c0: c, c1: c });
  }
  return null;
}

export const RangeType = defineType<RangeObj>("Range", {
  keepable: true,
  assertAlive: (o) => o.assertAlive(),
  scalars: {
    Address: { get: (o) => formatAddress(o.sheet.name, o.rect) },
    AddressLocal: { get: (o) => formatAddress(o.sheet.name, o.rect) },
    CellCount: { get: (o) => rectCells(o.rect) },
    RowCount: { get: (o) => rectRows(o.rect) },
    ColumnCount: { get: (o) => rectCols(o.rect) },
    RowIndex: { get: (o) => o.rect.r0 },
    ColumnIndex: { get: (o) => o.rect.c0 },
    IsEntireColumn: { get: (o) => isEntireColumns(o.rect) },
    IsEntireRow: { get: (o) => isEntireRows(o.rect) },
    Values: {
      get: (o, cx) => checkedRead(o, cx, () => readValues(cx.wb, o.sheet, o.rect)),
      set: (o, v, cx) => writeContent(cx.wb, o.sheet, o.rect, v, "values"),
    },
    Formulas: {
      get: (o, cx) => checkedRead(o, cx, () => readFormulas(o.sheet, o.rect)),
      set: (o, v, cx) => writeContent(cx.wb, o.sheet, o.rect, v, "formulas"),
    },
    FormulasLocal: {
      get: (o, cx) => checkedRead(o, cx, () => readFormulas(o.sheet, o.rect)),
      set: (o, v, cx) => writeContent(cx.wb, o.sheet, o.rect, v, "formulasLocal"),
    },
    NumberFormat: {
      get: (o, cx) => checkedRead(o, cx, () => readNumberFormats(o.sheet, o.rect)),
      set: (o, v) => writeNumberFormat(o.sheet, o.rect, v),
    },
    NumberFormatLocal: {
      get: (o, cx) => checkedRead(o, cx, () => readNumberFormats(o.sheet, o.rect)),
      set: (o, v) => writeNumberFormat(o.sheet, o.rect, v),
    },
    ValueTypes: { get: (o, cx) => checkedRead(o, cx, () => readValueTypes(cx.wb, o.sheet, o.rect)) },
    RowHidden: {
      get: (o) => hiddenState(o.sheet.hiddenRows, o.rect.r0, o.rect.r1),
      set: (o, v) => {
        assertAllowed(o.sheet, "allowFormatRows");
        setHidden(o.sheet.hiddenRows, o.rect.r0, o.rect.r1, argBool(v, "rowHidden"));
      },
    },
    ColumnHidden: {
      get: (o) => hiddenState(o.sheet.hiddenCols, o.rect.c0, o.rect.c1),
      set: (o, v) => {
        assertAllowed(o.sheet, "allowFormatColumns");
        setHidden(o.sheet.hiddenCols, o.rect.c0, o.rect.c1, argBool(v, "columnHidden"));
      },
    },
    Hidden: {
      get: (o) =>
        hiddenState(o.sheet.hiddenRows, o.rect.r0, o.rect.r1) === true ||
        hiddenState(o.sheet.hiddenCols, o.rect.c0, o.rect.c1) === true,
    },
  },
  navigation: {
    Format: (o) => new RangeFormatObj(o),
    Worksheet: (o) => new WorksheetObj(o.sheet),
    DataValidation: (o) => new DataValidationObj(o),
    ConditionalFormats: (o) => new ConditionalFormatCollectionObj(o),
  },
  methods: {
    GetCell: (o, [row, col]) => rangeOf(o.sheet, cell(o, argInt(row, "row", -MAX_ROWS), argInt(col, "column", -MAX_COLS))),
    GetRow: (o, [row]) => {
      const i = argInt(row, "row");
      return rangeOf(o.sheet, { r0: o.rect.r0 + i, r1: o.rect.r0 + i, c0: o.rect.c0, c1: o.rect.c1 });
    },
    GetColumn: (o, [col]) => {
      const j = argInt(col, "column");
      return rangeOf(o.sheet, { r0: o.rect.r0, r1: o.rect.r1, c0: o.rect.c0 + j, c1: o.rect.c0 + j });
    },
    GetEntireColumn: (o) => rangeOf(o.sheet, { r0: 0, r1: MAX_ROWS - 1, c0: o.rect.c0, c1: o.rect.c1 }),
    GetEntireRow: (o) => rangeOf(o.sheet, { r0: o.rect.r0, r1: o.rect.r1, c0: 0, c1: MAX_COLS - 1 }),
    GetLastCell: (o) => rangeOf(o.sheet, { r0: o.rect.r1, r1: o.rect.r1, c0: o.rect.c1, c1: o.rect.c1 }),
    GetLastRow: (o) => rangeOf(o.sheet, { ...o.rect, r0: o.rect.r1 }),
    GetLastColumn: (o) => rangeOf(o.sheet, { ...o.rect, c0: o.rect.c1 }),
    GetOffsetRange: (o, [dr, dc]) => {
      const r = argInt(dr, "rowOffset", -MAX_ROWS);
      const c = argInt(dc, "columnOffset", -MAX_COLS);
      return rangeOf(o.sheet, { r0: o.rect.r0 + r, r1: o.rect.r1 + r, c0: o.rect.c0 + c, c1: o.rect.c1 + c });
    },
    GetResizedRange: (o, [dr, dc]) => {
      const r = argInt(dr, "deltaRows", -MAX_ROWS);
      const c = argInt(dc, "deltaColumns", -MAX_COLS);
      return rangeOf(o.sheet, { ...o.rect, r1: o.rect.r1 + r, c1: o.rect.c1 + c });
    },
    GetAbsoluteResizedRange: (o, [rows, cols]) =>
      rangeOf(o.sheet, {
        r0: o.rect.r0,
        c0: o.rect.c0,
        r1: o.rect.r0 + argInt(rows, "numRows", 1) - 1,
        c1: o.rect.c0 + argInt(cols, "numColumns", 1) - 1,
      }),
    GetRowsAbove: (o, [count]) => {
      const n = count === undefined || count === null ? 1 : argInt(count, "count", 1);
      return rangeOf(o.sheet, { ...o.rect, r0: o.rect.r0 - n, r1: o.rect.r0 - 1 });
    },
    GetRowsBelow: (o, [count]) => {
      const n = count === undefined || count === null ? 1 : argInt(count, "count", 1);
      return rangeOf(o.sheet, { ...o.rect, r0: o.rect.r1 + 1, r1: o.rect.r1 + n });
    },
    GetColumnsBefore: (o, [count]) => {
      const n = count === undefined || count === null ? 1 : argInt(count, "count", 1);
      return rangeOf(o.sheet, { ...o.rect, c0: o.rect.c0 - n, c1: o.rect.c0 - 1 });
    },
    GetColumnsAfter: (o, [count]) => {
      const n = count === undefined || count === null ? 1 : argInt(count, "count", 1);
      return rangeOf(o.sheet, { ...o.rect, c0: o.rect.c1 + 1, c1: o.rect.c1 + n });
    },
    GetBoundingRect: (o, [other], cx) => {
      const b = sameSheetRect(o, rangeArgument(cx.wb, other, o.sheet));
      return rangeOf(o.sheet, {
        r0: Math.min(o.rect.r0, b.r0),
        c0: Math.min(o.rect.c0, b.c0),
        r1: Math.max(o.rect.r1, b.r1),
        c1: Math.max(o.rect.c1, b.c1),
      });
    },
    GetIntersection: (o, [other], cx) => {
      const cut = intersect(o.rect, sameSheetRect(o, rangeArgument(cx.wb, other, o.sheet)));
      if (!cut) throw itemNotFound("the ranges do not intersect");
      return new RangeObj(o.sheet, cut);
    },
    GetIntersectionOrNullObject: (o, [other], cx): ApiObject => {
      const cut = intersect(o.rect, sameSheetRect(o, rangeArgument(cx.wb, other, o.sheet)));
      return cut ? new RangeObj(o.sheet, cut) : NULL_OBJECT;
    },
    GetUsedRange: (o, [valuesOnly]) => {
      const used = usedRangeWithin(o, valuesOnly === true);
      if (!used) throw itemNotFound("the range has no used cells");
      return used;
    },
    Find: (o, args, cx) => {
      const found = findCell(o, args, cx);
      if (!found) throw itemNotFound(`no cell matches "${String(args[0])}"`);
      return found;
    },
    FindOrNullObject: (o, args, cx): ApiObject => findCell(o, args, cx) ?? NULL_OBJECT,
    GetUsedRangeOrNullObject: (o, [valuesOnly]) => usedRangeWithin(o, valuesOnly === true) ?? NULL_OBJECT,
    Clear: (o, [applyTo], cx) => {
      const what = applyTo === undefined || applyTo === null ? "All" : argEnum(applyTo, ["All", "Formats", "Contents"] as const, "applyTo");
      if (what !== "Formats") clearContents(cx.wb, o.sheet, o.rect);
      if (what !== "Contents") {
        assertFormattable(o.sheet, o.rect);
        o.sheet.resetStyles(o.rect);
      }
      return null;
    },
    Delete: (o, [shift], cx) => {
      const direction = argEnum(shift, ["Up", "Left"] as const, "shift");
      if (direction !== "Up" || !isEntireRows(o.rect)) throw notModelled("Range.delete", `${direction} of ${formatAddress(o.sheet.name, o.rect)} (only entire rows, shifted up, are)`);
      deleteRows(cx.wb, o.sheet, o.rect.r0, o.rect.r1);
      return null;
    },
    Select: (o, _args, cx) => {
      cx.wb.activate(o.sheet);
      o.sheet.selection = o.rect;
      o.sheet.moreSelectedAreas = [];
      return null;
    },
    Calculate: () => null,
    _ValidateArraySize: (o, [rows, cols]) => {
      if (rows !== rectRows(o.rect) || cols !== rectCols(o.rect)) {
        throw invalidArgument(`${String(rows)}x${String(cols)} does not match the range's ${rectRows(o.rect)}x${rectCols(o.rect)}`);
      }
      return null;
    },
  },
});
