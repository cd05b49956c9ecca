/**
 * The whole tracker workbook as plain data. Renderers (Office.js, ExcelJS) turn it into
 * a workbook without making any layout decision of their own.
 */

/** Text is always literal text (never a formula, whatever its first character). */
export type Cell = string | number | null | Formula;

/** A formula without its leading "=". */
export interface Formula {
  f: string;
}

export function isFormula(cell: Cell): cell is Formula {
  return typeof cell === "object" && cell !== null;
}

export interface StyleSpec {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  fontSize?: number;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center";
  numberFormat?: string;
  border?: boolean;
}

export interface FormatBlock {
  /** A1 range on this sheet, e.g. "A2:N2". */
  range: string;
  style: StyleSpec;
}

export interface ListValidation {
  range: string;
  /** Inline list (Excel caps inline lists at 255 characters). */
  values: string[];
  errorTitle: string;
  errorMessage: string;
  prompt?: string;
}

export interface ConditionalFormat {
  range: string;
  /** Expression relative to the range's top-left cell, without "=". */
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface SheetProtection {
  /** Deters accidents; not security. Empty means no password. */
  password?: string;
  /** The input ranges: the only cells a recipient can change. */
  unlocked: string[];
}

export type SheetRole = "summary" | "master" | "instructions" | "unit" | "meta" | "log" | "history" | "contacts";

export interface SheetBlueprint {
  name: string;
  role: SheetRole;
  /** Canonical unit name for role "unit". */
  unit?: string;
  visibility: "visible" | "hidden" | "veryHidden";
  tabColor?: string;
  /** Row-major cells starting at A1; rows may be shorter than the widest row. */
  cells: Cell[][];
  /** Column widths in Excel character units, from column A. */
  columnWidths: number[];
  /** 1-based row number → height in points. */
  rowHeights: Record<number, number>;
  /** Applied in order; later blocks override earlier ones. */
  formats: FormatBlock[];
  validations: ListValidation[];
  conditionalFormats: ConditionalFormat[];
  freeze: { rows: number; columns: number };
  protection: SheetProtection;
  print?: PrintLayout;
}

/** How a sheet prints: always A4. */
export interface PrintLayout {
  orientation: "landscape" | "portrait";
  /** Rows repeated at the top of every page, e.g. "$1:$2". */
  titleRows: string;
  /** Columns repeated at the left of every page, e.g. "$A:$B": who and what, next to the inputs on page two. */
  titleColumns?: string;
  /** Pages across: wide sheets print over two so the text stays legible instead of shrinking to one. */
  pagesWide?: number;
}

export interface DefinedName {
  name: string;
  /** A reference such as "'_meta'!$B$1". */
  ref: string;
}

export interface WorkbookBlueprint {
  trackerId: string;
  schemaVersion: number;
  listName: string;
  listHash: string;
  title: string;
  sheets: SheetBlueprint[];
  names: DefinedName[];
  activeSheet: string;
}
