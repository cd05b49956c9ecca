import type { CellValue } from "exceljs";
import { isoToSerial, serialToIso } from "../blueprint/dates";

/** The text a person sees in a cell, whatever ExcelJS made of it (rich text, formula result, date). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as CellValue);
    if ("formula" in value || "sharedFormula" in value) return "";
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
    return "";
  }
  return String(value);
}

/** A date cell as ISO; numbers are read as Excel serial dates, text is taken if it is ISO. */
export function cellIsoDate(value: CellValue | undefined): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" && value > 0 && value < 2958466) return serialToIso(value);
  const text = cellText(value).trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  return Number.isFinite(isoToSerial(iso)) ? iso : undefined;
}

export function isFormulaValue(value: CellValue | undefined): boolean {
  return typeof value === "object" && value !== null && !(value instanceof Date) && ("formula" in value || "sharedFormula" in value);
}
