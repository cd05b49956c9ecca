import { styleAt as sheetStyleAt } from "../support/style-at";
/**
 * 汇总's frame as built: the labels around the figures, the unit table's links and extent,
 * and the trend block's place and size (its figures are checked by formula-rollup.test.ts).
 */
import { SheetBlueprint, StyleSpec } from "../../src/blueprint";
import { SHEET, SUMMARY_OVERALL_FIRST_ROW, SUMMARY_OVERALL_LABELS, SUMMARY_UNIT_COLUMNS, SUMMARY_UNIT_HEADER_ROW } from "../../src/blueprint/layout";
import { TREND_HEADER } from "../../src/blueprint/history-sheet";
import { summarySheet, summaryTrendHeaderRow } from "../../src/blueprint/summary-sheet";
import { TREND_PERIODS } from "../../src/domain/history";

let s: SheetBlueprint;
beforeEach(() => {
  s = summarySheet({
    name: SHEET.summary,
    listName: "清单",
    masterName: SHEET.master,
    taskCount: 3,
    units: [
      { unit: "甲", sheet: "甲", taskCount: 2 },
      { unit: "乙's", sheet: "乙's", taskCount: 1 },
    ],
    stamp: "2026-06-15 09:30",
    trend: true,
  });
});
const styleAt = (rowNo: number, col: number): StyleSpec => sheetStyleAt(s, rowNo, col);

describe("汇总: labels and layout", () => {
  it("labels the update time and today's date, leaves a gap, heads the overall block, then the unit table's header", () => {
    expect(s.cells[1]).toEqual(["更新时间", "2026-06-15 09:30", "统计日期", { f: "TODAY()" }]);
    expect(s.cells[2]).toEqual([]);
    expect(s.cells[3]).toEqual(["总体情况"]);
    expect(s.cells.slice(SUMMARY_OVERALL_FIRST_ROW - 1, SUMMARY_OVERALL_FIRST_ROW - 1 + SUMMARY_OVERALL_LABELS.length).map((r) => r[0])).toEqual([...SUMMARY_OVERALL_LABELS]);
    expect(s.cells.slice(SUMMARY_OVERALL_FIRST_ROW - 1 + SUMMARY_OVERALL_LABELS.length, SUMMARY_UNIT_HEADER_ROW - 1).every((r) => r.length === 0)).toBe(true);
    expect(s.cells[SUMMARY_UNIT_HEADER_ROW - 1]).toEqual([...SUMMARY_UNIT_COLUMNS]);
  });

  it("each unit row links to its sheet, quotes doubled inside the link", () => {
    const link = (i: number) => s.cells[SUMMARY_UNIT_HEADER_ROW + i][SUMMARY_UNIT_COLUMNS.indexOf("查看")];
    expect(link(0)).toEqual({ f: `HYPERLINK("#'甲'!A1","打开")` });
    expect(link(1)).toEqual({ f: `HYPERLINK("#'乙''s'!A1","打开")` });
  });

  it("the unit table's frame and centring end at its last column", () => {
    const lastCol = SUMMARY_UNIT_COLUMNS.length - 1;
    expect(styleAt(SUMMARY_UNIT_HEADER_ROW + 1, lastCol)).toMatchObject({ border: true, hAlign: "center" });
    expect(styleAt(SUMMARY_UNIT_HEADER_ROW + 1, lastCol + 1)).toEqual({});
    expect(styleAt(SUMMARY_UNIT_HEADER_ROW + 2, lastCol + 2)).toEqual({});
  });
});

describe("汇总: the trend block", () => {
  it("sits two rows below the unit table, one row at least for an empty table", () => {
    expect(summaryTrendHeaderRow(2)).toBe(SUMMARY_UNIT_HEADER_ROW + 2 + 3);
    expect(summaryTrendHeaderRow(1)).toBe(SUMMARY_UNIT_HEADER_ROW + 4);
    expect(summaryTrendHeaderRow(0)).toBe(SUMMARY_UNIT_HEADER_ROW + 4);
  });

  it("a titled header, then exactly one row per period, rates as percentages", () => {
    const header = summaryTrendHeaderRow(2);
    expect(s.cells[header - 3]).toEqual([]);
    expect(s.cells[header - 2]).toEqual([`完成率趋势（最近 ${TREND_PERIODS} 期，见“${SHEET.history}”）`]);
    expect(s.cells[header - 1]).toEqual([...TREND_HEADER]);
    expect(s.cells).toHaveLength(header + TREND_PERIODS);
    expect(styleAt(header + 1, 1).numberFormat).toBe("0.0%");
    expect(styleAt(header + TREND_PERIODS, 1).numberFormat).toBe("0.0%");
    expect(styleAt(header, 1).numberFormat).toBeUndefined();
    expect(styleAt(header - 1, 0)).toMatchObject({ bold: true, fontSize: 12 });
  });
});
