/**
 * Reading and writing cell content and number formats with Excel's shape rules: a 2-D array
 * must match the range exactly, a single value fills every cell, `null` leaves a cell alone.
 */
import { Rect, rectCells, rectCols, rectRows } from "./address";
import { CellScalar, interpretInput } from "./cell-input";
import { HostError, invalidArgument } from "./errors";
import { assertContentEditable, assertFormattable } from "./protection";
import type { WorkbookModel } from "./workbook";
import type { SheetModel } from "./worksheet";

/** Rough lower bound of the JSON bytes of a cell in a 2-D answer (`"",`). */
const MIN_BYTES_PER_CELL = 3;

/** Cell-by-cell input: a function giving the argument for (i, j), checked against the shape. */
export function cellArgument(input: unknown, rect: Rect, property: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = rectRows(rect);
  const cols = rectCols(rect);
  if (input.length !== rows || !input.every((row) => Array.isArray(row) && row.length === cols)) {
    const got = input.length > 0 && Array.isArray(input[0]) ? `${input.length}x${(input[0] as unknown[]).length}` : "a non 2-D array";
    throw invalidArgument(`${property}: ${got} does not match the range's ${rows}x${cols}`);
  }
  return (i, j) => (input[i] as unknown[])[j];
}

export function writeContent(wb: WorkbookModel, sheet: SheetModel, rect: Rect, input: unknown, property: string): void {
  const arg = cellArgument(input, rect, property);
  assertContentEditable(sheet, rect);
  const isParsable = (f: string): boolean => wb.engine.isParsable(f);
  if (!Array.isArray(input) && (input === "" || input === null) && rectCells(rect) > 1) {
    // clearing a large range: only existing cells can change
    if (input === "") {
      sheet.forEachCell(rect, (_cell, r, c) => sheet.putValue(r, c, undefined));
      wb.engine.cellsChanged(sheet, rect);
    }
    return;
  }
  for (let i = 0, r = rect.r0; r <= rect.r1; i++, r++) {
    for (let j = 0, c = rect.c0; c <= rect.c1; j++, c++) {
      const style = sheet.styleAt(r, c);
      const parsed = interpretInput(arg(i, j), style.get("numberFormat") === "@", isParsable);
      switch (parsed.kind) {
        case "skip":
          break;
        case "empty":
          sheet.putValue(r, c, undefined);
          break;
        case "formula":
          sheet.putFormula(r, c, parsed.formula);
          break;
        case "value":
          sheet.putValue(r, c, parsed.value);
          if (parsed.impliedFormat && style.get("numberFormat") === "General") {
            sheet.ensureCell(r, c).s = style.with("numberFormat", parsed.impliedFormat);
          }
          break;
      }
    }
  }
  wb.engine.cellsChanged(sheet, rect);
}

export function writeNumberFormat(sheet: SheetModel, rect: Rect, input: unknown): void {
  const arg = cellArgument(input, rect, "numberFormat");
  assertFormattable(sheet, rect);
  if (!Array.isArray(input)) {
    if (input === null) return;
    if (typeof input !== "string") throw invalidArgument("numberFormat must be text");
    sheet.setStyleProp(rect, "numberFormat", input);
    return;
  }
  for (let i = 0, r = rect.r0; r <= rect.r1; i++, r++) {
    for (let j = 0, c = rect.c0; c <= rect.c1; j++, c++) {
      const v = arg(i, j);
      if (v === null) continue;
      if (typeof v !== "string") throw invalidArgument("numberFormat entries must be text");
      sheet.setStyleProp({ r0: r, c0: c, r1: r, c1: c }, "numberFormat", v);
    }
  }
}

/** "A range is limited to 5,000,000 cells for read operations" (Resource limits and performance optimization for Office Add-ins). */
export const MAX_READ_CELLS = 5_000_000;

/**
 * Refuses, before building it, a 2-D answer that cannot fit under the payload limit or passes
 * the documented cell limit (the docs name no error code for the latter; the host uses the
 * payload code for both).
 */
export function assertReadable(rect: Rect, limitBytes: number): void {
  if (rectCells(rect) > MAX_READ_CELLS || rectCells(rect) * MIN_BYTES_PER_CELL > limitBytes) {
    throw new HostError("ResponsePayloadSizeLimitExceeded");
  }
}

function grid<T>(rect: Rect, cell: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array(rectRows(rect));
  for (let i = 0, r = rect.r0; r <= rect.r1; i++, r++) {
    const row: T[] = new Array(rectCols(rect));
    for (let j = 0, c = rect.c0; c <= rect.c1; j++, c++) row[j] = cell(r, c);
    out[i] = row;
  }
  return out;
}

export function cellValue(wb: WorkbookModel, sheet: SheetModel, r: number, c: number): CellScalar {
  const cell = sheet.getCell(r, c);
  if (!cell) return "";
  if (cell.f !== undefined) return wb.engine.valueOf(sheet, r, c);
  return cell.v ?? "";
}

export const readValues = (wb: WorkbookModel, sheet: SheetModel, rect: Rect): CellScalar[][] =>
  grid(rect, (r, c) => cellValue(wb, sheet, r, c));

export const readFormulas = (sheet: SheetModel, rect: Rect): CellScalar[][] =>
  grid(rect, (r, c) => {
    const cell = sheet.getCell(r, c);
    return cell?.f ?? cell?.v ?? "";
  });

export const readNumberFormats = (sheet: SheetModel, rect: Rect): string[][] =>
  grid(rect, (r, c) => sheet.styleAt(r, c).get("numberFormat"));

export const readValueTypes = (wb: WorkbookModel, sheet: SheetModel, rect: Rect): string[][] =>
  grid(rect, (r, c) => {
    const cell = sheet.getCell(r, c);
    if (!cell || (cell.f === undefined && (cell.v === undefined || cell.v === ""))) return "Empty";
    const v = cellValue(wb, sheet, r, c);
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    if (cell.f !== undefined && /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|CYCLE!|ERROR!|SPILL!)$/.test(v)) return "Error";
    return v === "" && cell.f === undefined ? "Empty" : "String";
  });

export function clearContents(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  assertContentEditable(sheet, rect);
  sheet.forEachCell(rect, (_cell, r, c) => sheet.putValue(r, c, undefined));
  wb.engine.cellsChanged(sheet, rect);
}
