/**
 * Range.delete("Up") on entire rows: Excel's Delete › Delete Sheet Rows. The d.ts says only
 * "Deletes the cells associated with the range" and that `shift` "Specifies which way to shift
 * the cells"; Microsoft's "Clear or delete ranges" page: Range.delete removes cells "and shift[s]
 * surrounding cells to fill the gap". What moves with the rows is Excel's behaviour on deleting
 * sheet rows: cells with their formats and locks, row heights, hidden rows; data validation and
 * conditional formats keep the rows they covered that remain (a rule whose rows are all deleted
 * goes); print titles shrink the same way. On a protected sheet rows can be deleted only when
 * the protection allows it (Protect a worksheet: "Delete rows"), and never rows with locked cells.
 *
 * The host models that much and refuses, loudly, what it does not model: other shapes and the
 * "Left" shift, formulas that would have to be rewritten (on this sheet, or naming it elsewhere),
 * rule formulas that read the moved or deleted rows, frozen rows, tables and charts.
 */
import { MAX_COLS, Rect } from "./address";
import { accessDenied, notModelled } from "./errors";
import { referencesOf } from "./formula-text";
import { anyLocked } from "./protection";
import type { WorkbookModel } from "./workbook";
import type { SheetModel } from "./worksheet";

const refused = (what: string) => notModelled("Range.delete", what);

/** A rectangle after rows r0..r1 go: unchanged above, shifted up below, cut where it overlaps; null when all of it goes. */
export function rectAfterRowDelete(rect: Rect, r0: number, r1: number): Rect | null {
  const n = r1 - r0 + 1;
  if (rect.r1 < r0) return rect;
  if (rect.r0 > r1) return { ...rect, r0: rect.r0 - n, r1: rect.r1 - n };
  if (rect.r0 >= r0 && rect.r1 <= r1) return null;
  const top = rect.r0 < r0 ? rect.r0 : r0;
  const bottom = rect.r1 > r1 ? rect.r1 - n : r0 - 1;
  return { ...rect, r0: top, r1: bottom };
}

function shiftedKeys<T>(map: Map<number, T>, r0: number, r1: number): void {
  const n = r1 - r0 + 1;
  const moved = [...map].filter(([r]) => r >= r0).sort((a, b) => a[0] - b[0]);
  for (const [r] of moved) map.delete(r);
  for (const [r, v] of moved) if (r > r1) map.set(r - n, v);
}

/** 1-based row numbers a rule formula's references name (relative or absolute alike). */
function rowsRead(formula: string): number[] {
  return referencesOf(formula).refs.flatMap((x) => [...x.ref.matchAll(/\$?(\d+)/g)].map((m) => Number(m[1])));
}

function assertModelled(wb: WorkbookModel, sheet: SheetModel, r0: number, lastDeleted: number): void {
  if (sheet.formulaCount > 0) throw refused("on a sheet with formulas");
  if (sheet.tables.some((t) => !t.deleted) || sheet.charts.some((c) => !c.deleted)) throw refused("on a sheet with tables or charts");
  if (sheet.freeze.rows > r0) throw refused("of frozen rows");
  const named = (f: string) => referencesOf(f).refs.some((x) => x.sheet !== null && x.sheet.toLowerCase() === sheet.name.toLowerCase());
  for (const other of wb.liveSheets()) {
    if (other === sheet || other.formulaCount === 0) continue;
    other.forEachCell({ r0: 0, c0: 0, r1: other.rows.length, c1: MAX_COLS - 1 }, (cell) => {
      if (cell.f && named(cell.f)) throw refused("of rows other sheets' formulas read");
    });
  }
  if (wb.definedNames().some((n) => named(n.formula))) throw refused("of rows a defined name refers to");
  const rules = [
    ...sheet.validations.map((v) => ({ rects: v.rects, formulas: v.rule && "custom" in v.rule ? [v.rule.custom.formula] : [] })),
    ...sheet.conditionalFormats.map((cf) => ({
      rects: cf.rects,
      formulas: [cf.rule.formula, cf.rule.formula1, cf.rule.formula2].filter((f): f is string => Boolean(f)),
    })),
  ];
  for (const rule of rules) {
    const rows = rule.formulas.flatMap(rowsRead);
    // A rule reading rows at or below the deleted ones would be rewritten (or turn #REF!), and so
    // would one whose cells move up (its formula is relative to its first cell).
    if (rows.some((row) => row > r0)) throw refused("of rows a rule formula reads");
    const first = rule.rects[0];
    const after = first ? rectAfterRowDelete(first, r0, lastDeleted) : null;
    if (after && after.r0 !== first.r0 && rows.length > 0) throw refused("that moves a rule with a formula");
  }
}

/** Deletes sheet rows r0..r1 (0-based, inclusive), shifting everything below up. */
export function deleteRows(wb: WorkbookModel, sheet: SheetModel, r0: number, r1: number): void {
  const rect = { r0, c0: 0, r1, c1: MAX_COLS - 1 };
  const p = sheet.protection;
  if (p.protected && (!p.options.allowDeleteRows || anyLocked(sheet, rect))) throw accessDenied();
  assertModelled(wb, sheet, r0, r1);
  const n = r1 - r0 + 1;
  sheet.rows.splice(r0, n);
  shiftedKeys(sheet.rowStyles, r0, r1);
  shiftedKeys(sheet.rowHeights, r0, r1);
  const hidden = new Map([...sheet.hiddenRows].map((r) => [r, true]));
  shiftedKeys(hidden, r0, r1);
  sheet.hiddenRows.clear();
  for (const r of hidden.keys()) sheet.hiddenRows.add(r);
  const kept = (rects: Rect[]) => rects.map((x) => rectAfterRowDelete(x, r0, r1)).filter((x): x is Rect => x !== null);
  sheet.validations = sheet.validations.map((v) => ({ ...v, rects: kept(v.rects) })).filter((v) => v.rects.length > 0);
  sheet.conditionalFormats = sheet.conditionalFormats.map((cf) => ({ ...cf, rects: kept(cf.rects) })).filter((cf) => cf.rects.length > 0);
  const titles = sheet.pageLayout.printTitleRows;
  if (titles) {
    const after = rectAfterRowDelete({ r0: titles.r0, c0: 0, r1: titles.r1, c1: 0 }, r0, r1);
    sheet.pageLayout.printTitleRows = after ? { r0: after.r0, r1: after.r1 } : null;
  }
  if (sheet.pageLayout.printArea) sheet.pageLayout.printArea = rectAfterRowDelete(sheet.pageLayout.printArea, r0, r1);
  sheet.contentChanged();
  wb.engine.cellsChanged(sheet, { r0, c0: 0, r1: sheet.rows.length + n, c1: MAX_COLS - 1 });
}
