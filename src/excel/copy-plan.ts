/**
 * Which sheets of a build are written in full and which as copies of one already written.
 * A sheet's formats, widths, validation, conditional formats and print setup cost ~30 KB of
 * requests; Worksheet.copy costs a few actions. Unit sheets differ only in how many task rows
 * their table has, so one template per shape serves them all: the unit of most tasks is written
 * in full, and every other unit's sheet is its copy with the surplus rows deleted
 * (Range.delete "Up" on entire rows: Excel shrinks the formats, validation and conditional
 * formats of the rows that remain, as it does when a user deletes sheet rows).
 *
 * A copy is planned only when the layout the deletion leaves is exactly the sheet's own
 * (layoutAfterRowDelete compares the whole layout, not a guess), so a sheet whose layout does
 * not shrink that way is written in full instead.
 */
import { SheetBlueprint } from "../blueprint/types";
import { layoutKey } from "./sheet-writer";

export interface SheetWrite {
  /** Index (in the plan's sheets) of the sheet this one copies; absent: written in full. */
  template?: number;
  /** 1-based sheet rows to delete from the copy, inclusive. */
  deleteRows?: { from: number; to: number };
}

export interface CopyPlan {
  /** Indexes in writing order: every template before its copies. */
  order: number[];
  writes: SheetWrite[];
}

const RANGE = /^(\$?[A-Z]{1,3})?(\$?)(\d+)(?::(\$?[A-Z]{1,3})?(\$?)(\d+))?$/;
const COLUMNS_ONLY = /^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/;
/** Row numbers in a formula's cell references ("$N3", "G12"; text in quotes left out). */
const REFERENCED_ROWS = /(?<![A-Za-z0-9_])\$?[A-Z]{1,3}\$?(\d+)(?![A-Za-z0-9_(])/g;

/**
 * A 1-based row span after rows from..to are deleted: unchanged above, moved up below, cut where
 * it overlaps; null when every row of it goes.
 */
function rowsAfterDelete(top: number, bottom: number, from: number, to: number): [number, number] | null {
  const n = to - from + 1;
  if (bottom < from) return [top, bottom];
  if (top > to) return [top - n, bottom - n];
  if (top >= from && bottom <= to) return null;
  return [Math.min(top, from), bottom > to ? bottom - n : from - 1];
}

/** An A1 range ("A3:N47", "G3", "$1:$2", "$A:$B") after the deletion; null when it goes or cannot be read. */
function rangeAfterDelete(range: string, from: number, to: number): string | null {
  if (COLUMNS_ONLY.test(range)) return range;
  const m = RANGE.exec(range);
  if (!m) return null;
  const [, c1 = "", d1, r1, c2, d2, r2] = m;
  const rows = rowsAfterDelete(Number(r1), Number(r2 ?? r1), from, to);
  if (!rows) return null;
  if (r2 === undefined) return `${c1}${d1}${rows[0]}`;
  return `${c1}${d1}${rows[0]}:${c2 ?? ""}${d2}${rows[1]}`;
}

/**
 * The layout key (layoutKey) a copy of `template` has once its rows below `keep` are deleted,
 * or null when the deletion would take a whole range or touch a conditional format's formula.
 */
export function layoutAfterRowDelete(template: SheetBlueprint, keep: number): string | null {
  const from = keep + 1;
  const to = template.cells.length;
  if (to <= keep) return to === keep ? layoutKey(template) : null;
  if (template.freeze.rows > keep) return null;
  let lost = false;
  const moved = (range: string): string => {
    const after = rangeAfterDelete(range, from, to);
    if (after === null) lost = true;
    return after ?? range;
  };
  // A formula naming a deleted or moved row would be rewritten by Excel (or turn #REF!).
  const formulaSafe = (formula: string) => [...formula.replace(/"[^"]*"/g, '""').matchAll(REFERENCED_ROWS)].every((r) => Number(r[1]) < from);
  if (!template.conditionalFormats.every((cf) => formulaSafe(cf.formula))) return null;
  const rowHeights: Record<number, number> = {};
  for (const [row, height] of Object.entries(template.rowHeights)) {
    const r = Number(row);
    if (r < from) rowHeights[r] = height;
    else if (r > to) rowHeights[r - (to - from + 1)] = height;
  }
  const shrunk: SheetBlueprint = {
    ...template,
    rowHeights,
    formats: template.formats.map((f) => ({ ...f, range: moved(f.range) })),
    validations: template.validations.map((v) => ({ ...v, range: moved(v.range) })),
    conditionalFormats: template.conditionalFormats.map((cf) => ({ ...cf, range: moved(cf.range) })),
    protection: { ...template.protection, unlocked: template.protection.unlocked.map(moved) },
    ...(template.print ? { print: { ...template.print, titleRows: moved(template.print.titleRows) } } : {}),
  };
  return lost ? null : layoutKey(shrunk);
}

export function copyPlan(sheets: readonly SheetBlueprint[]): CopyPlan {
  const writes: SheetWrite[] = sheets.map(() => ({}));
  // Longest first, so the template of a shape is the sheet of most rows (stable: ties keep their order).
  const order = sheets.map((_, i) => i).sort((a, b) => sheets[b].cells.length - sheets[a].cells.length || a - b);
  const full: number[] = [];
  for (const i of order) {
    const keep = sheets[i].cells.length;
    const key = layoutKey(sheets[i]);
    const template = full.find((t) => layoutAfterRowDelete(sheets[t], keep) === key);
    if (template === undefined) {
      full.push(i);
      continue;
    }
    const rows = sheets[template].cells.length;
    writes[i] = { template, ...(keep < rows ? { deleteRows: { from: keep + 1, to: rows } } : {}) };
  }
  return { order, writes };
}
