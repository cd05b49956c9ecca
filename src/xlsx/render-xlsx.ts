import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseRange } from "../blueprint/a1";
import { SheetBlueprint, WorkbookBlueprint, isFormula } from "../blueprint/types";
import { applyStyle, argb } from "./styles";
import { wrappedRowHeights } from "./row-heights";
import { withWholeCharacters } from "./whole-characters";

/**
 * Spin count for sheet passwords. Protection only deters accidents (unzipping removes
 * it), and Excel's default of 100,000 costs ~0.23 s per sheet.
 */
const SPIN_COUNT = 1000;

/**
 * Named on every cell: a font without a name prints as serif in LibreOffice. 宋体 (SimSun)
 * ships with every Chinese Windows and WPS; elsewhere the application substitutes its CJK font.
 */
export const CJK_FONT = "宋体";

/** Present at run time in ExcelJS 4.4 (lib/doc/row.js) but missing from its typings. */
type RowWithStyle = ExcelJS.Row & { style: Partial<ExcelJS.Style> };

/** Present at run time in ExcelJS 4.4 but missing from its typings. */
type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/**
 * One style object per distinct style in the whole workbook. ExcelJS recognises a style
 * object it has seen (a WeakMap in its styles writer) and skips serialising it again, which
 * is most of its styling time; the 37 unit sheets of Jiangxi have the same ~10 styles, so
 * sharing across sheets, not only within one, saves ~400 serialisations.
 */
type SharedStyles = Map<string, Partial<ExcelJS.Style>>;

/**
 * ExcelJS gives every row its own empty style object and serialises each one when it writes
 * (the row's style is not in its WeakMap); one frozen object for every row is recognised
 * after the first. A frozen object also keeps ExcelJS from ever writing through it.
 */
const NO_ROW_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/**
 * Gives each cell the style of the format blocks covering it (in order) and its lock state;
 * a written cell that no block covers still gets the named CJK font.
 *
 * The blocks' edges cut the sheet into bands (rectangles no edge crosses), so every cell of a
 * band is covered by the same blocks: the cover and its style are worked out once per band
 * rather than once per cell. Cells with the same cover share one style object (SharedStyles).
 */
