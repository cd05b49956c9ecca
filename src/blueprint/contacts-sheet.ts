import { rangeAddress } from "./a1";
import { COLORS, SHEET } from "./layout";
import { Grid, gridText } from "./read-grid";
import { emptySheet, headerFormat } from "./sheet-parts";
import { SheetBlueprint } from "./types";

/** 联络员: one row per unit; 邮箱 and 抄送 may each hold several addresses. */
export const CONTACT_COLUMNS = ["单位", "联系人", "电话", "邮箱", "抄送"] as const;

export interface Contact {
  unit: string;
  name: string;
  phone: string;
  email: string;
  cc: string;
}

/** Rows left open below the contacts, so the coordinator can add one without unprotecting. */
const SPARE_ROWS = 100;

/**
 * The contacts as given, then a blank row for every unit that has none, so the sheet
 * itself shows who is missing and where to type. The whole table stays editable.
 */
export function contactsSheet(contacts: readonly Contact[], units: readonly string[], password?: string): SheetBlueprint {
  const sheet = emptySheet(SHEET.contacts, "contacts");
  sheet.tabColor = COLORS.instructionsTab;
  const covered = new Set(contacts.map((c) => c.unit));
  const rows = [...contacts, ...units.filter((u) => !covered.has(u)).map((unit) => ({ unit, name: "", phone: "", email: "", cc: "" }))];
  sheet.cells = [[...CONTACT_COLUMNS], ...rows.map((c) => [c.unit, c.name, c.phone, c.email, c.cc])];
  sheet.columnWidths = [28, 12, 16, 32, 32];
  sheet.formats.push(headerFormat(1, CONTACT_COLUMNS.length));
  const last = rows.length + 1 + SPARE_ROWS;
  sheet.formats.push({ range: rangeAddress(2, 0, last, CONTACT_COLUMNS.length - 1), style: { fill: COLORS.input, vAlign: "top" } });
  sheet.freeze = { rows: 1, columns: 1 };
  sheet.protection = { password, unlocked: [rangeAddress(2, 0, last, CONTACT_COLUMNS.length - 1)] };
  return sheet;
}

/** Reads the sheet by its header texts (columns may be moved); rows without a unit are skipped. */
export function readContactsGrid(grid: Grid): Contact[] {
  const header = (grid[0] ?? []).map((c) => gridText(c).replace(/\s+/g, ""));
  const col = (name: (typeof CONTACT_COLUMNS)[number]) => header.indexOf(name);
  const at = (row: Grid[number], name: (typeof CONTACT_COLUMNS)[number]) => (col(name) < 0 ? "" : gridText(row[col(name)]).trim());
  if (col("单位") < 0) return [];
  return grid
    .slice(1)
    .map((row) => ({ unit: at(row, "单位"), name: at(row, "联系人"), phone: at(row, "电话"), email: at(row, "邮箱"), cc: at(row, "抄送") }))
    .filter((c) => c.unit !== "");
}
