/**
 * What Worksheet.copy carries from one sheet to its copy. The d.ts says only "Copies a
 * worksheet" (ExcelApi 1.7); Excel's copy of a sheet (Move or Copy… › Create a copy) carries
 * the whole sheet: cells (values, formulas, formats), column widths and row heights, hidden
 * rows and columns, data validation, conditional formats, freeze panes, tab colour, page
 * setup with print titles, protection (with its password) and charts. Tables would need new
 * workbook-unique names, which the host does not model: it refuses to copy a sheet with one.
 */
import { invalidOperation } from "./errors";
import type { Cell, SheetModel } from "./worksheet";

export function copySheetContent(from: SheetModel, to: SheetModel, nextId: () => number): void {
  if (from.tables.some((t) => !t.deleted)) {
    throw invalidOperation("the test host does not copy sheets that hold tables (their names would change)");
  }
  from.rows.forEach((row, r) => {
    // Styles are immutable and interned (styles.ts): a cell record is copied, its style shared.
    if (row) to.rows[r] = row.map((cell): Cell | undefined => (cell ? { ...cell } : undefined));
  });
  to.formulaCount = from.formulaCount;
  to.baseStyle = from.baseStyle;
  for (const [k, v] of from.colStyles) to.colStyles.set(k, v);
  for (const [k, v] of from.rowStyles) to.rowStyles.set(k, v);
  for (const [k, v] of from.colWidths) to.colWidths.set(k, v);
  for (const [k, v] of from.rowHeights) to.rowHeights.set(k, v);
  for (const c of from.hiddenCols) to.hiddenCols.add(c);
  for (const r of from.hiddenRows) to.hiddenRows.add(r);
  to.tabColor = from.tabColor;
  to.standardWidth = from.standardWidth;
  to.defaultColumnWidth = from.defaultColumnWidth;
  to.defaultRowHeight = from.defaultRowHeight;
  to.showGridlines = from.showGridlines;
  to.showHeadings = from.showHeadings;
  to.enableCalculation = from.enableCalculation;
  to.freeze = { ...from.freeze };
  to.protection = structuredClone(from.protection);
  to.validations = structuredClone(from.validations);
  to.conditionalFormats = structuredClone(from.conditionalFormats).map((cf) => ({ ...cf, id: String(1000 + nextId()) }));
  to.charts = structuredClone(from.charts.filter((c) => !c.deleted)).map((c) => ({ ...c, id: `{C${String(nextId()).padStart(14, "0")}}` }));
  to.pageLayout = structuredClone(from.pageLayout);
  to.contentChanged();
}
