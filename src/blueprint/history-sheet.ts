import { HISTORY_COLUMNS, HistoryRow, TREND_PERIODS, trendRows } from "../domain/history";
import { rangeAddress } from "./a1";
import { COLORS, SHEET, vocabularyHeader } from "./layout";
import { DEFAULT_VOCABULARY, Vocabulary } from "../domain/vocabulary";
import { emptySheet, headerFormat } from "./sheet-parts";
import { Cell, SheetBlueprint } from "./types";

/** The trend block sits right of the history table: 期间 / 分工完成率 / 逾期, latest periods. */
export const TREND_COLUMN = HISTORY_COLUMNS.length + 1;
export const TREND_HEADER = ["期间", "分工完成率", "逾期分工"] as const;

export function historySheet(rows: readonly HistoryRow[], password?: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): SheetBlueprint {
  const sheet = emptySheet(SHEET.history, "history");
  sheet.tabColor = COLORS.instructionsTab;
  const trend = trendRows(rows);
  const height = Math.max(rows.length + 1, TREND_PERIODS + 1);
  for (let r = 0; r < height; r++) {
    const left: Cell[] = r === 0 ? HISTORY_COLUMNS.map((c) => vocabularyHeader(c, vocabulary)) : rows[r - 1] ? [...rows[r - 1]] : Array(HISTORY_COLUMNS.length).fill(null);
    const right: Cell[] = r === 0 ? [...TREND_HEADER] : trend[r - 1] ? [...trend[r - 1]] : [null, null, null];
    sheet.cells.push([...left, null, ...right]);
  }
  sheet.columnWidths = [12, 16, 24, 7, 7, 7, 7, 7, 8, 7, 7, 8, 2, 12, 10, 9];
  sheet.formats.push(headerFormat(1, HISTORY_COLUMNS.length), {
    range: rangeAddress(1, TREND_COLUMN, 1, TREND_COLUMN + 2),
    style: { bold: true, fill: COLORS.header, fontColor: COLORS.headerFont },
  });
  if (rows.length > 0) sheet.formats.push({ range: rangeAddress(2, HISTORY_COLUMNS.length - 1, rows.length + 1, HISTORY_COLUMNS.length - 1), style: { numberFormat: "0.0%" } });
  sheet.formats.push({ range: rangeAddress(2, TREND_COLUMN + 1, TREND_PERIODS + 1, TREND_COLUMN + 1), style: { numberFormat: "0.0%" } });
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.protection = { password, unlocked: [] };
  return sheet;
}
