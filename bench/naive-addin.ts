/**
 * The baseline: how many add-ins talk to Excel. Same blueprint, same cell content, but
 *   - build: one sync per sheet to create it, one sync per row of every unit sheet
 *     (the row's values, then `await context.sync()`), the other sheets in blocks of 200
 *     rows, one sync each, then one sync per sheet for its formats and protection;
 *   - read: one sync for the sheet list, then one sync per unit sheet.
 * Formats, validation and protection go through the add-in's own sheet writer, so both
 * workbooks get the same content and the bytes compare. Generous to the baseline: the
 * non-unit sheets go in 200-row blocks and each sheet's formatting in one request, so its
 * round trips are a lower bound for "the same tracker, written the naive way".
 */
import { SHEET, UNIT_COLUMNS } from "../src/blueprint/layout";
import { Cell, SheetBlueprint, WorkbookBlueprint, isFormula } from "../src/blueprint/types";
import { literalText } from "../src/excel/cell-input";
import { PayloadBudget } from "../src/excel/payload-budget";
import { protectSheet, writeSheetBody } from "../src/excel/sheet-writer";

/** Writing through `formulas`: constants as typed (literal text kept literal), formulas with "=". */
function input(cell: Cell | undefined): string | number | null {
  if (cell === null || cell === undefined) return null;
  if (isFormula(cell)) return `=${cell.f}`;
  return typeof cell === "string" ? literalText(cell) : cell;
}

const rowInput = (row: readonly Cell[], width: number): Array<string | number | null> =>
  Array.from({ length: width }, (_, c) => input(row[c]));

export interface NaiveBuildOptions {
  /** Write only these unit sheets' rows (the other sheets are still created and filled); for sampling. */
  unitSheets?: ReadonlySet<string>;
  onProgress?: (done: number, total: number) => void;
}

/** Writes the blueprint the naive way into an empty workbook. */
export async function naiveBuild(context: Excel.RequestContext, blueprint: WorkbookBlueprint, options: NaiveBuildOptions = {}): Promise<void> {
  const worksheets = context.workbook.worksheets;
  // Every sheet exists before any formula is written, so cross-sheet references resolve.
  for (const sheet of blueprint.sheets) {
    worksheets.add(sheet.name);
    await context.sync();
  }
  const units = blueprint.sheets.filter((s) => s.role === "unit" && (!options.unitSheets || options.unitSheets.has(s.name)));
  let done = 0;
  for (const sheet of units) {
    const ws = worksheets.getItem(sheet.name);
    for (const [r, row] of sheet.cells.entries()) {
      if (row.length === 0) continue;
      ws.getRangeByIndexes(r, 0, 1, row.length).formulas = [rowInput(row, row.length)];
      await context.sync();
    }
    options.onProgress?.(++done, units.length);
  }
  for (const sheet of blueprint.sheets.filter((s) => s.role !== "unit")) {
    const ws = worksheets.getItem(sheet.name);
    for (let first = 0; first < sheet.cells.length; first += BLOCK_ROWS) {
      writeBlock(ws, sheet, first);
      await context.sync();
    }
  }
  // Formatting, validation and protection: the add-in's own sheet writer without the cells,
  // one request per sheet, so that both workbooks carry the same content.
  for (const sheet of blueprint.sheets) {
    const ws = worksheets.getItem(sheet.name);
    await writeSheetBody(ws, { ...sheet, cells: [] }, new PayloadBudget(context), { printLayout: true });
    if (sheet.visibility !== "visible") ws.visibility = sheet.visibility === "hidden" ? "Hidden" : "VeryHidden";
    protectSheet(ws, sheet);
    await context.sync();
  }
  for (const n of blueprint.names) context.workbook.names.add(n.name, `=${n.ref}`);
  worksheets.getItem(SHEET.summary).activate();
  await context.sync();
}

/**
 * Rows per request for the non-unit sheets. Whole sheets would be fewer requests but the
 * 5,000-task 任务总表 alone passes Excel's 5 MB request cap; 200 rows stay far below it.
 */
const BLOCK_ROWS = 200;

function writeBlock(ws: Excel.Worksheet, sheet: SheetBlueprint, first: number): void {
  const rows = sheet.cells.slice(first, first + BLOCK_ROWS);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  ws.getRangeByIndexes(first, 0, rows.length, width).formulas = rows.map((row) => rowInput(row, width));
}

/** task id|unit → status, as the naive add-in reads it: one sync per unit sheet. */
export async function naiveReadStatuses(context: Excel.RequestContext): Promise<Map<string, string>> {
  const sheets = context.workbook.worksheets.load("items/name");
  const meta = context.workbook.worksheets.getItem(SHEET.meta).getUsedRange(true).load("values");
  await context.sync();
  // The unit ↔ sheet table follows the "unit | sheet | tasks" header in _meta.
  const rows = meta.values as unknown[][];
  const header = rows.findIndex((r) => r[0] === "unit" && r[1] === "sheet");
  const present = new Set(sheets.items.map((s) => s.name));
  const units = rows.slice(header + 1).filter((r) => typeof r[0] === "string" && r[0] !== "" && present.has(String(r[1])));
  const statusCol = UNIT_COLUMNS.indexOf("完成状态");
  const statuses = new Map<string, string>();
  for (const [unit, sheet] of units) {
    const used = context.workbook.worksheets.getItem(String(sheet)).getUsedRange(true).load("values");
    await context.sync();
    for (const row of used.values as unknown[][]) {
      if (typeof row[0] === "number" && row[statusCol] !== "") statuses.set(`${row[0]}|${unit}`, String(row[statusCol]));
    }
  }
  return statuses;
}
