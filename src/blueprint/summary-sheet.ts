import { absColumn, cellAddress, quoteSheet, rangeAddress } from "./a1";
import {
  COLORS,
  MASTER_FIRST_ROW,
  SUMMARY_OVERALL_FIRST_ROW,
  SUMMARY_OVERALL_LABELS,
  SUMMARY_UNIT_COLUMNS,
  SHEET,
  SUMMARY_UNIT_HEADER_ROW,
  SummaryUnitColumn,
  masterCol,
  summaryCol,
  vocabularyHeader,
} from "./layout";
import { DEFAULT_VOCABULARY, KEY, STATUS_KEYS, StatusKey, Vocabulary, wordOf } from "../domain/vocabulary";
import { NOT_REPORTED } from "../domain/rollup";
import { masterLastRow } from "./master-sheet";
import { TREND_COLUMN, TREND_HEADER } from "./history-sheet";
import { TREND_PERIODS } from "../domain/history";
import { emptySheet, headerFormat, titleFormat } from "./sheet-parts";
import { Cell, SheetBlueprint } from "./types";
import { UnitSheetRef, unitColumnRef } from "./unit-refs";

/** B holds the update time (yyyy-mm-dd hh:mm) above 完成率: wide enough not to clip it. */
const WIDTHS = [28, 17, 8, 10, 8, 8, 8, 8, 9, 8, 8, 9, 8];

export interface SummaryInput {
  name: string;
  listName: string;
  masterName: string;
  taskCount: number;
  units: UnitSheetRef[];
  /** Text shown as the last refresh time; the add-in restamps it. */
  stamp: string;
  password?: string;
  /** Show the trend table (formulas into 历次汇总's trend block). */
  trend?: boolean;
  /** The tracker's status words (default: ours). */
  vocabulary?: Vocabulary;
}

/** Where the trend table sits on 汇总: its header row, then TREND_PERIODS rows. */
export function summaryTrendHeaderRow(unitCount: number): number {
  return summaryUnitRow(Math.max(unitCount, 1) - 1) + 3;
}

export function summaryUnitRow(index: number): number {
  return SUMMARY_UNIT_HEADER_ROW + 1 + index;
}

