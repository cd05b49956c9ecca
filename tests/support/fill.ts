import ExcelJS from "exceljs";
import { Report, STATUSES, Status, TaskList, reportKey } from "../../src/domain";

/**
 * Deterministic statuses for a spread of units and tasks, including blanks, so every
 * column of the roll-up gets non-trivial figures.
 */
export function sampleStatuses(list: TaskList, unitCount: number): Map<string, Status> {
  const choices: Array<Status | ""> = ["", ...STATUSES];
  const out = new Map<string, Status>();
  list.units.slice(0, unitCount).forEach((unit, ui) => {
    for (const task of list.tasks) {
      if (!task.units.includes(unit)) continue;
      const s = choices[(ui * 7 + task.id * 3) % choices.length];
      if (s) out.set(reportKey(task.id, unit), s);
    }
  });
  return out;
}

export const reportWith = (status: Report["status"], progress = ""): Report => ({
  status,
  progress,
  problems: "",
  nextSteps: "",
  evidence: "",
  reporter: "",
  reportDate: "",
});

/** Writes statuses into unit sheets the way a recipient does: find the row by 序号, type into 完成状态. */
export function fillStatuses(wb: ExcelJS.Workbook, sheetOfUnit: Map<string, string>, statuses: Map<string, Status>): void {
  for (const [key, status] of statuses) {
    const bar = key.indexOf("|");
    const id = Number(key.slice(0, bar));
    const ws = wb.getWorksheet(sheetOfUnit.get(key.slice(bar + 1))!)!;
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value === id) {
        row.getCell(7).value = status;
        found = true;
      }
    });
    if (!found) throw new Error(`task ${id} not on sheet ${ws.name}`);
  }
}
