/**
 * 历次汇总 as the coordinator reads it: every archived row under the tracker's own words,
 * the trend of the latest periods beside it, rates shown as percentages, nothing editable.
 */
import { SheetBlueprint, buildBlueprint } from "../../src/blueprint";
import { COLORS, SHEET } from "../../src/blueprint/layout";
import { TREND_COLUMN, TREND_HEADER } from "../../src/blueprint/history-sheet";
import { HistoryRow, PeriodSnapshot, TREND_PERIODS, parseTaskList, snapshotOf, snapshotRows } from "../../src/domain";
import { PRESETS, Vocabulary } from "../../src/domain/vocabulary";
import { styleAt } from "../support/style-at";

const LIST = parseTaskList(["序号\t工作任务\t牵头单位\t配合单位", "1\t完善职业教育学历认证体系\t省教育厅\t省财政厅", "2\t落实教师绩效工资倾斜政策\t省财政厅\t"].join("\n"));
const figures = (done: number, overdue: number) => ({ tasks: 2, done, inProgress: 2 - done, late: 0, notStarted: 0, standing: 0, notReported: 0, overdue, rate: done / 2 });
const snapshot = (n: number): PeriodSnapshot =>
  snapshotOf([{ unit: "省教育厅", ...figures(n % 3, 1 - (n % 2)) }, { unit: "省财政厅", ...figures((n + 1) % 3, n % 2) }], ((n % 3) + ((n + 1) % 3)) / 4);
/** Months of archives, oldest first, 2026-01 onwards; three rows each (全部 and two units). */
const archive = (months: number): HistoryRow[] =>
  Array.from({ length: months }, (_, i) => snapshotRows(`${2026 + Math.floor(i / 12)}年${(i % 12) + 1}月`, `2026-${String((i % 12) + 1).padStart(2, "0")}-28 17:00`, snapshot(i))).flat();
const historyOf = (rows: HistoryRow[], password?: string, vocabulary?: Vocabulary): SheetBlueprint =>
  buildBlueprint(LIST, { trackerId: "t", generatedAt: "2026-12-01 09:00", history: rows, password, vocabulary }).sheets.find((s) => s.name === SHEET.history)!;
const WIDTH = 12;
const RATE = WIDTH - 1;
const TREND_RATE = TREND_COLUMN + 1;
/** The trend block of a row; a row may end early, its missing cells are empty. */
const trendOf = (row: readonly unknown[]) => [0, 1, 2].map((i) => row[TREND_COLUMN + i] ?? null);

describe("历次汇总: content", () => {
  it("heads the table in the tracker's words, the trend block after an empty column", () => {
    const sheet = historyOf(archive(2), undefined, PRESETS.schedule);
    expect(sheet.role).toBe("history");
    expect(sheet.tabColor).toBe(COLORS.instructionsTab);
    expect(sheet.cells[0]).toEqual(["期间", "归档时间", "单位", "任务数", "已完成", "序时推进", "进度滞后", "尚未启动", "长期坚持", "未填报", "逾期", "完成率", null, ...TREND_HEADER]);
    expect(historyOf(archive(2)).cells[0].slice(4, 9)).toEqual(["已完成", "推进中", "滞后", "未启动", "长期坚持"]);
  });

  it("a short history: every row as archived, the overall rate and overdue per period beside it, empty rows up to the trend's height", () => {
    const rows = archive(3);
    const sheet = historyOf(rows);
    expect(sheet.cells).toHaveLength(TREND_PERIODS + 1);
    expect(sheet.cells.slice(1, 10).map((r) => r.slice(0, WIDTH))).toEqual(rows);
    const overall = rows.filter((r) => r[2] === "(全部)");
    expect(sheet.cells.slice(1, 4).map(trendOf)).toEqual(overall.map((r) => [r[0], r[11], r[10]]));
    expect(trendOf(sheet.cells[4])).toEqual([null, null, null]);
    for (const r of sheet.cells.slice(10)) expect(r.every((c) => c === null)).toBe(true);
  });

  it("a long history: as many rows as archived, the trend only the latest periods, oldest first", () => {
    const rows = archive(14);
    const sheet = historyOf(rows);
    expect(sheet.cells).toHaveLength(rows.length + 1);
    expect(sheet.cells.slice(1).map((r) => r.slice(0, WIDTH))).toEqual(rows);
    const trend = sheet.cells.slice(1, TREND_PERIODS + 1).map((r) => r[TREND_COLUMN]);
    expect(trend).toEqual(["2026年3月", "2026年4月", "2026年5月", "2026年6月", "2026年7月", "2026年8月", "2026年9月", "2026年10月", "2026年11月", "2026年12月", "2027年1月", "2027年2月"]);
    expect(trendOf(sheet.cells[TREND_PERIODS + 1])).toEqual([null, null, null]);
  });
});

describe("历次汇总: formats and protection", () => {
  it("both headers styled, the column between them plain", () => {
    const sheet = historyOf(archive(3));
    for (const c of [0, RATE]) expect(styleAt(sheet, 1, c)).toMatchObject({ bold: true, fill: COLORS.header, fontColor: COLORS.headerFont });
    for (const c of [TREND_COLUMN, TREND_COLUMN + 2]) expect(styleAt(sheet, 1, c)).toEqual({ bold: true, fill: COLORS.header, fontColor: COLORS.headerFont });
    expect(styleAt(sheet, 1, WIDTH)).toEqual({});
  });

  it("rates as percentages: 完成率 on every archived row, the trend's rate on its twelve rows, nothing else", () => {
    const sheet = historyOf(archive(3));
    const pct = (row: number, col: number) => styleAt(sheet, row, col).numberFormat;
    expect([2, 10].map((r) => pct(r, RATE))).toEqual(["0.0%", "0.0%"]);
    expect([pct(1, RATE), pct(11, RATE), pct(2, RATE - 1)]).toEqual([undefined, undefined, undefined]);
    expect([2, TREND_PERIODS + 1].map((r) => pct(r, TREND_RATE))).toEqual(["0.0%", "0.0%"]);
    expect([pct(1, TREND_RATE), pct(TREND_PERIODS + 2, TREND_RATE), pct(2, WIDTH), pct(2, TREND_COLUMN), pct(2, TREND_COLUMN + 2)]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // No archive yet: the 完成率 header stays a header.
    const empty = historyOf([]);
    expect(styleAt(empty, 1, RATE).numberFormat).toBeUndefined();
    expect(styleAt(empty, 2, RATE).numberFormat).toBeUndefined();
  });

  it("one width per column, the spacer narrowest; header frozen; locked whole under the tracker's password", () => {
    const sheet = historyOf(archive(1), "督查室");
    expect(sheet.columnWidths).toHaveLength(TREND_COLUMN + 3);
    expect(Math.min(...sheet.columnWidths)).toBe(sheet.columnWidths[WIDTH]);
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
    expect(sheet.protection).toEqual({ password: "督查室", unlocked: [] });
  });
});
