import { vocabularyFromMeta } from "../domain/vocabulary-file";
import ExcelJS from "exceljs";
import { Grid, GridCell, ReadAssignment, ReadIssue, TrackerFileError, TrackerMeta, gridText, readMetaGrid, readUnitGrid } from "../blueprint/read-grid";
import { SHEET } from "../blueprint/layout";
import { HistoryRow, parseHistory } from "../domain/history";
import { Contact, readContactsGrid } from "../blueprint/contacts-sheet";

export { TrackerFileError };
export type { ReadAssignment, ReadIssue, TrackerMeta };

export interface ReadTracker {
  meta: TrackerMeta;
  /** Rows of 合并记录 below its header, as displayed text. */
  mergeLog: string[][];
  /** Rows of 历次汇总 (undefined when no period was archived). */
  history?: HistoryRow[];
  /** Rows of 联络员 (undefined when the tracker has no such sheet). */
  contacts?: Contact[];
  assignments: ReadAssignment[];
  /** Problems that did not stop the read (unknown statuses, missing sheets...). */
  issues: ReadIssue[];
}

function toGridCell(value: ExcelJS.CellValue): GridCell {
  if (value === null || value === undefined || value instanceof Date) return value;
  if (typeof value !== "object") return value;
  if ("formula" in value || "sharedFormula" in value) return { formula: String((value as ExcelJS.CellFormulaValue).formula ?? "") };
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return null;
}

/** The sheet as a grid from row 1, column A. */
export function sheetGrid(ws: ExcelJS.Worksheet): Grid {
  const grid: Grid = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: GridCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => (cells[c - 1] = toGridCell(cell.value)));
    grid[r - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

/** Reads a tracker or unit copy written by this project (by any app that kept its sheets). */
export function readTrackerWorkbook(wb: ExcelJS.Workbook, options: { onlyUnit?: string } = {}): ReadTracker {
  const metaSheet = wb.getWorksheet(SHEET.meta);
  if (!metaSheet) throw new TrackerFileError(`找不到隐藏的元数据工作表“${SHEET.meta}”：这不是本系统生成的跟踪表，或元数据已被删除。`);
  const meta = readMetaGrid(sheetGrid(metaSheet));
  const vocabulary = vocabularyFromMeta(meta.extra);
  const issues: ReadIssue[] = [];
  const assignments: ReadAssignment[] = [];
  for (const { unit, sheet } of meta.units) {
    // A unit copy is read for its own unit only, whatever else its metadata lists.
    if (options.onlyUnit !== undefined && unit !== options.onlyUnit) continue;
    const ws = wb.getWorksheet(sheet);
    if (!ws) {
      if (meta.kind === "master") issues.push({ sheet, message: `找不到单位“${unit}”的工作表“${sheet}”（可能被删除或改名）。` });
      continue;
    }
    const read = readUnitGrid(sheetGrid(ws), unit, sheet, 1, vocabulary);
    assignments.push(...read.assignments);
    issues.push(...read.issues);
  }
  const log = wb.getWorksheet(SHEET.mergeLog);
  const mergeLog = log ? sheetGrid(log).slice(1).map((row) => row.map((c) => gridText(c))).filter((r) => r.some((c) => c !== "")) : [];
  const contactSheet = wb.getWorksheet(SHEET.contacts);
  const contacts = contactSheet ? readContactsGrid(sheetGrid(contactSheet)) : undefined;
  return { meta, mergeLog, history: parseHistory(meta.extra.history), ...(contacts ? { contacts } : {}), assignments, issues };
}

export async function readTrackerFile(data: ArrayBuffer | Uint8Array): Promise<ReadTracker> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    throw new TrackerFileError(`无法读取文件：它不是有效的 .xlsx 工作簿（${(e as Error).message}）。请用 Excel、WPS 或 LibreOffice 另存为 .xlsx 后重试。`);
  }
  return readTrackerWorkbook(wb);
}
