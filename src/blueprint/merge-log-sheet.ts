import { MERGE_LOG_COLUMNS, MergeLogRow } from "../domain/merge-log";
import { rangeAddress } from "./a1";
import { COLORS, SHEET } from "./layout";
import { emptySheet, headerFormat } from "./sheet-parts";
import { SheetBlueprint } from "./types";

export const MERGE_LOG_HEADER_ROW = 1;

/** 合并记录: every merge appends its rows; the sheet is protected like the rest. */
export function mergeLogSheet(rows: readonly MergeLogRow[], password?: string): SheetBlueprint {
  const sheet = emptySheet(SHEET.mergeLog, "log");
  sheet.tabColor = COLORS.instructionsTab;
  sheet.cells = [[...MERGE_LOG_COLUMNS], ...rows.map((r) => [...r])];
  sheet.columnWidths = [16, 30, 20, 8, 6, 6, 6, 6, 6, 12, 20, 20, 40];
  sheet.formats.push(headerFormat(MERGE_LOG_HEADER_ROW, MERGE_LOG_COLUMNS.length));
  if (rows.length > 0) {
    sheet.formats.push({ range: rangeAddress(2, 0, rows.length + 1, MERGE_LOG_COLUMNS.length - 1), style: { wrap: true, vAlign: "top" } });
  }
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.protection = { password, unlocked: [] };
  return sheet;
}
