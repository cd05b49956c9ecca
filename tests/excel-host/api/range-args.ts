/** Turning address strings and range arguments into range handles, as Excel resolves them. */
import { Rect, parseRef, splitSheetQualifier, MAX_COLS, MAX_ROWS } from "../model/address";
import { invalidArgument } from "../model/errors";
import type { NamedItemModel, WorkbookModel } from "../model/workbook";
import type { SheetModel } from "../model/worksheet";
import { RangeObj } from "./objects";

export function findName(wb: WorkbookModel, name: string): NamedItemModel | undefined {
  const key = name.toUpperCase();
  return wb.names.find((n) => n.name.toUpperCase() === key);
}

/** The range a reference formula such as `='汇总'!$A$1:$A$5` (or a name) points at, if any. */
export function referencedRange(wb: WorkbookModel, formula: string, defaultSheet?: SheetModel): RangeObj | null {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  let parts: { sheet: string | null; ref: string };
  try {
    parts = splitSheetQualifier(text);
  } catch {
    return null;
  }
  const rect = parseRef(parts.ref);
  if (rect) {
    const sheet = parts.sheet === null ? defaultSheet : wb.findSheet(parts.sheet);
    return sheet ? new RangeObj(sheet, rect) : null;
  }
  if (parts.sheet === null) {
    const named = findName(wb, text.trim());
    if (named) return referencedRange(wb, named.formula);
  }
  return null;
}

export const MAX_ADDRESS_LENGTH = 8192;

/** `worksheet.getRange(address)`: this sheet's A1 reference, or a name pointing into it. */
export function sheetRange(wb: WorkbookModel, sheet: SheetModel, address: unknown): RangeObj {
  if (address === undefined || address === null || address === "") {
    return new RangeObj(sheet, { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 });
  }
  if (typeof address !== "string") throw invalidArgument("address must be a string");
  // Worksheet.getRange: "The address has a limit of 8192 characters." (@types/office-js)
  if (address.length > MAX_ADDRESS_LENGTH) throw invalidArgument(`address of ${address.length} characters, over ${MAX_ADDRESS_LENGTH}`);
  const r = referencedRange(wb, address, sheet);
  if (!r) throw invalidArgument(`not a valid address: ${address}`);
  if (r.sheet !== sheet) throw invalidArgument(`${address} is not on sheet ${sheet.name}`);
  return r;
}

/** An argument that may be a Range (by reference) or an address on `sheet`. */
export function rangeArgument(wb: WorkbookModel, arg: unknown, sheet: SheetModel): RangeObj {
  if (arg instanceof RangeObj) return arg;
  if (typeof arg === "string") return sheetRange(wb, sheet, arg);
  throw invalidArgument("expected a Range or an address");
}

/** A workbook-level address such as `Sheet1!A1:B2` (tables.add, names). */
export function workbookRange(wb: WorkbookModel, arg: unknown): RangeObj {
  if (arg instanceof RangeObj) return arg;
  if (typeof arg === "string") {
    const r = referencedRange(wb, arg, wb.activeSheet ?? undefined);
    if (r) return r;
  }
  throw invalidArgument(`not a valid range: ${String(arg)}`);
}

export function sameSheetRect(base: RangeObj, other: RangeObj): Rect {
  if (other.sheet !== base.sheet) throw invalidArgument("ranges are on different sheets");
  return other.rect;
}
