import { vocabularyFromMeta } from "../domain/vocabulary-file";
import { SHEET } from "../blueprint/layout";
import { ReadAssignment, ReadIssue, TrackerMeta, gridText, readMetaGrid, readUnitGrid } from "../blueprint/read-grid";
import { parseTaskList } from "../domain/parse-task-list";
import { EMPTY_REPORT, Report, reportKey } from "../domain/reports";
import { listFromAssignments } from "../domain/from-assignments";
import { TaskList } from "../domain/types";
import { loadSheetList, queueGrid, readSheetsInGroups } from "./read-state";

export interface MasterState {
  meta: TrackerMeta;
  list: TaskList;
  listSource?: string;
  /** Every task × unit, empty where nothing was reported. */
  reports: Map<string, Report>;
  /** Where each key lives: sheet and 1-based row (rows move when people sort). */
  cells: Map<string, { sheet: string; row: number }>;
  /** Column (0-based) of 完成状态 on each unit sheet; inputs follow it. */
  statusColumn: Map<string, number>;
  /** Column (0-based) of 序号 on each unit sheet: a write finds its row there, in its own request. */
  idColumn: Map<string, number>;
  mergeLog: string[][];
  issues: ReadIssue[];
  sheetNames: string[];
}

/**
 * Reads the whole master in two requests: the sheet list with the metadata, then every
 * unit sheet and 合并记录 together.
 */
export async function readMasterState(context: Excel.RequestContext): Promise<MasterState> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const metaGrid = queueGrid(context, SHEET.meta);
  await context.sync();
  const sheetNames = worksheets.items.map((w) => w.name);
  const meta = readMetaGrid(metaGrid().grid);
  const vocabulary = vocabularyFromMeta(meta.extra);
  const units = meta.units.filter((u) => sheetNames.includes(u.sheet));
  const queueLog = () => (sheetNames.includes(SHEET.mergeLog) ? queueGrid(context, SHEET.mergeLog) : undefined);
  let logGrid = queueLog();
  const grids = await readSheetsInGroups(
    context,
    units.map((u) => ({ sheet: u.sheet, rows: u.tasks })),
    () => (logGrid = queueLog()),
  );

  const assignments: ReadAssignment[] = [];
  const issues: ReadIssue[] = [];
  const statusColumn = new Map<string, number>();
  const idColumn = new Map<string, number>();
  for (const u of meta.units) {
    const get = grids.get(u.sheet);
    if (!get) {
      issues.push({ sheet: u.sheet, message: `找不到单位“${u.unit}”的工作表“${u.sheet}”。` });
      continue;
    }
    const { grid, firstRow } = get();
    const read = readUnitGrid(grid, u.unit, u.sheet, firstRow, vocabulary);
    assignments.push(...read.assignments);
    issues.push(...read.issues);
    const header = grid.findIndex((row) => row.some((c) => gridText(c) === "完成状态") && row.some((c) => gridText(c) === "序号"));
    if (header >= 0) {
      statusColumn.set(u.sheet, grid[header].findIndex((c) => gridText(c) === "完成状态"));
      idColumn.set(u.sheet, grid[header].findIndex((c) => gridText(c) === "序号"));
    }
  }
  const listSource = meta.extra.list_source;
  const list = listSource
    ? parseTaskList(listSource, { name: meta.listName })
    : listFromAssignments(meta.listName, assignments, meta.units.map((u) => u.unit));
  const reports = new Map<string, Report>();
  for (const t of list.tasks) for (const u of t.units) reports.set(reportKey(t.id, u), EMPTY_REPORT);
  const cells = new Map<string, { sheet: string; row: number }>();
  for (const a of assignments) {
    const key = reportKey(a.taskId, a.unit);
    if (!reports.has(key)) continue;
    reports.set(key, a.report);
    cells.set(key, { sheet: a.sheet, row: a.row });
  }
  const mergeLog = logGrid ? logGrid().grid.slice(1).map((r) => r.map(gridText)).filter((r) => r.some((c) => c !== "")) : [];
  return { meta, list, listSource, reports, cells, statusColumn, idColumn, mergeLog, issues, sheetNames };
}

export { loadSheetList };
