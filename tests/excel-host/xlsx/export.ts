/**
 * Writes the host's workbook to .xlsx with ExcelJS so LibreOffice (or Excel) can open and
 * recompute what the add-in built. Formulas go out without cached results by default, so the
 * reader computes them itself instead of trusting HyperFormula's.
 */
import ExcelJS from "exceljs";
import { columnLetters, formatRef } from "../model/address";
import { cellValue } from "../model/cell-ops";
import type { BorderSpec, StyleData } from "../model/styles";
import type { ConditionalFormatModel, ProtectionOptions } from "../model/sheet-features";
import type { WorkbookModel } from "../model/workbook";
import type { SheetModel } from "../model/worksheet";
import { referencedRangeText } from "./names";

export interface ExportOptions {
  /** Write HyperFormula's results as cached values next to formulas (default false). */
  includeFormulaResults?: boolean;
  /** Password-hash spin count; ExcelJS's default (100000) costs ~0.2 s per protected sheet. */
  protectionSpinCount?: number;
}

export interface ExportResult {
  buffer: Buffer;
  /** What could not be written (ExcelJS has no charts, no custom properties...). */
  warnings: string[];
}

const argb = (hex: string): string => `FF${hex.replace("#", "")}`;

const HORIZONTAL: Record<string, ExcelJS.Alignment["horizontal"] | undefined> = {
  General: undefined,
  Left: "left",
  Center: "center",
  Right: "right",
  Fill: "fill",
  Justify: "justify",
  CenterAcrossSelection: "centerContinuous",
  Distributed: "distributed",
};
const VERTICAL: Record<string, ExcelJS.Alignment["vertical"]> = {
  Top: "top",
  Center: "middle",
  Bottom: "bottom",
  Justify: "justify",
  Distributed: "distributed",
};
const UNDERLINE: Record<string, ExcelJS.Font["underline"]> = {
  None: false,
  Single: "single",
  Double: "double",
  SingleAccountant: "singleAccounting",
  DoubleAccountant: "doubleAccounting",
};
const PAPER: Record<string, number> = {
  Letter: 1, LetterSmall: 2, Tabloid: 3, Ledger: 4, Legal: 5, Statement: 6, Executive: 7, A3: 8, A4: 9, A4Small: 10,
  A5: 11, B4: 12, B5: 13, Folio: 14, Quatro: 15, Paper10x14: 16, Paper11x17: 17, Note: 18, Envelope9: 19, Envelope10: 20,
  Envelope11: 21, Envelope12: 22, Envelope14: 23, Csheet: 24, Dsheet: 25, Esheet: 26, EnvelopeDL: 27, EnvelopeC5: 28,
  EnvelopeC3: 29, EnvelopeC4: 30, EnvelopeC6: 31, EnvelopeC65: 32, EnvelopeB4: 33, EnvelopeB5: 34, EnvelopeB6: 35,
  EnvelopeItaly: 36, EnvelopeMonarch: 37, EnvelopePersonal: 38, FanfoldUS: 39, FanfoldStdGerman: 40, FanfoldLegalGerman: 41,
};
const OPERATORS: Record<string, string> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqual: "greaterThanOrEqual",
  LessThanOrEqual: "lessThanOrEqual",
};

function borderStyle(b: BorderSpec): ExcelJS.BorderStyle {
  const heavy = b.weight === "Medium" || b.weight === "Thick";
  switch (b.style) {
    case "Dash":
      return heavy ? "mediumDashed" : "dashed";
    case "DashDot":
      return heavy ? "mediumDashDot" : "dashDot";
    case "DashDotDot":
      return heavy ? "mediumDashDotDot" : "dashDotDot";
    case "Dot":
      return "dotted";
    case "Double":
      return "double";
    case "SlantDashDot":
      return "slantDashDot";
    default:
      return b.weight === "Hairline" ? "hair" : b.weight === "Medium" ? "medium" : b.weight === "Thick" ? "thick" : "thin";
  }
}

export function excelStyle(s: StyleData): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: {
      name: s.fontName,
      size: s.fontSize,
      bold: s.bold,
      italic: s.italic,
      underline: UNDERLINE[s.underline],
      strike: s.strikethrough,
      color: { argb: argb(s.fontColor) },
    },
    alignment: {
      horizontal: HORIZONTAL[s.horizontalAlignment],
      vertical: VERTICAL[s.verticalAlignment],
      wrapText: s.wrapText,
      indent: s.indentLevel,
    },
    protection: { locked: s.locked, hidden: s.formulaHidden },
  };
  if (s.numberFormat !== "General") style.numFmt = s.numberFormat;
  if (s.fillColor) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fillColor) } };
  const border: Partial<ExcelJS.Borders> = {};
  for (const [side, b] of [
    ["top", s.borderTop],
    ["bottom", s.borderBottom],
    ["left", s.borderLeft],
    ["right", s.borderRight],
  ] as const) {
    if (b) border[side] = { style: borderStyle(b), color: { argb: argb(b.color) } };
  }
  if (Object.keys(border).length > 0) style.border = border;
  return style;
}

