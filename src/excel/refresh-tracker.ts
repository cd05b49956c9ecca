import { vocabularyFromMeta } from "../domain/vocabulary-file";
import { buildBlueprint } from "../blueprint/build-blueprint";
import { SHEET } from "../blueprint/layout";
import { TrackerMeta, readMetaGrid } from "../blueprint/read-grid";
import { parseTaskList } from "../domain/parse-task-list";
import { parseOverrides } from "../domain/unit-overrides";
import { TaskList } from "../domain/types";
import { DashboardFigures, queueSummaryRead, snapshotFromFigures } from "./dashboard";
import { parseHistory, snapshotRows, upsertPeriod } from "../domain/history";
import { AUTHORITY_META_KEY } from "../blueprint/copy-authority";
import { RETURN_INFO_META_KEY, ReturnInfo, cleanReturnInfo, parseReturnInfo } from "../blueprint/instructions-sheet";
import { isOfficeError } from "./excel-errors";
import { hasTracker, loadSheetList, queueGrid, removableLeftovers, repairMeta } from "./read-state";
import { IsSetSupported, RequirementError, checkRequirements } from "./requirements";
import { writeStaged } from "./staged-write";
import { PayloadBudget } from "./payload-budget";
import { protectSheet, writeSheetFormulas } from "./sheet-writer";

export interface RefreshOptions {
  refreshedAt: string;
  isSetSupported: IsSetSupported;
  /** An updated list (e.g. with a new unit); defaults to the list stored in the tracker. */
  list?: TaskList;
  listSource?: string;
  password?: string;
  /** A new warning window; the tracker's own setting by default. */
  warningDays?: number;
  /** Archive the current figures as this period (e.g. 2026年11月) in 历次汇总. */
  archivePeriod?: string;
  /** New period, return deadline and contact for 填报说明; the tracker's own by default. */
  returnInfo?: ReturnInfo;
}

export interface RefreshResult {
  figures: DashboardFigures;
  addedUnits: string[];
  /** Periods archived in 历次汇总. */
  periods: number;
}

export class NoTrackerError extends Error {
  constructor() {
    super("当前工作簿中没有跟踪表（找不到隐藏的元数据表）。请先点击“生成跟踪表”。");
    this.name = "NoTrackerError";
  }
}

export class ListChangedError extends Error {
  constructor(readonly units: string[]) {
    super(
      `任务清单中这些单位的任务已变化：${units.join("、")}。刷新只补充缺少的单位表并重建汇总；` +
        "请使用“重新生成跟踪表”，已填报的内容会按序号和单位保留。",
    );
    this.name = "ListChangedError";
  }
}

function storedList(meta: TrackerMeta): { list: TaskList; source: string } {
  const source = meta.extra.list_source;
  if (!source) throw new ListChangedError([]);
  return { list: parseTaskList(source, { name: meta.listName }), source };
}

/**
 * Re-reads the tracker, adds sheets for units that lack one, rebuilds 汇总 and 任务总表
 * (formulas, refresh stamp, chart) and reads the figures back once calculation has resumed:
 * three requests. Unit sheets
 * that exist are not touched, so nothing a unit entered can be lost here.
 */
