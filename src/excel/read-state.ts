import { vocabularyFromMeta } from "../domain/vocabulary-file";
import { Grid, ReadAssignment, ReadIssue, TrackerMeta, gridText, readMetaGrid, readUnitGrid } from "../blueprint/read-grid";
import { SHEET } from "../blueprint/layout";
import { isOfficeError } from "./excel-errors";
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
  // Padded so column indexes are sheet columns (the used range may start past A).
  return () => gridAt(range.values as Grid, range.rowIndex, range.columnIndex);
}

/**
 * Unit-sheet rows per read request. A row comes back as ~720 bytes when its reports are short
 * (measured at 5,000 tasks: 2.88 MB for 4,000 rows), so 5,000 rows keep such a response near
 * 3.6 MB. Reports as long as a month of real ones make rows bigger: a request whose answer
 * passes Excel on the web's 5 MB is read again in smaller pieces (readAfterOverflow).
 */
export const ROWS_PER_READ = 5000;

export type GridGetter = () => { grid: Grid; firstRow: number };

const isResponseOverflow = (e: unknown): boolean => isOfficeError(e) && e.code === "ResponsePayloadSizeLimitExceeded";

/**
 * Reads sheets' used ranges in as few requests as the response limit allows: sheets are
 * queued in order and a sync is made whenever the next one would pass ROWS_PER_READ.
 * Whatever the caller queued just before rides along with the first request; if that request's
 * answer is refused as too large, `requeue` queues the caller's reads again (they are lost with
 * the answer) before the sheets are read in smaller pieces.
 */
export async function readSheetsInGroups(
  context: Excel.RequestContext,
  sheets: ReadonlyArray<{ sheet: string; rows: number }>,
  requeue: () => void = () => undefined,
): Promise<Map<string, GridGetter>> {
  const out = new Map<string, GridGetter>();
  const groups: string[][] = [];
  let rows = 0;
  for (const { sheet, rows: n } of sheets) {
    if (groups.length === 0 || rows + n > ROWS_PER_READ) {
      groups.push([]);
      rows = 0;
    }
    groups[groups.length - 1].push(sheet);
    rows += n;
  }
  if (groups.length === 0) {
    await context.sync();
    return out;
  }
  for (const [i, group] of groups.entries()) {
    // On their own: a further refused answer must not take the caller's reads with it.
    const requeueAlone = async () => {
      requeue();
      await context.sync();
    };
    for (const [sheet, get] of await readGroup(context, group, i === 0 ? requeueAlone : undefined)) out.set(sheet, get);
  }
  return out;
}

/** One request for the group's sheets; if its answer is refused as too large, smaller ones. */
async function readGroup(context: Excel.RequestContext, group: readonly string[], beforeRetry?: () => Promise<void>): Promise<Map<string, GridGetter>> {
  const queued = group.map((sheet) => [sheet, queueGrid(context, sheet)] as const);
  try {
    await context.sync();
    return new Map(queued);
  } catch (e) {
    if (!isResponseOverflow(e)) throw e;
    await beforeRetry?.();
    return readAfterOverflow(context, group);
  }
}

/**
 * Sheets whose answer was too large together: halves of the group, each read on its own;
 * a single sheet too large alone is read in row slices, halved until each answer fits.
 * Reads change nothing, so a refused answer is simply asked for again in parts.
 */
async function readAfterOverflow(context: Excel.RequestContext, group: readonly string[]): Promise<Map<string, GridGetter>> {
  if (group.length > 1) {
    const half = Math.ceil(group.length / 2);
    const first = await readGroup(context, group.slice(0, half));
    const second = await readGroup(context, group.slice(half));
    return new Map([...first, ...second]);
  }
  const [sheet] = group;
  const used = context.workbook.worksheets.getItem(sheet).getUsedRange(true).load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  const rows: Grid = [];
  let slice = Math.ceil(used.rowCount / 2);
  for (let at = 0; at < used.rowCount; ) {
    const n = Math.min(slice, used.rowCount - at);
    const part = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(used.rowIndex + at, used.columnIndex, n, used.columnCount).load("values");
    try {
      await context.sync();
    } catch (e) {
      // One row alone too large cannot be split further: the error stands.
      if (!isResponseOverflow(e) || n === 1) throw e;
      slice = Math.ceil(n / 2);
      continue;
    }
    rows.push(...(part.values as Grid));
    at += n;
  }
  const grid = gridAt(rows, used.rowIndex, used.columnIndex);
  return new Map([[sheet, () => grid]]);
}

/** Pads a block read at (rowIndex, columnIndex) so its indexes are the sheet's. */
function gridAt(values: Grid, rowIndex: number, columnIndex: number): { grid: Grid; firstRow: number } {
  const pad = Array(columnIndex).fill(null);
  const lead: Grid = Array.from({ length: rowIndex }, () => []);
  return { grid: [...lead, ...values.map((row) => [...pad, ...row])], firstRow: 1 };
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
  const queueOwn = () => ({ meta: queueGrid(context, SHEET.meta), log: sheets.names.includes(SHEET.mergeLog) ? queueGrid(context, SHEET.mergeLog) : undefined });
  let own = queueOwn();
  const early = await readSheetsInGroups(
    context,
    likelyUnitSheets.filter((s) => sheets.names.includes(s.sheet)),
    () => (own = queueOwn()),
  );
  const { meta, log } = own;
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
