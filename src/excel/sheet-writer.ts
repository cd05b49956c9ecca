import { columnLetter } from "../blueprint/a1";
import { Cell, SheetBlueprint, StyleSpec, isFormula } from "../blueprint/types";
import { formulaInput, gridWidth, rectangle, valueInput } from "./cell-input";
import { PayloadBudget, jsonBytes, queueGridWrite } from "./payload-budget";

/** Excel character widths → points (Office.js sizes columns in points). */
export const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/**
 * A range the add-in only writes to. Inside Excel.run the client keeps a reference to every
 * range it creates (a `_KeepReference` action now, a `_RemoveReference` when the run ends,
 * ~200 bytes a range); untrack() drops both — Microsoft's advice for ranges not read again
 * (ClientObject.untrack, "Release the memory associated with this object").
 */
function writeOnly(range: Excel.Range): Excel.Range {
  return range.untrack();
}

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
  // One value for the whole range: Office.js applies a non-array input to every cell
  // ("Update all cells in a range", Excel JavaScript API docs); a grid would repeat it per cell.
  if (style.numberFormat) range.numberFormat = style.numberFormat as unknown as string[][];
  if (style.border) {
    for (const edge of BORDER_EDGES) {
      if ((edge === "InsideHorizontal" && rows < 2) || (edge === "InsideVertical" && columns < 2)) continue;
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#BFBFBF";
    }
  }
}

/** Runs of neighbouring columns of the same width, so each run is sized in one action. */
export function widthRuns(widths: readonly number[]): Array<{ from: number; to: number; width: number }> {
  const runs: Array<{ from: number; to: number; width: number }> = [];
  widths.forEach((width, i) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i, width });
  });
  return runs;
}

/** What a null costs in the request JSON ("null,") and what one more write action costs. */
const NULL_BYTES = 5;
const WRITE_ACTION_BYTES = 450;

export interface RowBlock {
  /** Index of the block's first row in the grid, and how many rows it has. */
  row: number;
  rows: number;
  first: number;
  last: number;
}

/**
 * Cuts a grid into blocks of consecutive rows, each written over only the columns its rows
 * use: a unit sheet's header spans every column but its rows end at 截止日期 until reports
 * come in, and its formulas are one column. Runs of rows with the same columns are joined
 * with their neighbour while the nulls that adds cost less than one more write action; rows
 * with nothing are skipped.
 */
export function rowBlocks<T>(grid: readonly (readonly T[])[]): RowBlock[] {
  const runs: RowBlock[] = [];
  let previous: RowBlock | undefined;
  grid.forEach((row, r) => {
    let first = -1;
    let last = -1;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === null) continue;
      if (first < 0) first = c;
      last = c;
    }
    if (first < 0) previous = undefined;
    else if (previous && previous.first === first && previous.last === last) previous.rows++;
    else runs.push((previous = { row: r, rows: 1, first, last }));
  });
  const blocks: RowBlock[] = [];
  for (const run of runs) {
    const prev = blocks[blocks.length - 1];
    if (prev && prev.row + prev.rows === run.row) {
      const first = Math.min(prev.first, run.first);
      const last = Math.max(prev.last, run.last);
      const width = last - first + 1;
      const nulls = (width - (prev.last - prev.first + 1)) * prev.rows + (width - (run.last - run.first + 1)) * run.rows;
      if (nulls * NULL_BYTES < WRITE_ACTION_BYTES) {
        Object.assign(prev, { rows: prev.rows + run.rows, first, last });
        continue;
      }
    }
    blocks.push({ ...run });
  }
  return blocks;
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
 * What writeSheetBody sends besides the constants follows from these fields alone (never from
 * the cells): two sheets with the same key look the same, so one can be written as a copy of
 * the other (copy-plan.ts).
 */
export function layoutKey(sheet: SheetBlueprint): string {
  const { name: _name, cells: _cells, unit: _unit, visibility: _visibility, ...layout } = sheet;
  return JSON.stringify(layout);
}

/**
 * Formulas that name no other sheet can go with the constants, in one write: only a reference
 * to another sheet needs that sheet's final name (writeSheetFormulas). A unit sheet's 时限预警
 * formulas read their own row, so the sheet needs one range instead of two.
 */
