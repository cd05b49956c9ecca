import { Task } from "../domain/types";
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

/** Counts, over a task's units, the rows with this task id and this status (keyed by id, not row). */
export function countTaskStatus(task: Task, refs: ReadonlyMap<string, UnitSheetRef>, idCell: string, status: string): string {
  return task.units
    .map((u) => {
      const ref = refs.get(u)!;
      return `COUNTIFS(${unitColumnRef(ref, "序号")},${idCell},${unitColumnRef(ref, "完成状态")},"${status}")`;
    })
    .join("+");
}
