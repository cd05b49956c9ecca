import { dueDate } from "../domain/deadline";
import { Task } from "../domain/types";
import { DEFAULT_VOCABULARY, KEY, Vocabulary, wordOf } from "../domain/vocabulary";
import { cellAddress, columnLetter, rangeAddress } from "./a1";
import { isoToSerial } from "./dates";
import { COLORS, DEFAULT_WARNING_DAYS, MASTER_COLUMNS, MASTER_FIRST_ROW, MASTER_HEADER_ROW, OVERDUE_MARK, masterCol, vocabularyHeader } from "./layout";
import { warningFormula, warningRowRules } from "./warning";
import { emptySheet, headerFormat, overdueRule, statusColourRules, titleFormat } from "./sheet-parts";
import { SheetBlueprint } from "./types";
import { UnitSheetRef, unitColumnRef } from "./unit-refs";
import { DATE_FORMAT, deadlineText } from "./unit-sheet";

const WIDTHS = [6, 60, 18, 30, 16, 12, 10, 12, 10, 10, 9, 12, 10, 14, 20];

/**
 * Right of the table, after one empty column, two helper blocks per task row, k-th cell for the
 * task's k-th unit: where the task's row is in that unit's sheet (MATCH on 序号), and the
 * status found there (INDEX). The counts read the status block of their own row.
 *
 * Why not COUNTIFS over each unit sheet per task: a status typed in a unit's sheet dirtied
 * every task of that unit, each scanning the whole sheet — time grew with the square of the
 * unit's tasks (5.4 s per edit in LibreOffice at 5,000 × 200). Now an edit dirties that unit's
 * status cells (one INDEX each) and their rows' counts; the positions depend on 序号 only and
 * are recomputed when a unit sorts or inserts rows, so the roll-up stays keyed by 序号 + unit.
 */
export const MASTER_HELPER_FIRST_COL = MASTER_COLUMNS.length + 1;

export function masterHelperColumns(tasks: readonly Task[]): { width: number; position: (k: number) => number; status: (k: number) => number } {
  const width = Math.max(1, ...tasks.map((t) => t.units.length));
  return { width, position: (k) => MASTER_HELPER_FIRST_COL + k, status: (k) => MASTER_HELPER_FIRST_COL + width + k };
}