/** Column width in Excel's character units from points (Calibri 11: 7 px per character + 5 px). */
const widthChars = (points: number): number => Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);

function protectionFlags(o: ProtectionOptions): Partial<ExcelJS.WorksheetProtection> {
  return {
    selectLockedCells: o.selectionMode === "Normal",
    selectUnlockedCells: o.selectionMode !== "None",
    formatCells: o.allowFormatCells,
    formatColumns: o.allowFormatColumns,
    formatRows: o.allowFormatRows,
    insertColumns: o.allowInsertColumns,
    insertRows: o.allowInsertRows,
    insertHyperlinks: o.allowInsertHyperlinks,
    deleteColumns: o.allowDeleteColumns,
    deleteRows: o.allowDeleteRows,
    sort: o.allowSort,
    autoFilter: o.allowAutoFilter,
    pivotTables: o.allowPivotTables,
    objects: o.allowEditObjects,
    scenarios: o.allowEditScenarios,
  };
}

function conditionalFormat(cf: ConditionalFormatModel, priority: number): ExcelJS.ConditionalFormattingRule {
  const look = cf.look;
  const style: Partial<ExcelJS.Style> = {};
  if (look.fillColor) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(look.fillColor) } };
  const font: Partial<ExcelJS.Font> = {};
  if (look.fontColor) font.color = { argb: argb(look.fontColor) };
  if (look.bold !== null) font.bold = look.bold;
  if (look.italic !== null) font.italic = look.italic;
  if (look.strikethrough !== null) font.strike = look.strikethrough;
  if (Object.keys(font).length > 0) style.font = font;
  if (look.numberFormat) style.numFmt = look.numberFormat;
  const strip = (f: string | undefined): string => (f ?? "").replace(/^=/, "");
  if (cf.type === "Custom") {
    return { type: "expression", priority, formulae: [strip(cf.rule.formula)], style } as ExcelJS.ConditionalFormattingRule;
  }
  const formulae = [strip(cf.rule.formula1)];
  if (cf.rule.formula2 !== undefined) formulae.push(strip(cf.rule.formula2));
  return { type: "cellIs", operator: OPERATORS[cf.rule.operator ?? "EqualTo"], priority, formulae, style } as ExcelJS.ConditionalFormattingRule;
}