export function summarySheet(input: SummaryInput): SheetBlueprint {
  const sheet = emptySheet(input.name, "summary");
  sheet.tabColor = COLORS.summaryTab;
  const width = SUMMARY_UNIT_COLUMNS.length;
  const vocabulary = input.vocabulary ?? DEFAULT_VOCABULARY;
  const word = (key: StatusKey) => wordOf(vocabulary, key);
  type Overall = (typeof SUMMARY_OVERALL_LABELS)[number];
  const doneTasks: Overall = `${KEY.done}任务数`;
  const standingTasks: Overall = `${KEY.standing}任务数`;
  const doneAssignments: Overall = `${KEY.done}分工数`;
  const masterRange = (col: Parameters<typeof masterCol>[0]) =>
    absColumn(input.masterName, masterCol(col), MASTER_FIRST_ROW, masterLastRow(input.taskCount));
  const firstUnit = summaryUnitRow(0);
  const lastUnit = summaryUnitRow(Math.max(input.units.length, 1) - 1);
  const unitTotal = (col: SummaryUnitColumn) =>
    `SUM(${rangeAddress(firstUnit, summaryCol(col), lastUnit, summaryCol(col))})`;
  const overall = (label: (typeof SUMMARY_OVERALL_LABELS)[number]) =>
    cellAddress(SUMMARY_OVERALL_FIRST_ROW + SUMMARY_OVERALL_LABELS.indexOf(label), 1);

  const formulas: Record<Overall, string> = {
    任务总数: `COUNT(${masterRange("序号")})`,
    [doneTasks]: `COUNTIF(${masterRange("任务状态")},"${word(KEY.done)}")`,
    [standingTasks]: `COUNTIF(${masterRange("任务状态")},"${word(KEY.standing)}")`,
    任务完成率: `IF(${overall("任务总数")}-${overall(standingTasks)}=0,"",${overall(doneTasks)}/(${overall("任务总数")}-${overall(standingTasks)}))`,
    责任分工总数: unitTotal("任务数"),
    [doneAssignments]: unitTotal(KEY.done),
    分工完成率: `IF(${overall("责任分工总数")}-${unitTotal(KEY.standing)}=0,"",${overall(doneAssignments)}/(${overall("责任分工总数")}-${unitTotal(KEY.standing)}))`,
    逾期任务数: `COUNTIF(${masterRange("时限预警")},"逾期")`,
    逾期分工数: unitTotal("逾期"),
    即将到期任务数: `COUNTIF(${masterRange("时限预警")},"即将到期")`,
  };

  sheet.cells.push([`${input.listName} — 落实情况汇总`]);
  sheet.cells.push(["更新时间", input.stamp, "统计日期", { f: "TODAY()" }]);
  sheet.cells.push([]);
  sheet.cells.push(["总体情况"]);
  for (const label of SUMMARY_OVERALL_LABELS) sheet.cells.push([vocabularyHeader(label, vocabulary), { f: formulas[label] }]);
  while (sheet.cells.length < SUMMARY_UNIT_HEADER_ROW - 1) sheet.cells.push([]);
  sheet.cells.push(SUMMARY_UNIT_COLUMNS.map((c) => vocabularyHeader(c, vocabulary)));
  input.units.forEach((ref, i) => {
    const row = summaryUnitRow(i);
    const c = (col: SummaryUnitColumn) => cellAddress(row, summaryCol(col));
    const ids = unitColumnRef(ref, "序号");
    const count = (column: "完成状态" | "本单位角色" | "时限预警", value: string) =>
      ({ f: `COUNTIFS(${ids},">0",${unitColumnRef(ref, column)},"${value}")` }) as Cell;
    const cells: Record<SummaryUnitColumn, Cell> = {
      责任单位: ref.unit,
      完成率: { f: `IF(${c("任务数")}-${c(KEY.standing)}=0,"",${c(KEY.done)}/(${c("任务数")}-${c(KEY.standing)}))` },
      任务数: { f: `COUNT(${ids})` },
      牵头任务数: count("本单位角色", "牵头"),
      ...(Object.fromEntries(STATUS_KEYS.map((key) => [key, count("完成状态", word(key))])) as Record<StatusKey, Cell>),
      [NOT_REPORTED]: { f: `${c("任务数")}-SUM(${c(STATUS_KEYS[0])}:${c(STATUS_KEYS[STATUS_KEYS.length - 1])})` },
      逾期: count("时限预警", "逾期"),
      即将到期: count("时限预警", "即将到期"),
      查看: { f: `HYPERLINK("#${quoteSheet(ref.sheet).replace(/"/g, '""')}!A1","打开")` },
    };
    sheet.cells.push(SUMMARY_UNIT_COLUMNS.map((name) => cells[name]));
  });

  const overallLast = SUMMARY_OVERALL_FIRST_ROW + SUMMARY_OVERALL_LABELS.length - 1;
  sheet.columnWidths = WIDTHS;
  sheet.rowHeights = { 1: 24 };
  sheet.formats.push(
    titleFormat(width),
    { range: "A2:C2", style: { bold: true } },
    { range: "D2", style: { numberFormat: "yyyy-mm-dd" } },
    { range: "A4", style: { bold: true, fontSize: 12, fontColor: COLORS.title } },
    { range: rangeAddress(SUMMARY_OVERALL_FIRST_ROW, 0, overallLast, 1), style: { border: true } },
    { range: rangeAddress(SUMMARY_OVERALL_FIRST_ROW, 1, overallLast, 1), style: { bold: true, hAlign: "right" } },
    { range: overall("任务完成率"), style: { numberFormat: "0.0%" } },
    { range: overall("分工完成率"), style: { numberFormat: "0.0%" } },
    headerFormat(SUMMARY_UNIT_HEADER_ROW, width),
    { range: rangeAddress(firstUnit, 0, lastUnit, width - 1), style: { border: true } },
    { range: rangeAddress(firstUnit, 1, lastUnit, width - 1), style: { hAlign: "center" } },
    { range: rangeAddress(firstUnit, summaryCol("完成率"), lastUnit, summaryCol("完成率")), style: { bold: true } },
    { range: rangeAddress(firstUnit, summaryCol("完成率"), lastUnit, summaryCol("完成率")), style: { numberFormat: "0.0%" } },
    { range: rangeAddress(firstUnit, summaryCol("查看"), lastUnit, summaryCol("查看")), style: { fontColor: "#0563C1" } },
  );
  const col = (name: SummaryUnitColumn) => rangeAddress(firstUnit, summaryCol(name), lastUnit, summaryCol(name));
  const first = (name: SummaryUnitColumn) => cellAddress(firstUnit, summaryCol(name)).replace(/^([A-Z]+)/, "$$$1");
  sheet.conditionalFormats.push(
    { range: col("逾期"), formula: `${first("逾期")}>0`, fill: COLORS.late, fontColor: COLORS.lateFont },
    { range: col(KEY.late), formula: `${first(KEY.late)}>0`, fill: COLORS.late, fontColor: COLORS.lateFont },
    { range: col("即将到期"), formula: `${first("即将到期")}>0`, fill: COLORS.dueSoon, fontColor: COLORS.dueSoonFont },
  );
  if (input.trend) {
    const header = summaryTrendHeaderRow(input.units.length);
    while (sheet.cells.length < header - 2) sheet.cells.push([]);
    sheet.cells.push([`完成率趋势（最近 ${TREND_PERIODS} 期，见“${SHEET.history}”）`]);
    sheet.cells.push([...TREND_HEADER]);
    for (let i = 0; i < TREND_PERIODS; i++) {
      const src = (k: number) => `${quoteSheet(SHEET.history)}!${cellAddress(2 + i, TREND_COLUMN + k)}`;
      sheet.cells.push([0, 1, 2].map((k) => ({ f: `IF(${src(k)}="","",${src(k)})` })));
    }
    sheet.formats.push(
      { range: cellAddress(header - 1, 0), style: { bold: true, fontSize: 12, fontColor: COLORS.title } },
      headerFormat(header, TREND_HEADER.length),
      { range: rangeAddress(header + 1, 1, header + TREND_PERIODS, 1), style: { numberFormat: "0.0%" } },
    );
  }
  sheet.protection = { password: input.password, unlocked: [] };
  sheet.print = { orientation: "landscape", titleRows: `$${SUMMARY_UNIT_HEADER_ROW}:$${SUMMARY_UNIT_HEADER_ROW}` };
  return sheet;
}
