import { deadlineLabel, dueDate } from "../domain/deadline";
import { EMPTY_REPORT, Report, Reports, reportKey } from "../domain/reports";
import { DEFAULT_VOCABULARY, Vocabulary, wordOf, wordsOf } from "../domain/vocabulary";
import { assertSheetSafeUnits } from "../domain/list-units";
import { Task, roleOf } from "../domain/types";
import { cellAddress, rangeAddress } from "./a1";
import { isoToSerial } from "./dates";
import {
  COLORS,
  DEFAULT_WARNING_DAYS,
  OVERDUE_MARK,
  UNIT_COLUMNS,
  UNIT_FIRST_ROW,
  UNIT_HEADER_ROW,
  UNIT_INPUT_FIRST,
  UNIT_INPUT_LAST,
  unitCol,
  unitHeaders,
} from "./layout";
import { emptySheet, headerFormat, overdueRule, statusColourRules, titleFormat } from "./sheet-parts";
import { Cell, SheetBlueprint } from "./types";
import { warningFormula, warningRowRules } from "./warning";

const WIDTHS = [6, 60, 10, 28, 16, 12, 11, 40, 30, 30, 24, 10, 12, 9];
export const DATE_FORMAT = "yyyy-mm-dd";

/** Report dates are kept as typed unless they are plain ISO dates, which become real dates. */
function reportDateCell(value: string): Cell {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? isoToSerial(value) : value || null;
}

function overdueFormula(row: number, warningDays: number, vocabulary: Vocabulary): string {
  return warningFormula(cellAddress(row, unitCol("截止日期")), cellAddress(row, unitCol("完成状态")), warningDays, vocabulary);
}

/** The start of a unit sheet's title (A1): how a staged copy is recognised after an interrupted write. */
export const unitSheetTitle = (unit: string): string => `${unit} 任务落实情况填报表`;
/** Deadline wording the list gave but no date could be read from (a standing task's "no end", "every year"). */
export const DEADLINE_INFO = "完成时限";

export function deadlineText(task: Task): string {
  return task.info?.[DEADLINE_INFO] ?? deadlineLabel(task.deadline);
}

/**
 * The task's part of the plan (所属部分) and the list's extra columns (牵头领导, 备注, 原序号…)
 * present in these tasks, in order of first appearance; a list column named like a fixed
 * column gets "（清单）" appended so readers never confuse the two.
 */
export function infoColumns(tasks: readonly Task[], fixed: readonly string[] = UNIT_COLUMNS): Array<{ key: string; header: string; value: (t: Task) => string | null }> {
  const keys: string[] = [];
  for (const t of tasks) for (const k of Object.keys(t.info ?? {})) if (k !== DEADLINE_INFO && !keys.includes(k)) keys.push(k);
  const section = tasks.some((t) => t.section) ? [{ key: SECTION_INFO, header: SECTION_INFO, value: (t: Task) => t.section || null }] : [];
  const header = (key: string) => ((UNIT_COLUMNS as readonly string[]).includes(key) || fixed.includes(key) || key === SECTION_INFO ? `${key}（清单）` : key);
  return [...section, ...keys.map((key) => ({ key, header: header(key), value: (t: Task) => t.info?.[key] || null }))];
}

/** The part of the plan a task falls under, as on 任务总表. */
const SECTION_INFO = "所属部分";

