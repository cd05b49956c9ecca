import ExcelJS from "exceljs";
import { parseRange } from "../blueprint/a1";
import { SheetBlueprint, WorkbookBlueprint, isFormula } from "../blueprint/types";
import { applyStyle, argb } from "./styles";

/**
 * Spin count for sheet passwords. Protection only deters accidents (unzipping removes
 * it), and Excel's default of 100,000 costs ~0.23 s per sheet.
 */
const SPIN_COUNT = 1000;

/** Present at run time in ExcelJS 4.4 but missing from its typings. */
type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

function forEachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const r = parseRange(range);
  for (let row = r.top; row <= r.bottom; row++) {
    const xrow = ws.getRow(row);
    for (let col = r.left; col <= r.right; col++) fn(xrow.getCell(col + 1));
  }
}

async function renderSheet(wb: ExcelJS.Workbook, sheet: SheetBlueprint): Promise<void> {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility,
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views:
      sheet.freeze.rows || sheet.freeze.columns
        ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
        : [{}],
    pageSetup: sheet.print
      ? {
          paperSize: 9,
          orientation: sheet.print.orientation,
          printTitlesRow: sheet.print.titleRows.replace(/\$/g, ""),
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
        }
      : undefined,
  });
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  sheet.cells.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((value, c) => {
      if (value === null) return;
      // Strings go in as strings: ExcelJS never turns "=..." text into a formula.
      row.getCell(c + 1).value = isFormula(value) ? { formula: value.f } : value;
    });
  });
  for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row)).height = height;
  for (const block of sheet.formats) forEachCell(ws, block.range, (cell) => applyStyle(cell, block.style));
  for (const v of sheet.validations) {
    // One entry per range: per-cell validation produces overlapping ranges in ExcelJS.
    (ws as WithValidations).dataValidations.add(v.range, {
      type: "list",
      allowBlank: true,
      formulae: [`"${v.values.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.errorTitle,
      error: v.errorMessage,
      showInputMessage: Boolean(v.prompt),
      prompt: v.prompt,
    });
  }
  sheet.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula],
          style: {
            ...(cf.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } } } : {}),
            ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
          },
        },
      ],
    });
  });
  for (const range of sheet.protection.unlocked) forEachCell(ws, range, (cell) => (cell.protection = { locked: false }));
  await ws.protect(sheet.protection.password ?? "", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    ...(sheet.protection.password ? { spinCount: SPIN_COUNT } : {}),
  });
}

/** Renders the blueprint with ExcelJS (no charts: ExcelJS cannot write them). */
export async function renderWorkbook(bp: WorkbookBlueprint): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "政策任务跟踪";
  wb.title = bp.title;
  wb.subject = bp.listName;
  for (const sheet of bp.sheets) await renderSheet(wb, sheet);
  for (const n of bp.names) wb.definedNames.add(n.ref, n.name);
  const active = Math.max(0, bp.sheets.findIndex((s) => s.name === bp.activeSheet));
  // A hidden sheet must never be the active tab, so name it explicitly.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  return wb;
}

export async function writeXlsxBuffer(bp: WorkbookBlueprint): Promise<Uint8Array> {
  const wb = await renderWorkbook(bp);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
