import { SUMMARY_UNIT_HEADER_ROW, summaryCol } from "../blueprint/layout";
import { summaryTrendHeaderRow } from "../blueprint/summary-sheet";
import { TREND_PERIODS } from "../domain/history";
import { cellAddress, rangeAddress } from "../blueprint/a1";
import { SheetBlueprint } from "../blueprint/types";

export const RATE_CHART_NAME = "各单位完成率";

/**
 * A bar chart of 完成率 by unit beside the unit table. Charts exist only in workbooks
 * the add-in writes (ExcelJS cannot write charts), so nothing else depends on it.
 */
export function addRateChart(ws: Excel.Worksheet, summary: SheetBlueprint, unitCount: number): Excel.Chart {
  const first = SUMMARY_UNIT_HEADER_ROW + 1;
  const last = SUMMARY_UNIT_HEADER_ROW + Math.max(unitCount, 1);
  // Unit names and rates are adjacent, so one range gives categories and values.
  const source = ws.getRange(rangeAddress(first - 1, 0, last, summaryCol("完成率")));
  const chart = ws.charts.add("BarClustered", source, "Columns");
  chart.name = RATE_CHART_NAME;
  chart.title.text = "各单位完成率";
  const width = summary.columnWidths.length;
  chart.setPosition(cellAddress(4, width + 1), cellAddress(Math.max(last, 30), width + 9));
  return chart;
}

export const TREND_CHART_NAME = "完成率趋势";

/** A line chart of the overall rate by period, from 汇总's own trend table. */
export function addTrendChart(ws: Excel.Worksheet, summary: SheetBlueprint, unitCount: number): Excel.Chart {
  const header = summaryTrendHeaderRow(unitCount);
  const chart = ws.charts.add("Line", ws.getRange(rangeAddress(header, 0, header + TREND_PERIODS, 1)), "Columns");
  chart.name = TREND_CHART_NAME;
  chart.title.text = "分工完成率趋势";
  const width = summary.columnWidths.length;
  chart.setPosition(cellAddress(header, width + 1), cellAddress(header + TREND_PERIODS + 4, width + 9));
  return chart;
}
