import { columnLetter } from "../blueprint/a1";
import { SheetBlueprint, StyleSpec } from "../blueprint/types";
import { formulaInput, gridWidth, rectangle, valueInput } from "./cell-input";
import { PayloadBudget, jsonBytes, queueGridWrite } from "./payload-budget";

/** Excel character widths → points (Office.js sizes columns in points). */
export const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

function applyStyle(range: Excel.Range, style: StyleSpec, rows: number, columns: number): void {
  const f = range.format;
  if (style.fill) f.fill.color = style.fill;
  if (style.fontColor) f.font.color = style.fontColor;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.fontSize) f.font.size = style.fontSize;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.hAlign) f.horizontalAlignment = style.hAlign === "left" ? "Left" : style.hAlign === "center" ? "Center" : "Right";
  if (style.vAlign) f.verticalAlignment = style.vAlign === "top" ? "Top" : "Center";
  if (style.numberFormat) range.numberFormat = Array.from({ length: rows }, () => Array(columns).fill(style.numberFormat));
  if (style.border) {
    for (const edge of BORDER_EDGES) {
      if ((edge === "InsideHorizontal" && rows < 2) || (edge === "InsideVertical" && columns < 2)) continue;
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#BFBFBF";
    }
  }
}

function rangeSize(address: string): { rows: number; columns: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) throw new Error(`Unexpected range ${address}`);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = m[4] ? Number(m[4]) - Number(m[2]) + 1 : 1;
  const columns = m[3] ? col(m[3]) - col(m[1]) + 1 : 1;
  return { rows, columns };
}

/**
 * Everything of a sheet except formulas, protection and visibility: constants in one 2D
 * write, then formats, widths, validation and conditional formats. Formulas wait until
 * every sheet has its final name (a formula naming a sheet that does not exist yet
 * would be stored as an external reference).
 */
export async function writeSheetBody(ws: Excel.Worksheet, sheet: SheetBlueprint, budget: PayloadBudget, options: { printLayout: boolean }): Promise<void> {
  const width = gridWidth(sheet.cells);
  if (sheet.cells.length > 0) {
    const values = rectangle(sheet.cells, width, valueInput);
    await queueGridWrite(budget, values, 0, (row, block) => (ws.getRangeByIndexes(row, 0, block.length, width).values = block));
  }
  sheet.columnWidths.forEach((w, i) => {
    const letter = columnLetter(i);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(w);
  });
  const heights = Object.entries(sheet.rowHeights);
  await budget.add(0, (sheet.columnWidths.length + heights.length) * 2);
  for (const [row, height] of heights) ws.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const block of sheet.formats) {
    const size = rangeSize(block.range);
    const props = Object.keys(block.style).length + (block.style.border ? 6 * 3 : 0);
    await budget.add(block.style.numberFormat ? size.rows * size.columns * (block.style.numberFormat.length + 3) : 0, 2 + props);
    applyStyle(ws.getRange(block.range), block.style, size.rows, size.columns);
  }
  for (const v of sheet.validations) {
    await budget.add(jsonBytes(v), 4);
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
    dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.errorMessage };
    if (v.prompt) dv.prompt = { showPrompt: true, title: "完成状态", message: v.prompt };
  }
  for (const cf of sheet.conditionalFormats) {
    await budget.add(jsonBytes(cf), 6);
    const c = ws.getRange(cf.range).conditionalFormats.add("Custom");
    c.custom.rule.formula = `=${cf.formula}`;
    if (cf.fill) c.custom.format.fill.color = cf.fill;
    if (cf.fontColor) c.custom.format.font.color = cf.fontColor;
  }
  for (const range of sheet.protection.unlocked) ws.getRange(range).format.protection.locked = false;
  if (sheet.freeze.rows && sheet.freeze.columns) {
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, sheet.freeze.rows, sheet.freeze.columns));
  } else if (sheet.freeze.rows) {
    ws.freezePanes.freezeRows(sheet.freeze.rows);
  }
  if (sheet.tabColor) ws.tabColor = sheet.tabColor;
  if (sheet.print && options.printLayout) {
    ws.pageLayout.orientation = sheet.print.orientation === "landscape" ? "Landscape" : "Portrait";
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.setPrintTitleRows(sheet.print.titleRows);
  }
}

/** The formulas pass: only formula cells are sent; null leaves a cell as it is. */
export async function writeSheetFormulas(ws: Excel.Worksheet, sheet: SheetBlueprint, budget: PayloadBudget): Promise<void> {
  const width = gridWidth(sheet.cells);
  // Send only the rows that hold formulas, as runs of consecutive rows.
  let start = -1;
  const flush = async (end: number) => {
    if (start < 0) return;
    const rows = rectangle(sheet.cells.slice(start, end), width, formulaInput);
    await queueGridWrite(budget, rows, start, (row, block) => (ws.getRangeByIndexes(row, 0, block.length, width).formulas = block));
    start = -1;
  };
  for (let r = 0; r < sheet.cells.length; r++) {
    const has = sheet.cells[r].some((c) => formulaInput(c) !== null);
    if (has && start < 0) start = r;
    if (!has) await flush(r);
  }
  await flush(sheet.cells.length);
}

export function protectSheet(ws: Excel.Worksheet, sheet: SheetBlueprint): void {
  ws.protection.protect(
    { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: false, allowSort: false },
    sheet.protection.password || undefined,
  );
}
