import { Grid, ReadAssignment, ReadIssue, TrackerMeta, gridText, readMetaGrid, readUnitGrid } from "../blueprint/read-grid";
import { SHEET } from "../blueprint/layout";

/** Prefix of sheets a build writes before they take their final names. */
export const STAGING_PREFIX = "__tracker_new_";

export interface WorkbookSheets {
  names: string[];
  visibility: Map<string, string>;
  definedNames: string[];
}

/** One request: every sheet's name and visibility, and the workbook's defined names. */
export async function loadSheetList(context: Excel.RequestContext): Promise<WorkbookSheets> {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  const names = context.workbook.names.load("items/name");
  await context.sync();
  return {
    names: sheets.items.map((s) => s.name),
    visibility: new Map(sheets.items.map((s) => [s.name, s.visibility as string])),
    definedNames: names.items.map((n) => n.name),
  };
}

export const hasTracker = (sheets: WorkbookSheets): boolean => sheets.names.includes(SHEET.meta);

/** Queues a read of a sheet's used range (values only) and returns a getter for after the sync. */
export function queueGrid(context: Excel.RequestContext, sheet: string): () => { grid: Grid; firstRow: number } {
  const range = context.workbook.worksheets.getItem(sheet).getUsedRange(true).load("values,rowIndex,columnIndex");
  return () => {
    // Pad on the left so column indexes are sheet columns (the used range may start past A).
    const pad = Array(range.columnIndex).fill(null);
    const grid = (range.values as Grid).map((row) => [...pad, ...row]);
    const lead: Grid = Array.from({ length: range.rowIndex }, () => []);
    return { grid: [...lead, ...grid], firstRow: 1 };
  };
}

export interface TrackerContent {
  meta: TrackerMeta;
  mergeLog: string[][];
  assignments: ReadAssignment[];
  issues: ReadIssue[];
}

/**
 * Reads the tracker's metadata and unit sheets. Sheets the caller expects (`likelyUnitSheets`,
 * from the new blueprint) are read in the same request as the metadata, so a rebuild of
 * the same list costs one request; unit sheets only the old metadata knows cost one more.
 */
export async function readTrackerContent(context: Excel.RequestContext, sheets: WorkbookSheets, likelyUnitSheets: readonly string[]): Promise<TrackerContent> {
  const meta = queueGrid(context, SHEET.meta);
  const log = sheets.names.includes(SHEET.mergeLog) ? queueGrid(context, SHEET.mergeLog) : undefined;
  const early = new Map(likelyUnitSheets.filter((s) => sheets.names.includes(s)).map((s) => [s, queueGrid(context, s)]));
  await context.sync();
  const parsed = readMetaGrid(meta().grid);
  const late = new Map(
    parsed.units.filter((u) => !early.has(u.sheet) && sheets.names.includes(u.sheet)).map((u) => [u.sheet, queueGrid(context, u.sheet)]),
  );
  if (late.size > 0) await context.sync();
  const assignments: ReadAssignment[] = [];
  const issues: ReadIssue[] = [];
  for (const { unit, sheet } of parsed.units) {
    const get = early.get(sheet) ?? late.get(sheet);
    if (!get) {
      issues.push({ sheet, message: `找不到单位“${unit}”的工作表“${sheet}”(可能被删除或改名),该单位的填报内容无法保留。` });
      continue;
    }
    const { grid, firstRow } = get();
    const read = readUnitGrid(grid, unit, sheet, firstRow);
    assignments.push(...read.assignments);
    issues.push(...read.issues);
  }
  const mergeLog = log ? log().grid.slice(1).map((r) => r.map(gridText)).filter((r) => r.some((c) => c !== "")) : [];
  return { meta: parsed, mergeLog, assignments, issues };
}
