import { ReadIssue, gridText, readUnitGrid } from "../blueprint/read-grid";
import { EMPTY_REPORT, REPORT_FIELDS, Report, reportKey } from "../domain/reports";
import { queueLocatedWrites } from "./merge-into-workbook";
import { readSheetsInGroups } from "./read-state";
import { MasterState } from "./tracker-reports";
import { DEFAULT_VOCABULARY, Vocabulary } from "../domain/vocabulary";

const sameReport = (a: Report, b: Report): boolean => REPORT_FIELDS.every((f) => String(a[f] ?? "") === String(b[f] ?? ""));

/**
 * After a rebuild swapped its new unit sheets in, carries over what co-authors typed into the
 * old ones while it was writing (between its read and its swap), and removes the old ones.
 * The old sheets were kept hidden under `held` names for this. A report is carried over when
 * the old sheet's value differs from what the rebuild read, unless the new sheet's value
 * differs from what the rebuild wrote (a co-author typed there after the swap: that later edit
 * stays); it goes into the row where its 序号 is when the write arrives.
 * One request to read old and new sheets; the write (only if something was typed) is one
 * more; otherwise the removal of the old sheets is only queued, for the caller's next sync.
 */
export async function carryOverTyped(
  context: Excel.RequestContext,
  held: ReadonlyMap<string, string>,
  units: ReadonlyArray<{ unit: string; sheet: string; tasks: number }>,
  read: ReadonlyMap<string, Report>,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): Promise<{ carried: number; issues: ReadIssue[] }> {
  const known = units.filter((u) => held.has(u.sheet));
  const grids = await readSheetsInGroups(context, known.flatMap((u) => [{ sheet: held.get(u.sheet)!, rows: u.tasks }, { sheet: u.sheet, rows: u.tasks }]));
  // Where each report is now on the new sheets, and what it holds.
  const state: Pick<MasterState, "cells" | "statusColumn" | "idColumn" | "reports"> = { cells: new Map(), statusColumn: new Map(), idColumn: new Map(), reports: new Map() };
  const typed = new Map<string, Report>();
  for (const u of known) {
    const fresh = grids.get(u.sheet)!();
    for (const a of readUnitGrid(fresh.grid, u.unit, u.sheet, fresh.firstRow, vocabulary).assignments) {
      state.cells.set(reportKey(a.taskId, a.unit), { sheet: u.sheet, row: a.row });
      state.reports.set(reportKey(a.taskId, a.unit), a.report);
    }
    const header = fresh.grid.findIndex((row) => row.some((c) => gridText(c) === "完成状态") && row.some((c) => gridText(c) === "序号"));
    if (header >= 0) {
      state.statusColumn.set(u.sheet, fresh.grid[header].findIndex((c) => gridText(c) === "完成状态"));
      state.idColumn.set(u.sheet, fresh.grid[header].findIndex((c) => gridText(c) === "序号"));
    }
    const old = grids.get(held.get(u.sheet)!)!();
    for (const a of readUnitGrid(old.grid, u.unit, u.sheet, old.firstRow, vocabulary).assignments) {
      const key = reportKey(a.taskId, a.unit);
      const before = read.get(key) ?? EMPTY_REPORT;
      const now = state.reports.get(key);
      if (sameReport(a.report, before) || !now || !sameReport(now, before)) continue;
      typed.set(key, a.report);
    }
  }
  const removeHeld = () => {
    for (const name of held.values()) context.workbook.worksheets.getItemOrNullObject(name).delete();
  };
  if (typed.size === 0) {
    removeHeld();
    return { carried: 0, issues: [] };
  }
  try {
    queueLocatedWrites(context, state as MasterState, typed, vocabulary);
    removeHeld();
    await context.sync();
    return { carried: typed.size, issues: [] };
  } catch {
    // The old sheets stay (hidden) with what was typed; the message names them.
    const names = [...held.values()].join("、");
    return {
      carried: 0,
      issues: [{ sheet: names, message: `重新生成期间有人在旧的单位表中填报，但对应的任务行在新表中已被改动，未能转入。旧表已隐藏保留为：${names}，请取消隐藏后核对并手工转入。` }],
    };
  }
}