export function masterSheet(
  name: string,
  listName: string,
  tasks: Task[],
  refs: ReadonlyMap<string, UnitSheetRef>,
  password?: string,
  warningDays = DEFAULT_WARNING_DAYS,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): SheetBlueprint {
  const word = (key: (typeof KEY)[keyof typeof KEY]) => wordOf(vocabulary, key);
  const sheet = emptySheet(name, "master");
  sheet.tabColor = COLORS.masterTab;
  const width = MASTER_COLUMNS.length;
  const at = (row: number, col: Parameters<typeof masterCol>[0]) => cellAddress(row, masterCol(col));
  sheet.cells.push([`${listName} — 任务总表（共 ${tasks.length} 项）`]);
  const helper = masterHelperColumns(tasks);
  const helperHeader: Array<string | null> = [null];
  for (let k = 0; k < helper.width; k++) helperHeader.push(`单位${k + 1}行`);
  for (let k = 0; k < helper.width; k++) helperHeader.push(`单位${k + 1}状态`);
  sheet.cells.push([...MASTER_COLUMNS.map((c) => vocabularyHeader(c, vocabulary)), ...helperHeader]);
  tasks.forEach((task, i) => {
    const row = MASTER_FIRST_ROW + i;
    const id = `$${at(row, "序号")}`;
    const units = at(row, "责任单位数");
    const done = at(row, `${KEY.done}单位数`);
    const progress = at(row, `${KEY.progress}单位数`);
    const late = at(row, `${KEY.late}单位数`);
    const standing = at(row, `${KEY.standing}单位数`);
    const status = at(row, "任务状态");
    const due = at(row, "截止日期");
    const dueIso = dueDate(task.deadline);
    const positions = task.units.map((u) => ({ f: `IFERROR(MATCH(${id},${unitColumnRef(refs.get(u)!, "序号")},0),"")` }));
    const statuses = task.units.map((u, k) => {
      const pos = `$${cellAddress(row, helper.position(k))}`;
      return { f: `IF(ISNUMBER(${pos}),INDEX(${unitColumnRef(refs.get(u)!, "完成状态")},${pos})&"","")` };
    });
    const pad = (cells: Array<{ f: string }>) => [...cells, ...Array<null>(helper.width - cells.length).fill(null)];
    const statusBlock = `$${columnLetter(helper.status(0))}${row}:$${columnLetter(helper.status(helper.width - 1))}${row}`;
    const count = (key: (typeof KEY)[keyof typeof KEY]) => ({ f: `COUNTIF(${statusBlock},"${word(key)}")` });
    sheet.cells.push([
      task.id,
      task.text,
      task.units[0],
      task.units.slice(1).join("、"),
      deadlineText(task),
      dueIso ? isoToSerial(dueIso) : null,
      task.units.length,
      count(KEY.done),
      { f: `IF(${units}=0,0,${done}/${units})` },
      {
        f:
          `IF(${done}=${units},"${word(KEY.done)}",IF(${late}>0,"${word(KEY.late)}",` +
          `IF(AND(${standing}>0,${done}+${standing}=${units}),"${word(KEY.standing)}",` +
          `IF(${progress}+${done}+${standing}>0,"${word(KEY.progress)}","${word(KEY.notStarted)}"))))`,
      },
      { f: warningFormula(due, status, warningDays, vocabulary) },
      count(KEY.progress),
      count(KEY.late),
      count(KEY.standing),
      task.section ?? null,
      null,
      ...pad(positions),
      ...pad(statuses),
    ]);
  });
  const last = MASTER_FIRST_ROW + Math.max(tasks.length, 1) - 1;
  const body = (col: Parameters<typeof masterCol>[0]) => rangeAddress(MASTER_FIRST_ROW, masterCol(col), last, masterCol(col));
  sheet.columnWidths = [...WIDTHS, 2, ...Array<number>(helper.width).fill(7), ...Array<number>(helper.width).fill(8)];
  sheet.rowHeights = { 1: 24, 2: 30 };
  sheet.formats.push(
    titleFormat(width),
    headerFormat(MASTER_HEADER_ROW, width),
    { range: rangeAddress(MASTER_FIRST_ROW, 0, last, width - 1), style: { wrap: true, vAlign: "top", border: true } },
    { range: body("截止日期"), style: { numberFormat: DATE_FORMAT } },
    { range: body("完成进度"), style: { numberFormat: "0%" } },
    { range: rangeAddress(MASTER_FIRST_ROW, masterCol("责任单位数"), last, masterCol(`${KEY.standing}单位数`)), style: { hAlign: "center" } },
    // The helper blocks are working cells, shown small and grey rather than hidden (no hidden columns in every renderer).
    { range: rangeAddress(MASTER_HEADER_ROW, MASTER_HELPER_FIRST_COL, last, helper.status(helper.width - 1)), style: { fontColor: "#808080", fontSize: 9 } },
  );
  sheet.conditionalFormats.push(
    ...statusColourRules(body("任务状态"), MASTER_FIRST_ROW, masterCol("任务状态"), vocabulary),
    overdueRule(body("时限预警"), MASTER_FIRST_ROW, masterCol("时限预警"), OVERDUE_MARK),
    ...warningRowRules(rangeAddress(MASTER_FIRST_ROW, 0, last, masterCol("截止日期")), MASTER_FIRST_ROW, masterCol("时限预警"), masterCol("任务状态"), vocabulary),
  );
  sheet.freeze = { rows: MASTER_HEADER_ROW, columns: 2 };
  sheet.protection = { password, unlocked: [] };
  sheet.print = { orientation: "landscape", titleRows: `$1:$${MASTER_HEADER_ROW}` };
  return sheet;
}

export function masterLastRow(taskCount: number): number {
  return MASTER_FIRST_ROW + Math.max(taskCount, 1) - 1;
}
