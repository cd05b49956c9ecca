/** Defined names in the form ExcelJS writes: `Sheet!$A$1:$B$2` (sheet quoted when needed). */
import { formatAddress } from "../model/address";
import type { WorkbookModel } from "../model/workbook";
import { referencedRange } from "../api/range-args";

export function referencedRangeText(wb: WorkbookModel, formula: string): string | null {
  const r = referencedRange(wb, formula);
  return r ? formatAddress(r.sheet.name, r.rect, true) : null;
}
