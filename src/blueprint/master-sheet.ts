import { dueDate } from "../domain/deadline";
import { Task } from "../domain/types";
import { cellAddress, rangeAddress } from "./a1";
import { isoToSerial } from "./dates";
import { COLORS, DEFAULT_WARNING_DAYS, MASTER_COLUMNS, MASTER_FIRST_ROW, MASTER_HEADER_ROW, OVERDUE_MARK, masterCol } from "./layout";
import { warningFormula, warningRowRules } from "./warning";
import { emptySheet, headerFormat, overdueRule, statusColourRules, titleFormat } from "./sheet-parts";
import { SheetBlueprint } from "./types";
import { UnitSheetRef, countTaskStatus } from "./unit-refs";
import { DATE_FORMAT, deadlineText } from "./unit-sheet";

const WIDTHS = [6, 60, 18, 30, 16, 12, 10, 12, 10, 10, 9, 12, 10, 14, 20];

export function masterSheet(
  name: string,
  listName: string,
  tasks: Task[],
  refs: ReadonlyMap<string, UnitSheetRef>,
  password?: string,
  warningDays = DEFAULT_WARNING_DAYS,
): SheetBlueprint {
  const sheet = emptySheet(name, "master");
  sheet.tabColor = COLORS.masterTab;
  const width = MASTER_COLUMNS.length;
  const at = (row: number, col: Parameters<typeof masterCol>[0]) => cellAddress(row, masterCol(col));
  sheet.cells.push([`${listName} — 任务总表(共 ${tasks.length} 项)`]);
  sheet.cells.push([...MASTER_COLUMNS]);
  tasks.forEach((task, i) => {
    const row = MASTER_FIRST_ROW + i;
    const id = `$${at(row, "序号")}`;
    const units = at(row, "责任单位数");
    const done = at(row, "已完成单位数");
    const progress = at(row, "推进中单位数");
    const late = at(row, "滞后单位数");
    const standing = at(row, "长期坚持单位数");
    const status = at(row, "任务状态");
    const due = at(row, "截止日期");
    const dueIso = dueDate(task.deadline);
    sheet.cells.push([
      task.id,
      task.text,
      task.units[0],
      task.units.slice(1).join("、"),
      deadlineText(task),
      dueIso ? isoToSerial(dueIso) : null,
      task.units.length,
      { f: countTaskStatus(task, refs, id, "已完成") },
      { f: `IF(${units}=0,0,${done}/${units})` },
      {
        f:
          `IF(${done}=${units},"已完成",IF(${late}>0,"滞后",IF(AND(${standing}>0,${done}+${standing}=${units}),"长期坚持",` +
          `IF(${progress}+${done}+${standing}>0,"推进中","未启动"))))`,
      },
      { f: warningFormula(due, status, warningDays) },
      { f: countTaskStatus(task, refs, id, "推进中") },
      { f: countTaskStatus(task, refs, id, "滞后") },
      { f: countTaskStatus(task, refs, id, "长期坚持") },
      task.section ?? null,
    ]);
  });
  const last = MASTER_FIRST_ROW + Math.max(tasks.length, 1) - 1;
  const body = (col: Parameters<typeof masterCol>[0]) => rangeAddress(MASTER_FIRST_ROW, masterCol(col), last, masterCol(col));
  sheet.columnWidths = WIDTHS;
  sheet.rowHeights = { 1: 24, 2: 30 };
  sheet.formats.push(
    titleFormat(width),
    headerFormat(MASTER_HEADER_ROW, width),
    { range: rangeAddress(MASTER_FIRST_ROW, 0, last, width - 1), style: { wrap: true, vAlign: "top", border: true } },
    { range: body("截止日期"), style: { numberFormat: DATE_FORMAT } },
    { range: body("完成进度"), style: { numberFormat: "0%" } },
    { range: rangeAddress(MASTER_FIRST_ROW, masterCol("责任单位数"), last, masterCol("长期坚持单位数")), style: { hAlign: "center" } },
  );
  sheet.conditionalFormats.push(
    ...statusColourRules(body("任务状态"), MASTER_FIRST_ROW, masterCol("任务状态")),
    overdueRule(body("时限预警"), MASTER_FIRST_ROW, masterCol("时限预警"), OVERDUE_MARK),
    ...warningRowRules(rangeAddress(MASTER_FIRST_ROW, 0, last, masterCol("截止日期")), MASTER_FIRST_ROW, masterCol("时限预警"), masterCol("任务状态")),
  );
  sheet.freeze = { rows: MASTER_HEADER_ROW, columns: 2 };
  sheet.protection = { password, unlocked: [] };
  sheet.print = { orientation: "landscape", titleRows: `$1:$${MASTER_HEADER_ROW}` };
  return sheet;
}

export function masterLastRow(taskCount: number): number {
  return MASTER_FIRST_ROW + Math.max(taskCount, 1) - 1;
}