export function formulasSelfContained(sheet: SheetBlueprint): boolean {
  return sheet.cells.every((row) => row.every((c) => !isFormula(c) || !c.f.replace(/"[^"]*"/g, "").includes("!")));
}

const cellInput = (cell: Cell | undefined): string | number | null => valueInput(cell) ?? formulaInput(cell);

/** Writes the constants, and the formulas as well when `withFormulas` (returns whether it did). */
async function writeSheetValues(ws: Excel.Worksheet, sheet: SheetBlueprint, budget: PayloadBudget, withFormulas: boolean, over?: SheetBlueprint): Promise<boolean> {
  if (sheet.cells.length === 0) return withFormulas;
  const width = Math.max(gridWidth(sheet.cells), over ? gridWidth(over.cells.slice(0, sheet.cells.length)) : 0);
  const values = rectangle(sheet.cells, width, withFormulas ? cellInput : valueInput);
  // Over a copy of `over`: "" empties what the copy carried where this sheet has nothing
  // (null would leave the template's constant in place).
  if (over) values.forEach((row, r) => row.forEach((v, c) => v === null && valueInput(over.cells[r]?.[c]) !== null && (row[c] = "")));
  // Constants go through `formulas` as well: Office.js reads a string without a leading "=" as
  // a constant, with the same coercion as `values` (literalText guards it the same way).
  await queueColumnSpanWrite(budget, values, 0, (row, column, block) => {
    const range = writeOnly(ws.getRangeByIndexes(row, column, block.length, block[0].length));
    if (withFormulas) range.formulas = block;
    else range.values = block;
  });
  return withFormulas;
}

/**
 * A sheet written as a copy of one already written in this run (copy-plan.ts): Worksheet.copy
 * (ExcelApi 1.7) carries its formats, widths, validation, conditional formats, freeze panes,
 * tab colour and page setup; the rows this sheet does not have are deleted (Range.delete "Up",
 * ExcelApi 1.1, which shrinks the formats and rules of the rows that remain) and this sheet's
 * constants are written over the ones the copy carried, "" where it has none. Formulas and protection
 * come later, as for any sheet, so the copy has neither yet.
 */
export async function writeSheetAsCopy(
  template: { ws: Excel.Worksheet; sheet: SheetBlueprint },
  name: string,
  sheet: SheetBlueprint,
  budget: PayloadBudget,
  deleteRows?: { from: number; to: number },
): Promise<{ ws: Excel.Worksheet; formulasWritten: boolean }> {
  await budget.add(name.length, deleteRows ? 5 : 3);
  const ws = template.ws.copy("End");
  ws.name = name;
  if (deleteRows) writeOnly(ws.getRange(`${deleteRows.from}:${deleteRows.to}`)).delete("Up");
  const formulasWritten = await writeSheetValues(ws, sheet, budget, formulasSelfContained(sheet), template.sheet);
  return { ws, formulasWritten };
}

/**
 * Everything of a sheet except formulas, protection and visibility: constants in one 2D
 * write, then formats, widths, validation and conditional formats. Formulas wait until
 * every sheet has its final name (a formula naming a sheet that does not exist yet
 * would be stored as an external reference).
 */
export async function writeSheetBody(
  ws: Excel.Worksheet,
  sheet: SheetBlueprint,
  budget: PayloadBudget,
  options: { printLayout: boolean; formulasIfSelfContained?: boolean },
): Promise<boolean> {
  const formulasWritten = await writeSheetValues(ws, sheet, budget, Boolean(options.formulasIfSelfContained) && formulasSelfContained(sheet));
  // One range object per address for formats, validation, conditional formats and unlocking
  // (a unit sheet's status column takes seven of them); a new request gets new objects.
  const ranges = new Map<string, { syncs: number; range: Excel.Range }>();
  const rangeAt = (address: string): Excel.Range => {
    const known = ranges.get(address);
    if (known && known.syncs === budget.syncs) return known.range;
    const range = writeOnly(ws.getRange(address));
    ranges.set(address, { syncs: budget.syncs, range });
    return range;
  };
  const widths = widthRuns(sheet.columnWidths);
  const heights = Object.entries(sheet.rowHeights);
  await budget.add(0, (widths.length + heights.length) * 2);
  for (const run of widths) {
    writeOnly(ws.getRange(`${columnLetter(run.from)}:${columnLetter(run.to)}`)).format.columnWidth = charsToPoints(run.width);
  }
  for (const [row, height] of heights) writeOnly(ws.getRange(`${row}:${row}`)).format.rowHeight = height;
  for (const block of sheet.formats) {
    const size = rangeSize(block.range);
    const props = Object.keys(block.style).length + (block.style.border ? 6 * 3 : 0);
    await budget.add(block.style.numberFormat ? block.style.numberFormat.length + 3 : 0, 2 + props);
    applyStyle(rangeAt(block.range), block.style, size.rows, size.columns);
  }
  for (const v of sheet.validations) {
    await budget.add(jsonBytes(v), 4);
    const dv = rangeAt(v.range).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
    dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.errorMessage };
    if (v.prompt) dv.prompt = { showPrompt: true, title: "完成状态", message: v.prompt };
  }
  for (const cf of sheet.conditionalFormats) {
    await budget.add(jsonBytes(cf), 6);
    const c = rangeAt(cf.range).conditionalFormats.add("Custom");
    c.custom.rule.formula = `=${cf.formula}`;
    if (cf.fill) c.custom.format.fill.color = cf.fill;
    if (cf.fontColor) c.custom.format.font.color = cf.fontColor;
  }
  for (const range of sheet.protection.unlocked) rangeAt(range).format.protection.locked = false;
  if (sheet.freeze.rows && sheet.freeze.columns) {
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, sheet.freeze.rows, sheet.freeze.columns));
  } else if (sheet.freeze.rows) {
    ws.freezePanes.freezeRows(sheet.freeze.rows);
  }
  if (sheet.tabColor) ws.tabColor = sheet.tabColor;
  if (sheet.print && options.printLayout) {
    await budget.add(300, 8);
    const layout = ws.pageLayout;
    layout.orientation = sheet.print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    layout.setPrintTitleRows(sheet.print.titleRows);
    // 序号 and 政策内容 next to the input columns on page two, as the xlsx renderer prints them.
    if (sheet.print.titleColumns) layout.setPrintTitleColumns(sheet.print.titleColumns);
    // N pages wide and as many tall as the rows need (0: automatic), so text is never shrunk to one width.
    layout.zoom = { horizontalFitToPages: sheet.print.pagesWide ?? 1, verticalFitToPages: 0 };
    layout.centerHorizontally = true;
    layout.setPrintMargins("Inches", PRINT_MARGINS_INCHES);
  }
  return formulasWritten;
}

