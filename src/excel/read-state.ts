import { vocabularyFromMeta } from "../domain/vocabulary-file";
import { Grid, ReadAssignment, ReadIssue, TrackerMeta, gridText, readMetaGrid, readUnitGrid } from "../blueprint/read-grid";
import { SHEET } from "../blueprint/layout";
import { unitSheetTitle } from "../blueprint/unit-sheet";
import { META_KEYS } from "../blueprint/meta-sheet";

const META_FIRST_KEY = META_KEYS[0];

/** Prefix of sheets a build writes before they take their final names. */
export const STAGING_PREFIX = "__tracker_new_";
/** Prefix of a rebuild's old unit sheets, kept hidden until what was typed into them meanwhile is carried over. */
export const HOLD_PREFIX = "__tracker_old_";
/** Prefix of the defined name that marks a write in progress (co-authors see it: workbook content is shared). */
export const RUN_MARKER_PREFIX = "__tracker_run_";
/** A run whose marker is older than this died without removing it (closed pane, lost connection). */
export const RUN_STALE_MS = 30 * 60 * 1000;

/**
 * A write's run id: its start time (base-36 milliseconds) and a random tail, so two
 * coordinators' runs never share staging names. Sheet names stay under Excel's 31 characters.
 */
export function newRunId(now = Date.now(), random = Math.random): string {
  return `${now.toString(36)}${Math.floor(random() * 36 * 36).toString(36).padStart(2, "0")}`;
}

/** The run a staging, held or marker name belongs to, and when it started; undefined for names without one (older add-in versions). */
export function runOf(name: string): { id: string; started: number } | undefined {
  const m = /^__tracker_(?:new|old|run)_([0-9a-z]{8,})(?:_\d+)?$/.exec(name);
  if (!m) return undefined;
  return { id: m[1], started: Number.parseInt(m[1].slice(0, -2), 36) };
}

export const isLeftoverSheet = (name: string): boolean => name.startsWith(STAGING_PREFIX) || name.startsWith(HOLD_PREFIX);

/**
 * The leftover sheets this run may remove: those of no run still in progress. Runs in
 * progress are the ones whose marker (a defined name) is in the workbook and younger than
 * RUN_STALE_MS; a run that failed removes its marker, a run that died leaves it to go stale.
 */
export function removableLeftovers(sheetNames: readonly string[], definedNames: readonly string[], now = Date.now()): string[] {
  const live = new Set(
    definedNames
      .filter((n) => n.startsWith(RUN_MARKER_PREFIX))
      .map(runOf)
      .filter((r): r is { id: string; started: number } => !!r && now - r.started < RUN_STALE_MS)
      .map((r) => r.id),
  );
  return sheetNames.filter((n) => isLeftoverSheet(n) && !live.has(runOf(n)?.id ?? ""));
}

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

/**
 * Puts back a metadata sheet lost to a write that Excel stopped between deleting the old one
 * and renaming the new (staged) one: the staged copy is recognised by its first cell and takes
 * the name back, very hidden again. One request to look, one to rename; none when `_meta` is
 * there or nothing is staged. Returns the sheet list as it stands afterwards.
 */
export async function repairMeta(context: Excel.RequestContext, sheets: WorkbookSheets): Promise<WorkbookSheets> {
  const staged = sheets.names.filter((n) => n.startsWith(STAGING_PREFIX));
  if (hasTracker(sheets) || staged.length === 0) return sheets;
  const firsts = staged.map((name) => ({ name, cell: context.workbook.worksheets.getItem(name).getRange("A1").load("values") }));
  await context.sync();
  const meta = firsts.find((f) => f.cell.values[0][0] === META_FIRST_KEY);
  if (!meta) return sheets;
  const ws = context.workbook.worksheets.getItem(meta.name);
  ws.name = SHEET.meta;
  ws.visibility = "VeryHidden";
  await context.sync();
  const names = sheets.names.map((n) => (n === meta.name ? SHEET.meta : n));
  return { ...sheets, names, visibility: new Map([...sheets.visibility].map(([n, v]) => (n === meta.name ? [SHEET.meta, "VeryHidden"] : [n, v]))) };
}

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

