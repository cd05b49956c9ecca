/**
 * Starting a host from plain data, for tests that begin with an existing workbook (a copy a
 * unit sent back, a workbook built by an earlier version). Seeding writes straight into the
 * model: no round trips are counted and protection is applied last.
 */
import { RangeObj } from "./api/objects";
import { formatAddress, parseRef, splitSheetQualifier } from "./model/address";
import { writeContent, writeNumberFormat } from "./model/cell-ops";
import { DEFAULT_PROTECTION_OPTIONS, ProtectionOptions, ValidationRule } from "./model/sheet-features";
import { entryFor, parseRule } from "./model/validation";
import type { SheetVisibility, WorkbookModel } from "./model/workbook";
import type { SheetModel } from "./model/worksheet";
import { checkDefinedName } from "./api/names-api";

export interface SeedSheet {
  name: string;
  /** Rows of cells written from `origin` (default A1) as `range.values` would: "=..." is a formula. */
  cells?: unknown[][];
  origin?: string;
  /** Number formats by address, e.g. `{ "D2:D100": "yyyy-mm-dd" }`. */
  numberFormats?: Record<string, string>;
  visibility?: SheetVisibility;
  /** Addresses whose cells are unlocked (all cells start locked, as in Excel). */
  unlocked?: string[];
  protection?: { options?: Partial<ProtectionOptions>; password?: string };
  freeze?: { rows?: number; columns?: number };
  /** Data validation rules by address, in the API's shape: `{ list: { inCellDropDown, source } }`. */
  validations?: Array<{ address: string; rule: ValidationRule; ignoreBlanks?: boolean }>;
  columnWidths?: Record<string, number>;
  /** The sheet's selection: one address, or several for a multi-area selection (Ctrl+click). */
  selection?: string | string[];
}

export interface SeedData {
  sheets: SeedSheet[];
  /** Workbook-scoped names: `{ name, formula: "='汇总'!$A$1:$A$5" }`. */
  names?: Array<{ name: string; formula: string; comment?: string }>;
  activeSheet?: string;
}

function rectOn(sheet: SheetModel, address: string): RangeObj {
  const { sheet: qualifier, ref } = splitSheetQualifier(address);
  const rect = parseRef(ref);
  if (!rect || (qualifier !== null && qualifier.toUpperCase() !== sheet.name.toUpperCase())) {
    throw new Error(`seed: ${address} is not an address on ${sheet.name}`);
  }
  return new RangeObj(sheet, rect);
}

/** Adds the seeded sheets (after any existing ones) and names to the workbook. */
export function seedWorkbook(wb: WorkbookModel, data: SeedData): void {
  const later: Array<() => void> = [];
  for (const spec of data.sheets) {
    const sheet = wb.addSheet(spec.name);
    for (const [address, format] of Object.entries(spec.numberFormats ?? {})) {
      const r = rectOn(sheet, address);
      writeNumberFormat(sheet, r.rect, format);
    }
    if (spec.cells && spec.cells.length > 0) {
      const origin = rectOn(sheet, spec.origin ?? "A1").rect;
      const width = Math.max(...spec.cells.map((row) => row.length));
      const rows = spec.cells.map((row) => [...row, ...new Array<unknown>(width - row.length).fill(null)]);
      if (width > 0) {
        writeContent(wb, sheet, { r0: origin.r0, c0: origin.c0, r1: origin.r0 + rows.length - 1, c1: origin.c0 + width - 1 }, rows, "values");
      }
    }
    for (const address of spec.unlocked ?? []) sheet.setStyleProp(rectOn(sheet, address).rect, "locked", false);
    for (const [address, width] of Object.entries(spec.columnWidths ?? {})) {
      const r = rectOn(sheet, address).rect;
      for (let c = r.c0; c <= r.c1; c++) sheet.colWidths.set(c, width);
    }
    if (spec.selection !== undefined) {
      const [first, ...more] = (Array.isArray(spec.selection) ? spec.selection : [spec.selection]).map((a) => rectOn(sheet, a).rect);
      sheet.selection = first;
      sheet.moreSelectedAreas = more;
    }
    if (spec.freeze) sheet.freeze = { rows: spec.freeze.rows ?? 0, cols: spec.freeze.columns ?? 0 };
    for (const v of spec.validations ?? []) {
      const entry = entryFor(sheet, rectOn(sheet, v.address).rect);
      entry.rule = parseRule(v.rule, (f) => wb.engine.isParsable(f));
      if (v.ignoreBlanks !== undefined) entry.ignoreBlanks = v.ignoreBlanks;
    }
    later.push(() => {
      if (spec.protection) {
        sheet.protection = {
          protected: true,
          options: { ...DEFAULT_PROTECTION_OPTIONS, ...spec.protection.options },
          password: spec.protection.password ?? null,
        };
      }
      if (spec.visibility && spec.visibility !== "Visible") wb.setVisibility(sheet, spec.visibility);
    });
  }
  for (const n of data.names ?? []) {
    wb.names.push({ name: checkDefinedName(n.name), formula: n.formula.startsWith("=") ? n.formula : `=${n.formula}`, comment: n.comment ?? "", visible: true });
  }
  if (data.names?.length) wb.engine.namesChanged();
  for (const apply of later) apply();
  if (data.activeSheet) {
    const active = wb.findSheet(data.activeSheet);
    if (!active) throw new Error(`seed: no sheet ${data.activeSheet} to activate`);
    wb.activate(active);
  }
}

/** `='Sheet'!$A$1:$B$2` for a range, as a name's formula. */
export const nameFormula = (sheet: string, address: string): string => {
  const rect = parseRef(address);
  if (!rect) throw new Error(`seed: not an address: ${address}`);
  return `=${formatAddress(sheet, rect, true)}`;
};
