/** Plain state of the per-sheet features that are not cells. */
import type { Rect } from "./address";

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export const DEFAULT_PROTECTION_OPTIONS: ProtectionOptions = Object.freeze({
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
});

export interface ProtectionState {
  protected: boolean;
  options: ProtectionOptions;
  password: string | null;
}

export type ValidationRule =
  | { list: { inCellDropDown: boolean; source: string } }
  | { custom: { formula: string } };

export interface ValidationPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

export interface ValidationErrorAlert {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

/** One data validation as Excel stores it: a rule over a set of disjoint rectangles. */
export interface ValidationEntry {
  rects: Rect[];
  rule: ValidationRule | null;
  ignoreBlanks: boolean;
  prompt: ValidationPrompt;
  errorAlert: ValidationErrorAlert;
}

export interface ConditionalFormatLook {
  fillColor: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  underline: string | null;
  strikethrough: boolean | null;
  numberFormat: string | null;
}

export interface ConditionalFormatModel {
  id: string;
  type: "Custom" | "CellValue";
  rects: Rect[];
  stopIfTrue: boolean;
  /** Custom: `formula`; CellValue: `formula1`, `formula2`, `operator`. */
  rule: { formula?: string; formula1?: string; formula2?: string; operator?: string };
  look: ConditionalFormatLook;
}

export const emptyLook = (): ConditionalFormatLook => ({
  fillColor: null,
  fontColor: null,
  bold: null,
  italic: null,
  underline: null,
  strikethrough: null,
  numberFormat: null,
});

export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  source: Rect;
  seriesBy: string;
  titleText: string;
  titleVisible: boolean;
  top: number;
  left: number;
  width: number;
  height: number;
  deleted: boolean;
}

export interface TableModel {
  id: string;
  name: string;
  rect: Rect;
  showHeaders: boolean;
  deleted: boolean;
}

export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  printGridlines: boolean;
  printHeadings: boolean;
  centerHorizontally: boolean;
  centerVertically: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  printTitleRows: { r0: number; r1: number } | null;
  printTitleColumns: { c0: number; c1: number } | null;
  printArea: Rect | null;
  /** Print scale (%) or pages to fit to; null where the other is in use (PageLayoutZoomOptions). */
  zoom: { scale: number | null; horizontalFitToPages: number | null; verticalFitToPages: number | null };
}

/** Excel's defaults: Letter, portrait, "Normal" margins (0.7"/0.75"/0.3") in points. */
export const defaultPageLayout = (): PageLayoutModel => ({
  orientation: "Portrait",
  paperSize: "Letter",
  printGridlines: false,
  printHeadings: false,
  centerHorizontally: false,
  centerVertically: false,
  blackAndWhite: false,
  draftMode: false,
  leftMargin: 50.4,
  rightMargin: 50.4,
  topMargin: 54,
  bottomMargin: 54,
  headerMargin: 21.6,
  footerMargin: 21.6,
  printTitleRows: null,
  printTitleColumns: null,
  printArea: null,
  zoom: { scale: 100, horizontalFitToPages: null, verticalFitToPages: null },
});