export function unitSheet(
  unit: string,
  sheetName: string,
  tasks: Task[],
  reports: Reports | undefined,
  password?: string,
  warningDays = DEFAULT_WARNING_DAYS,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): SheetBlueprint {
  // The last gate before a sheet exists: never one for a fragment such as "县(市".
  assertSheetSafeUnits([unit]);
  const sheet = emptySheet(sheetName, "unit");
  sheet.unit = unit;
  sheet.tabColor = COLORS.unitTab;
  // Extra columns sit after the fixed ones, so every fixed column keeps its place; they are locked.
  const headers = unitHeaders(vocabulary);
  const extra = infoColumns(tasks, headers);
  const width = UNIT_COLUMNS.length + extra.length;
  const leads = tasks.filter((t) => roleOf(t, unit) === "牵头").length;
  sheet.cells.push([`${unitSheetTitle(unit)}（共 ${tasks.length} 项，牵头 ${leads} 项，配合 ${tasks.length - leads} 项）`]);
  sheet.cells.push([...headers, ...extra.map((c) => c.header)]);
  tasks.forEach((task, i) => {
    const row = UNIT_FIRST_ROW + i;
    const report: Report = reports?.get(reportKey(task.id, unit)) ?? EMPTY_REPORT;
    const due = dueDate(task.deadline);
    sheet.cells.push([
      task.id,
      task.text,
      roleOf(task, unit),
      task.units.filter((u) => u !== unit).join("、"),
      deadlineText(task),
      due ? isoToSerial(due) : null,
      report.status ? wordOf(vocabulary, report.status) : null,
      report.progress || null,
      report.problems || null,
      report.nextSteps || null,
      report.evidence || null,
      report.reporter || null,
      reportDateCell(report.reportDate),
      { f: overdueFormula(row, warningDays, vocabulary) },
      ...extra.map((c) => c.value(task)),
    ]);
  });
  const last = UNIT_FIRST_ROW + Math.max(tasks.length, 1) - 1;
  const body = (col: number) => rangeAddress(UNIT_FIRST_ROW, col, last, col);
  const statusCol = unitCol("完成状态");

  sheet.columnWidths = [...WIDTHS, ...extra.map(() => 18)];
  sheet.rowHeights = { 1: 24, 2: 30 };
  sheet.formats.push(
    titleFormat(width),
    headerFormat(UNIT_HEADER_ROW, width),
    { range: rangeAddress(UNIT_FIRST_ROW, 0, last, width - 1), style: { wrap: true, vAlign: "top", border: true } },
    { range: rangeAddress(UNIT_FIRST_ROW, UNIT_INPUT_FIRST, last, UNIT_INPUT_LAST), style: { fill: COLORS.input } },
    { range: body(unitCol("序号")), style: { hAlign: "center" } },
    { range: body(unitCol("本单位角色")), style: { hAlign: "center" } },
    { range: body(unitCol("截止日期")), style: { numberFormat: DATE_FORMAT } },
    { range: body(unitCol("填报日期")), style: { numberFormat: DATE_FORMAT } },
    { range: body(statusCol), style: { hAlign: "center" } },
    { range: body(unitCol("时限预警")), style: { hAlign: "center", bold: true } },
  );
  sheet.validations.push({
    range: body(statusCol),
    values: wordsOf(vocabulary),
    errorTitle: "完成状态无效",
    errorMessage: `请从下拉列表中选择：${wordsOf(vocabulary).join("、")}。`,
    prompt: "请选择完成状态",
  });
  sheet.conditionalFormats.push(
    ...statusColourRules(body(statusCol), UNIT_FIRST_ROW, statusCol, vocabulary),
    overdueRule(body(unitCol("时限预警")), UNIT_FIRST_ROW, unitCol("时限预警"), OVERDUE_MARK),
    ...warningRowRules(rangeAddress(UNIT_FIRST_ROW, 0, last, unitCol("截止日期")), UNIT_FIRST_ROW, unitCol("时限预警"), statusCol, vocabulary),
  );
  sheet.freeze = { rows: UNIT_HEADER_ROW, columns: 2 };
  sheet.protection = { password, unlocked: [rangeAddress(UNIT_FIRST_ROW, UNIT_INPUT_FIRST, last, UNIT_INPUT_LAST)] };
  // 14 columns on one A4 width print at about 40 %: two pages across, 序号 and 政策内容 on both.
  sheet.print = { orientation: "landscape", titleRows: `$1:$${UNIT_HEADER_ROW}`, titleColumns: "$A:$B", pagesWide: 2 };
  return sheet;
}

/** The last data row of a unit sheet with n tasks (formulas on other sheets span to it). */
export function unitLastRow(taskCount: number): number {
  return UNIT_FIRST_ROW + Math.max(taskCount, 1) - 1;
}
