/**
 * What a protected sheet refuses, with Excel's AccessDenied. Locking is decided per cell by
 * the effective format's `locked` (true unless the add-in unlocked it).
 */
import { Rect } from "./address";
import { accessDenied } from "./errors";
import type { ProtectionOptions } from "./sheet-features";
import type { SheetModel } from "./worksheet";

export function anyLocked(sheet: SheetModel, rect: Rect): boolean {
  for (const s of sheet.distinctStyles(rect)) if (s.get("locked")) return true;
  return false;
}

/** Values, formulas, clearing contents. */
export function assertContentEditable(sheet: SheetModel, rect: Rect): void {
  if (sheet.protection.protected && anyLocked(sheet, rect)) throw accessDenied();
}

/** Cell formats (number format, font, fill, alignment): unlocked cells stay formattable. */
export function assertFormattable(sheet: SheetModel, rect: Rect): void {
  const p = sheet.protection;
  if (p.protected && !p.options.allowFormatCells && anyLocked(sheet, rect)) throw accessDenied();
}

export function assertAllowed(sheet: SheetModel, option: keyof ProtectionOptions): void {
  const p = sheet.protection;
  if (p.protected && p.options[option] !== true) throw accessDenied();
}

/** Locking, data validation and conditional formats cannot change at all while protected. */
export function assertUnprotected(sheet: SheetModel): void {
  if (sheet.protection.protected) throw accessDenied();
}