/** The xlsx renderer's margins (src/xlsx/render-xlsx.ts): the same page from either path. */
const PRINT_MARGINS_INCHES: Excel.PageLayoutMarginOptions = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** The formulas pass: only formula cells are sent; null leaves a cell as it is. */
export async function writeSheetFormulas(ws: Excel.Worksheet, sheet: SheetBlueprint, budget: PayloadBudget): Promise<void> {
  const width = gridWidth(sheet.cells);
  // Send only the rows that hold formulas, as runs of consecutive rows.
  let start = -1;
  const flush = async (end: number) => {
    if (start < 0) return;
    const rows = rectangle(sheet.cells.slice(start, end), width, formulaInput);
    await queueColumnSpanWrite(budget, rows, start, (row, column, block) => (writeOnly(ws.getRangeByIndexes(row, column, block.length, block[0].length)).formulas = block));
    start = -1;
  };
  for (let r = 0; r < sheet.cells.length; r++) {
    const has = sheet.cells[r].some((c) => formulaInput(c) !== null);
    if (has && start < 0) start = r;
    if (!has) await flush(r);
  }
  await flush(sheet.cells.length);
}

/** A grid write in row blocks over the columns they use (rowBlocks). */
async function queueColumnSpanWrite<T>(
  budget: PayloadBudget,
  rows: T[][],
  firstRow: number,
  write: (rowIndex: number, columnIndex: number, block: T[][]) => void,
): Promise<void> {
  for (const b of rowBlocks(rows)) {
    const cut = rows.slice(b.row, b.row + b.rows).map((r) => r.slice(b.first, b.last + 1));
    await queueGridWrite(budget, cut, firstRow + b.row, (row, block) => write(row, b.first, block as T[][]));
  }
}

export function protectSheet(ws: Excel.Worksheet, sheet: SheetBlueprint): void {
  ws.protection.protect(
    { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: false, allowSort: false },
    sheet.protection.password || undefined,
  );
}
