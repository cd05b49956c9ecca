import { SourceRow } from "../domain/table-rows";

export interface XlsxContent {
  rows: SourceRow[];
  sheet: string;
  sheets: string[];
}

/** A cell as shown: rich text joined, formulas by their result, dates as yyyy-mm-dd. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: string; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return shown(v.result);
    if (typeof v.text === "string") return v.text;
    return "";
  }
  return String(value);
}

/**
 * Rows of one worksheet of an .xlsx task list (the first unless one is named); a cell
 * merged down repeats its text in every row it covers, as the sheet shows it. ExcelJS is loaded
 * only when a workbook is read.
 */
export async function readXlsxRows(data: Uint8Array, sheetName?: string): Promise<XlsxContent> {
  const ExcelJS = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new Error(`无法读取 Excel 文件：${(e as Error).message}。请确认是 .xlsx 格式（旧版 .xls 请先另存为 .xlsx）。`);
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = sheetName === undefined ? wb.worksheets[0] : wb.getWorksheet(sheetName);
  if (!ws) {
    throw new Error(
      sheetName === undefined ? "Excel 文件中没有工作表。" : `Excel 文件中没有名为“${sheetName}”的工作表。现有工作表：${sheets.join("、")}。`,
    );
  }
  const rows: SourceRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master : cell;
      // Merged down, a cell repeats (as the sheet shows it); merged across, its text counts once
      // per row, in the merge's first column (a block merged both ways repeats only there).
      const across = master.col !== cell.col;
      cells.push(across ? "" : shown(master.value));
    }
    rows.push({ line: number, cells });
  });
  return { rows, sheet: ws.name, sheets };
}
