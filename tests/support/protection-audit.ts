import ExcelJS from "exceljs";
import { UNIT_FIRST_ROW, UNIT_INPUT_FIRST, UNIT_INPUT_LAST } from "../../src/blueprint/layout";

export interface AuditResult {
  sheets: number;
  cells: number;
  unlocked: number;
  problems: string[];
}

/**
 * Walks every sheet of a workbook the project wrote: each must be protected, and a cell
 * may be unlocked only if it is an input cell (完成状态…填报日期 on a data row of a unit
 * sheet, a row with a numeric 序号). `unitSheets` names the unit sheets.
 */
export function auditProtection(wb: ExcelJS.Workbook, unitSheets: ReadonlySet<string>): AuditResult {
  const result: AuditResult = { sheets: 0, cells: 0, unlocked: 0, problems: [] };
  for (const ws of wb.worksheets) {
    result.sheets++;
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    if (!protection?.sheet) result.problems.push(`${ws.name}: not protected`);
    const isUnit = unitSheets.has(ws.name);
    const rows = Math.max(ws.rowCount, 1);
    const cols = Math.max(ws.columnCount, 14);
    for (let r = 1; r <= rows; r++) {
      const row = ws.getRow(r);
      const dataRow = isUnit && r >= UNIT_FIRST_ROW && typeof row.getCell(1).value === "number";
      for (let c = 1; c <= cols; c++) {
        result.cells++;
        const locked = row.getCell(c).protection?.locked !== false;
        if (!locked) result.unlocked++;
        const input = dataRow && c - 1 >= UNIT_INPUT_FIRST && c - 1 <= UNIT_INPUT_LAST;
        if (locked === input) result.problems.push(`${ws.name}!${row.getCell(c).address}: locked=${locked}, input cell=${input}`);
        if (result.problems.length > 20) return result;
      }
    }
  }
  return result;
}

export async function loadWorkbook(data: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}