export async function refreshTracker(context: Excel.RequestContext, options: RefreshOptions): Promise<RefreshResult> {
  const req = checkRequirements(options.isSetSupported);
  if (!req.ok) throw new RequirementError(req.missing);
  const worksheets = context.workbook.worksheets.load("items/name,items/visibility");
  const names = context.workbook.names.load("items/name");
  const metaGrid = queueGrid(context, SHEET.meta);
  const before = options.archivePeriod ? queueSummaryRead(context) : undefined;
  try {
    await context.sync();
  } catch (e) {
    if (!isOfficeError(e) || e.code !== "ItemNotFound") throw e;
    const sheets = await loadSheetList(context);
    if (!hasTracker(sheets)) {
      // A write stopped between retiring the old metadata sheet and naming the new one leaves it staged.
      if (!hasTracker(await repairMeta(context, sheets))) throw new NoTrackerError();
      return refreshTracker(context, options);
    }
    // Archiving reads 汇总 first; without it, a plain refresh puts it back, then the archive runs.
    if (options.archivePeriod && !sheets.names.includes(SHEET.summary)) {
      await refreshTracker(context, { ...options, archivePeriod: undefined });
      return refreshTracker(context, options);
    }
    throw e;
  }
  const meta = readMetaGrid(metaGrid().grid);
  const stored = options.list ? { list: options.list, source: options.listSource ?? meta.extra.list_source ?? "" } : storedList(meta);
  const existingHistory = parseHistory(meta.extra.history);
  const history = options.archivePeriod
    ? upsertPeriod(existingHistory ?? [], snapshotRows(options.archivePeriod, options.refreshedAt, snapshotFromFigures(before!())))
    : existingHistory;
  const storedInfo = parseReturnInfo(meta.extra[RETURN_INFO_META_KEY]);
  const returnInfo = options.returnInfo ? cleanReturnInfo(options.returnInfo) : storedInfo;
  // 填报说明 is rewritten only when what it shows changed: it holds nothing a unit entered.
  const infoChanged = JSON.stringify(returnInfo) !== JSON.stringify(storedInfo);
  const blueprint = buildBlueprint(stored.list, {
    trackerId: meta.trackerId,
    generatedAt: options.refreshedAt,
    password: options.password,
    listSource: stored.source || undefined,
    warningDays: options.warningDays ?? (Number(meta.extra.warning_days) || undefined),
    unitOverrides: parseOverrides(meta.extra.unit_aliases),
    vocabulary: vocabularyFromMeta(meta.extra),
    history,
    // Without it, every copy sent out before the refresh would fail its checksum.
    copyAuthority: meta.extra[AUTHORITY_META_KEY],
    returnInfo,
  });
  const present = new Set(worksheets.items.map((w) => w.name));
  const known = new Map(meta.units.map((u) => [u.sheet, u.tasks]));
  const units = blueprint.sheets.filter((s) => s.role === "unit");
  const changed = units.filter((s) => present.has(s.name) && known.has(s.name) && known.get(s.name) !== s.cells.length - 2);
  if (changed.length > 0) throw new ListChangedError(changed.map((s) => s.unit!));
  const missing = units.filter((s) => !present.has(s.name));
  const rewritten = new Set<string>(["summary", "master", "meta", ...(options.archivePeriod ? ["history"] : []), ...(infoChanged ? ["instructions"] : [])]);
  const rewrite = blueprint.sheets.filter((s) => rewritten.has(s.role) || !present.has(s.name));

  // A new warning window reaches the unit sheets too: only their 时限预警 formulas change.
  const windowChanged = options.warningDays !== undefined && String(options.warningDays) !== meta.extra.warning_days;
  if (windowChanged) {
    const budget = new PayloadBudget(context);
    for (const sheet of units.filter((s) => present.has(s.name))) {
      const ws = context.workbook.worksheets.getItem(sheet.name);
      ws.protection.unprotect(options.password);
      await writeSheetFormulas(ws, sheet, budget);
      protectSheet(ws, sheet);
    }
  }
  await writeStaged(context, {
    blueprint,
    write: rewrite,
    replace: [SHEET.summary, SHEET.master, SHEET.meta, ...(options.archivePeriod ? [SHEET.history] : []), ...(infoChanged ? [SHEET.instructions] : [])].filter((n) =>
      present.has(n),
    ),
    veryHidden: new Set(worksheets.items.filter((w) => w.visibility === "VeryHidden").map((w) => w.name)),
    leftovers: removableLeftovers([...present], names.items.map((n) => n.name)),
    definedNames: names.items.map((n) => n.name),
    printLayout: req.printLayout,
    unitCount: stored.list.units.length,
  });
  const figures = queueSummaryRead(context);
  await context.sync();
  return { figures: figures(), addedUnits: missing.map((s) => s.unit!), periods: history ? new Set(history.map((r) => r[0])).size : 0 };
}
