import { SourceRow } from "../domain/table-rows";

/**
 * The selected range as source rows (a table pasted into a sheet and selected): the row
 * numbers are the sheet's, so errors name the row the user sees.
 */
export async function readSelectionRows(context: Excel.RequestContext): Promise<{ rows: SourceRow[]; address: string }> {
  const range = context.workbook.getSelectedRange().load("values,rowIndex,address,rowCount,columnCount");
  await context.sync();
  if (range.rowCount < 2 || range.columnCount < 3) {
    throw new Error(`选中的区域 ${range.address} 太小：请选中整张任务表（含表头“序号 / 政策内容 / 责任部门”或“牵头单位 / 配合单位”）。`);
  }
  const rows = range.values.map((row, i) => ({ line: range.rowIndex + i + 1, cells: row.map((v) => (v === null || v === undefined ? "" : String(v))) }));
  return { rows, address: range.address };
}