/**
 * Unit-sheet rows per read request. A row comes back as ~720 bytes (measured at 5,000
 * tasks: 2.88 MB for 4,000 rows), so 5,000 rows keep a response near 3.6 MB, under 4 MB.
 */
export const ROWS_PER_READ = 5000;

export type GridGetter = () => { grid: Grid; firstRow: number };

/**
 * Reads sheets' used ranges in as few requests as the response limit allows: sheets are
 * queued in order and a sync is made whenever the next one would pass ROWS_PER_READ.
 * Whatever the caller queued just before rides along with the first request.
 */
export async function readSheetsInGroups(context: Excel.RequestContext, sheets: ReadonlyArray<{ sheet: string; rows: number }>): Promise<Map<string, GridGetter>> {
  const out = new Map<string, GridGetter>();
  let rows = 0;
  let pending = false;
  for (const { sheet, rows: n } of sheets) {
    if (pending && rows + n > ROWS_PER_READ) {
      await context.sync();
      rows = 0;
    }
    out.set(sheet, queueGrid(context, sheet));
    rows += n;
    pending = true;
  }
  await context.sync();
  return out;
}

/**
 * Unit sheets missing under their names may survive as staged copies of a write that Excel
 * stopped midway (it does not undo a failed batch): between deleting a unit's old sheet and
 * renaming its new one. Such a copy carries every report, so it is read by its title (A1)
 * before the write removes the leftovers. One more request, only in that case.
 */
async function readStagedCopies(
  context: Excel.RequestContext,
  sheets: WorkbookSheets,
  missing: ReadonlyArray<{ unit: string; sheet: string; tasks: number }>,
): Promise<Map<string, GridGetter>> {
  // A rebuild's old unit sheets kept hidden (HOLD_PREFIX) carry the reports too.
  const staged = sheets.names.filter(isLeftoverSheet);
  if (missing.length === 0 || staged.length === 0) return new Map();
  const grids = await readSheetsInGroups(context, staged.map((sheet) => ({ sheet, rows: Math.max(...missing.map((u) => u.tasks)) + 2 })));
  const out = new Map<string, GridGetter>();
  for (const get of grids.values()) {
    const title = gridText(get().grid[0]?.[0]);
    const unit = missing.find((u) => title.startsWith(unitSheetTitle(u.unit)));
    if (unit && !out.has(unit.sheet)) out.set(unit.sheet, get);
  }
  return out;
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
export async function readTrackerContent(
  context: Excel.RequestContext,
  sheets: WorkbookSheets,
  likelyUnitSheets: ReadonlyArray<{ sheet: string; rows: number }>,
): Promise<TrackerContent> {
  const meta = queueGrid(context, SHEET.meta);
  const log = sheets.names.includes(SHEET.mergeLog) ? queueGrid(context, SHEET.mergeLog) : undefined;
  const early = await readSheetsInGroups(context, likelyUnitSheets.filter((s) => sheets.names.includes(s.sheet)));
  const parsed = readMetaGrid(meta().grid);
  const vocabulary = vocabularyFromMeta(parsed.extra);
  const missed = parsed.units.filter((u) => !early.has(u.sheet) && sheets.names.includes(u.sheet));
  const late = missed.length > 0 ? await readSheetsInGroups(context, missed.map((u) => ({ sheet: u.sheet, rows: u.tasks }))) : new Map<string, GridGetter>();
  const rescued = await readStagedCopies(context, sheets, parsed.units.filter((u) => !sheets.names.includes(u.sheet)));
  const assignments: ReadAssignment[] = [];
  const issues: ReadIssue[] = [];
  for (const { unit, sheet } of parsed.units) {
    const get = early.get(sheet) ?? late.get(sheet) ?? rescued.get(sheet);
    if (!get) {
      issues.push({ sheet, message: `找不到单位“${unit}”的工作表“${sheet}”（可能被删除或改名），该单位的填报内容无法保留。` });
      continue;
    }
    const { grid, firstRow } = get();
    const read = readUnitGrid(grid, unit, sheet, firstRow, vocabulary);
    assignments.push(...read.assignments);
    issues.push(...read.issues);
  }
  const mergeLog = log ? log().grid.slice(1).map((r) => r.map(gridText)).filter((r) => r.some((c) => c !== "")) : [];
  return { meta: parsed, mergeLog, assignments, issues };
}
