import type { Style } from "exceljs";
import { StyleSpec } from "../blueprint/types";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const THIN = { style: "thin" as const, color: { argb: "FFBFBFBF" } };

/** Merges one style block into a cell's style; parts are replaced, never mutated, as ExcelJS shares them. */
export function applyStyle(cell: Partial<Style>, spec: StyleSpec): void {
  if (spec.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(spec.fill) } };
  if (spec.bold !== undefined || spec.fontColor || spec.fontSize) {
    const font: Partial<Style["font"]> = { ...cell.font };
    if (spec.bold !== undefined) font.bold = spec.bold;
    if (spec.fontColor) font.color = { argb: argb(spec.fontColor) };
    if (spec.fontSize) font.size = spec.fontSize;
    cell.font = font;
  }
  if (spec.wrap !== undefined || spec.hAlign || spec.vAlign) {
    const alignment: Partial<Style["alignment"]> = { ...cell.alignment };
    if (spec.wrap !== undefined) alignment.wrapText = spec.wrap;
    if (spec.hAlign) alignment.horizontal = spec.hAlign;
    if (spec.vAlign) alignment.vertical = spec.vAlign === "center" ? "middle" : "top";
    cell.alignment = alignment;
  }
  if (spec.numberFormat) cell.numFmt = spec.numberFormat;
  if (spec.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

export { argb };