function writeSheet(wb: WorkbookModel, sheet: SheetModel, ws: ExcelJS.Worksheet, options: ExportOptions, warnings: string[]): void {
  ws.properties.defaultRowHeight = sheet.defaultRowHeight;
  if (sheet.defaultColumnWidth !== 48) ws.properties.defaultColWidth = widthChars(sheet.defaultColumnWidth);
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  const columns = new Set<number>([...sheet.colWidths.keys(), ...sheet.colStyles.keys(), ...sheet.hiddenCols]);
  for (const c of columns) {
    const col = ws.getColumn(c + 1);
    if (sheet.colWidths.has(c)) col.width = widthChars(sheet.columnWidth(c));
    if (sheet.hiddenCols.has(c)) col.hidden = true;
    const style = sheet.colStyles.get(c);
    if (style) col.style = excelStyle(style.data);
  }
  const rows = new Set<number>([...sheet.rowHeights.keys(), ...sheet.rowStyles.keys(), ...sheet.hiddenRows]);
  for (const r of rows) {
    const row = ws.getRow(r + 1);
    if (sheet.rowHeights.has(r)) row.height = sheet.rowHeight(r);
    if (sheet.hiddenRows.has(r)) row.hidden = true;
    const style = sheet.rowStyles.get(r);
    if (style) (row as unknown as { style: Partial<ExcelJS.Style> }).style = excelStyle(style.data);
  }
  sheet.forEachCell({ r0: 0, c0: 0, r1: sheet.rows.length, c1: 16383 }, (cell, r, c) => {
    const target = ws.getCell(r + 1, c + 1);
    if (cell.f !== undefined) {
      const formula = cell.f.slice(1);
      target.value = options.includeFormulaResults
        ? ({ formula, result: cellValue(wb, sheet, r, c) } as ExcelJS.CellFormulaValue)
        : ({ formula } as ExcelJS.CellFormulaValue);
    } else if (cell.v !== undefined && cell.v !== "") {
      target.value = cell.v;
    }
    target.style = excelStyle(sheet.styleAt(r, c).data);
  });
  if (sheet.freeze.rows > 0 || sheet.freeze.cols > 0) {
    ws.views = [
      { state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows, showGridLines: sheet.showGridlines },
    ];
  } else if (!sheet.showGridlines) {
    ws.views = [{ state: "normal", showGridLines: false }];
  }
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const entry of sheet.validations) {
    if (!entry.rule) continue;
    const common = {
      allowBlank: entry.ignoreBlanks,
      showInputMessage: entry.prompt.showPrompt,
      promptTitle: entry.prompt.title || undefined,
      prompt: entry.prompt.message || undefined,
      showErrorMessage: entry.errorAlert.showAlert,
      errorStyle: entry.errorAlert.style.toLowerCase(),
      errorTitle: entry.errorAlert.title || undefined,
      error: entry.errorAlert.message || undefined,
    };
    let v: ExcelJS.DataValidation;
    if ("list" in entry.rule) {
      const src = entry.rule.list.source;
      if (!entry.rule.list.inCellDropDown) warnings.push(`${sheet.name}: inCellDropDown=false is not written (ExcelJS)`);
      v = { type: "list", formulae: [src.startsWith("=") ? src.slice(1) : `"${src}"`], ...common };
    } else {
      v = { type: "custom", formulae: [entry.rule.custom.formula.replace(/^=/, "")], ...common };
    }
    for (const rect of entry.rects) dv.add(formatRef(rect), v);
  }
  sheet.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({ ref: cf.rects.map((r) => formatRef(r)).join(" "), rules: [conditionalFormat(cf, i + 1)] });
  });
  const layout = sheet.pageLayout;
  const setup: Partial<ExcelJS.PageSetup> = {
    orientation: layout.orientation === "Landscape" ? "landscape" : "portrait",
    horizontalCentered: layout.centerHorizontally,
    verticalCentered: layout.centerVertically,
    showGridLines: layout.printGridlines,
    blackAndWhite: layout.blackAndWhite,
    draft: layout.draftMode,
    margins: {
      left: layout.leftMargin / 72,
      right: layout.rightMargin / 72,
      top: layout.topMargin / 72,
      bottom: layout.bottomMargin / 72,
      header: layout.headerMargin / 72,
      footer: layout.footerMargin / 72,
    },
  };
  const paper = PAPER[layout.paperSize];
  if (paper !== undefined) (setup as { paperSize?: number }).paperSize = paper;
  if (layout.printTitleRows) setup.printTitlesRow = `${layout.printTitleRows.r0 + 1}:${layout.printTitleRows.r1 + 1}`;
  if (layout.printTitleColumns) {
    // Columns as letters ("A:B"), as Excel writes them: a full-height cell range makes ExcelJS
    // expand its defined name cell by cell (two million cells for two columns).
    setup.printTitlesColumn = `${columnLetters(layout.printTitleColumns.c0)}:${columnLetters(layout.printTitleColumns.c1)}`;
  }
  if (layout.printArea) setup.printArea = formatRef(layout.printArea);
  if (layout.zoom.scale !== null) setup.scale = layout.zoom.scale;
  else Object.assign(setup, { fitToPage: true, fitToWidth: layout.zoom.horizontalFitToPages ?? 0, fitToHeight: layout.zoom.verticalFitToPages ?? 0 });
  Object.assign(ws.pageSetup, setup);
  const charts = sheet.charts.filter((c) => !c.deleted);
  if (charts.length) warnings.push(`${sheet.name}: ${charts.length} chart(s) not written (ExcelJS has no charts)`);
  const tables = sheet.tables.filter((t) => !t.deleted);
  if (tables.length) warnings.push(`${sheet.name}: ${tables.length} table(s) written as plain cells`);
}

export async function exportXlsx(wb: WorkbookModel, options: ExportOptions = {}): Promise<ExportResult> {
  const warnings: string[] = [];
  const book = new ExcelJS.Workbook();
  const p = wb.properties;
  Object.assign(book, {
    title: p.title,
    subject: p.subject,
    creator: p.author,
    keywords: p.keywords,
    description: p.comments,
    category: p.category,
    manager: p.manager,
    company: p.company,
    lastModifiedBy: p.lastAuthor,
  });
  if (wb.customProperties.length) warnings.push("custom document properties not written (ExcelJS)");
  const sheets: Array<[SheetModel, ExcelJS.Worksheet]> = wb.sheets.map((sheet) => [
    sheet,
    book.addWorksheet(sheet.name, {
      state: sheet.visibility === "Visible" ? "visible" : sheet.visibility === "Hidden" ? "hidden" : "veryHidden",
    }),
  ]);
  for (const [sheet, ws] of sheets) writeSheet(wb, sheet, ws, options, warnings);
  for (const n of wb.names) {
    const ref = referencedRangeText(wb, n.formula);
    if (ref) book.definedNames.add(ref, n.name);
    else warnings.push(`name ${n.name} (${n.formula}) not written: ExcelJS only writes range names`);
  }
  for (const [sheet, ws] of sheets) {
    if (!sheet.protection.protected) continue;
    await ws.protect(sheet.protection.password ?? "", {
      ...protectionFlags(sheet.protection.options),
      spinCount: options.protectionSpinCount ?? 1000,
    });
  }
  const active = wb.activeSheet ? wb.sheets.indexOf(wb.activeSheet) : 0;
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: "visible" }];
  const data = await book.xlsx.writeBuffer();
  return { buffer: Buffer.from(data as ArrayBuffer), warnings };
}