function applyFormats(ws: ExcelJS.Worksheet, sheet: SheetBlueprint, shared: SharedStyles): void {
  const blocks = sheet.formats.map((block) => parseRange(block.range));
  const unlocked = sheet.protection.unlocked.map(parseRange);
  const rects = [...blocks, ...unlocked];
  const lastColumn = sheet.cells.reduce((n, cells) => Math.max(n, cells.length), 0);
  // Rows are 1-based and columns 0-based, as parseRange gives them; each cut starts a band.
  const rowCuts = new Set([1, sheet.cells.length + 1]);
  const columnCuts = new Set([0, lastColumn]);
  for (const r of rects) {
    rowCuts.add(r.top).add(r.bottom + 1);
    columnCuts.add(r.left).add(r.right + 1);
  }
  const rowBands = [...rowCuts].sort((a, b) => a - b);
  const columnBands = [...columnCuts].sort((a, b) => a - b);
  const contains = (r: (typeof rects)[number], row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  const styleOf = (row: number, col: number): Partial<ExcelJS.Style> => {
    const style: Partial<ExcelJS.Style> = {};
    blocks.forEach((r, i) => contains(r, row, col) && applyStyle(style, sheet.formats[i].style));
    // Unlocking comes after every format block, as protection did after formats.
    if (unlocked.some((r) => contains(r, row, col))) style.protection = { locked: false };
    style.font = { name: CJK_FONT, ...style.font };
    const canonical = JSON.stringify(style);
    const known = shared.get(canonical) ?? style;
    shared.set(canonical, known);
    return known;
  };
  // Row 0 is above every block: the style of a written cell that no block covers.
  const fontOnly = styleOf(0, 0);
  for (let i = 0; i + 1 < rowBands.length; i++) {
    for (let j = 0; j + 1 < columnBands.length; j++) {
      const [top, left] = [rowBands[i], columnBands[j]];
      const covered = rects.some((r) => contains(r, top, left));
      const style = covered ? styleOf(top, left) : fontOnly;
      for (let row = top; row < rowBands[i + 1]; row++) {
        const values = sheet.cells[row - 1];
        for (let col = left; col < columnBands[j + 1]; col++) {
          if (covered || (values?.[col] !== undefined && values[col] !== null)) ws.getRow(row).getCell(col + 1).style = style;
        }
      }
    }
  }
}

/** Rows under a wrapping format block. */
function wrappedRows(sheet: SheetBlueprint): Set<number> {
  const rows = new Set<number>();
  for (const block of sheet.formats) {
    if (!block.style.wrap) continue;
    const r = parseRange(block.range);
    for (let row = r.top; row <= Math.min(r.bottom, sheet.cells.length); row++) rows.add(row);
  }
  return rows;
}

async function renderSheet(wb: ExcelJS.Workbook, sheet: SheetBlueprint, shared: SharedStyles): Promise<void> {
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
          ...(sheet.print.titleColumns ? { printTitlesColumn: sheet.print.titleColumns.replace(/\$/g, "") } : {}),
          fitToPage: true,
          fitToWidth: sheet.print.pagesWide ?? 1,
          fitToHeight: 0,
          horizontalCentered: true,
          margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
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
  for (const [row, height] of wrappedRowHeights(sheet, wrappedRows(sheet))) ws.getRow(row).height = height;
  applyFormats(ws, sheet, shared);
  ws.eachRow({ includeEmpty: true }, (row) => ((row as RowWithStyle).style = NO_ROW_STYLE));
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
  const shared: SharedStyles = new Map();
  for (const sheet of bp.sheets) await renderSheet(wb, sheet, shared);
  for (const n of bp.names) wb.definedNames.add(n.ref, n.name);
  const active = Math.max(0, bp.sheets.findIndex((s) => s.name === bp.activeSheet));
  // A hidden sheet must never be the active tab, so name it explicitly.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  return wb;
}

export interface WriteOptions {
  /**
   * The time the file is written at. When given, the file depends only on the blueprint
   * and this time: ExcelJS stamps the clock into docProps/core.xml and every zip entry,
   * so both take this time and the package is deflated at level 1 with every entry dated
   * `at`. ExcelJS's own zip writer cannot date entries, so its stored output is repacked by
   * our JSZip (the same code in Node and in the browser); the CLI bundle's writer
   * (scripts/cli-zip-writer.js) dates and deflates them itself and is kept as written.
   */
  at?: Date;
}

export async function writeXlsxBuffer(bp: WorkbookBlueprint, options: WriteOptions = {}): Promise<Uint8Array> {
  const wb = await renderWorkbook(bp);
  if (!options.at) {
    // Deflate level 1: a fifth of the packing time of the default 6 for a file ~10 % larger.
    const zip = { compression: "DEFLATE", compressionOptions: { level: 1 } };
    return new Uint8Array(await withWholeCharacters(() => wb.xlsx.writeBuffer({ zip } as ExcelJS.XlsxWriteOptions)));
  }
  wb.created = options.at;
  wb.modified = options.at;
  const zip = { compression: "STORE", finalAt: options.at };
  const written = new Uint8Array(await withWholeCharacters(() => wb.xlsx.writeBuffer({ zip } as unknown as ExcelJS.XlsxWriteOptions)));
  return firstEntryFinal(written, options.at) ? written : repack(written, options.at);
}

/** ZIP local file header (APPNOTE 4.3.7): method at offset 8, DOS time at 10, DOS date at 12. */
function firstEntryFinal(zip: Uint8Array, at: Date): boolean {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (zip.byteLength < 30 || view.getUint32(0, true) !== 0x04034b50) return false;
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const DEFLATE = 8;
  return view.getUint16(8, true) === DEFLATE && view.getUint16(10, true) === time && view.getUint16(12, true) === date;
}

/** The same entries in the same order, each dated `at`, deflated at level 1 (see writeXlsxBuffer). */
async function repack(data: Uint8Array, at: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(data);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (!entry.dir) out.file(entry.name, await entry.async("uint8array"), { date: at, createFolders: false });
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 }, platform: "DOS" });
}
