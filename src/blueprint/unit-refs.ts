import { absColumn } from "./a1";
import { UNIT_FIRST_ROW, UnitColumn, unitCol } from "./layout";
import { unitLastRow } from "./unit-sheet";

/** Where each unit's sheet is and how far its data runs: what cross-sheet formulas need. */
export interface UnitSheetRef {
  unit: string;
  sheet: string;
  taskCount: number;
}

export function unitColumnRef(ref: UnitSheetRef, column: UnitColumn): string {
  return absColumn(ref.sheet, unitCol(column), UNIT_FIRST_ROW, unitLastRow(ref.taskCount));
}
