import { buildBlueprint } from "../blueprint/build-blueprint";
import { freeSheetName, sheetNameKey } from "../blueprint/sheet-names";
import { SHEET } from "../blueprint/layout";
import { ReadIssue } from "../blueprint/read-grid";
import { WorkbookBlueprint } from "../blueprint/types";
import { reportsFromAssignments } from "../domain/from-assignments";
import { Reports, isEmptyReport } from "../domain/reports";
import { TaskList } from "../domain/types";
import { DashboardFigures, queueSummaryRead } from "./dashboard";
import { WorkbookSheets, hasTracker, isLeftoverSheet, loadSheetList, readTrackerContent, removableLeftovers, repairMeta } from "./read-state";
import { carryOverTyped } from "./carry-over";
import { Report, reportKey } from "../domain/reports";
import { IsSetSupported, RequirementError, checkRequirements } from "./requirements";
import { writeStaged } from "./staged-write";
import { HistoryRow, parseHistory } from "../domain/history";
import { AUTHORITY_META_KEY } from "../blueprint/copy-authority";
import { Vocabulary } from "../domain/vocabulary";
import { vocabularyFromMeta } from "../domain/vocabulary-file";
import { RETURN_INFO_META_KEY, ReturnInfo, parseReturnInfo } from "../blueprint/instructions-sheet";

export interface BuildOptions {
  trackerId: string;
  generatedAt: string;
  listSource?: string;
  password?: string;
  isSetSupported: IsSetSupported;
  /** What to do with the user's own sheets whose names the tracker needs. */
  onNameClash?: "stop" | "rename";
  onProgress?: (step: string) => void;
  /** Days before a deadline when unfinished tasks turn yellow; the old tracker's setting by default. */
  warningDays?: number;
  unitOverrides?: Readonly<Record<string, string>>;
  /** The office's words (chosen in the pane); the old tracker's by default. */
  vocabulary?: Vocabulary;
  /** Period, return deadline and contact for 填报说明; the old tracker's by default. */
  returnInfo?: ReturnInfo;
  /** Request size at which the write is split (default 4 MB, under Excel on the web's 5 MB). */
  requestBudgetBytes?: number;
}

export interface BuildResult {
  blueprint: WorkbookBlueprint;
  /** Reports carried over from the tracker that was there before: only those the new list still has a row for. */
  keptReports: number;
  issues: ReadIssue[];
  figures: DashboardFigures;
  renamedUserSheets: Array<{ from: string; to: string }>;
  degraded: string[];
}

/** The user's sheets that stand where the tracker's sheets must go. */
export class NameClashError extends Error {
  constructor(readonly sheets: string[]) {
    super(
      `工作簿中已有与跟踪表同名的工作表：${sheets.map((s) => `“${s}”`).join("、")}。` +
        "这些不是本工具生成的表，为避免覆盖未作任何修改。请重命名或移走它们，或选择“自动重命名我的工作表”后重试。",
    );
    this.name = "NameClashError";
  }
}

/** The old tracker's sheets: none unless the workbook holds a tracker (its metadata sheet). */
function trackerSheetNames(sheets: WorkbookSheets, metaUnitSheets: readonly string[]): Set<string> {
  if (!hasTracker(sheets)) return new Set();
  const fixed: string[] = [SHEET.summary, SHEET.master, SHEET.instructions, SHEET.mergeLog, SHEET.history, SHEET.meta];
  return new Set([...fixed, ...metaUnitSheets].filter((n) => sheets.names.includes(n)));
}

/**
 * Builds (or rebuilds) the tracker in the open workbook. Requests: one to list sheets,
 * one to read an existing tracker (only if there is one), the write (more than one only when
 * it passes the request budget), then one to read the summary once calculation has resumed.
 * Entered reports are read first and written back into the new layout by task × unit.
 * New sheets are written under staging names and only take their final names once
 * filled, so a failure midway leaves the old tracker whole and marked leftovers that
 * the next build removes.
 */
export async function buildTracker(context: Excel.RequestContext, list: TaskList, options: BuildOptions): Promise<BuildResult> {
  const progress = options.onProgress ?? (() => undefined);
  const req = checkRequirements(options.isSetSupported);
  if (!req.ok) throw new RequirementError(req.missing);

  progress("读取工作簿");
  const sheets = await repairMeta(context, await loadSheetList(context));
  const draft = buildBlueprint(list, { trackerId: options.trackerId, generatedAt: options.generatedAt });
  const draftUnitSheets = draft.sheets.filter((s) => s.role === "unit").map((s) => ({ sheet: s.name, rows: s.cells.length }));

  let reports: Reports | undefined;
  let issues: ReadIssue[] = [];
  let trackerId = options.trackerId;
  let oldUnitSheets: string[] = [];
  let mergeLog: string[][] = [];
  let warningDays = options.warningDays;
  let vocabulary = options.vocabulary;
  let history: HistoryRow[] | undefined;
  let copyAuthority: string | undefined;
  let returnInfo = options.returnInfo;
  let readReports = new Map<string, Report>();
  let oldUnits: Array<{ unit: string; sheet: string; tasks: number }> = [];
  if (hasTracker(sheets)) {
    progress("读取已填报内容");
    const content = await readTrackerContent(context, sheets, draftUnitSheets);
    reports = new Map([...reportsFromAssignments(content.assignments)].filter(([, r]) => !isEmptyReport(r)));
    readReports = new Map(content.assignments.map((a) => [reportKey(a.taskId, a.unit), a.report]));
    issues = content.issues;
    trackerId = content.meta.trackerId;
    oldUnitSheets = content.meta.units.map((u) => u.sheet);
    oldUnits = content.meta.units;
    mergeLog = content.mergeLog;
    history = parseHistory(content.meta.extra.history);
    warningDays ??= Number(content.meta.extra.warning_days) || undefined;
    vocabulary ??= vocabularyFromMeta(content.meta.extra);
    returnInfo ??= parseReturnInfo(content.meta.extra[RETURN_INFO_META_KEY]);
    // Without it, every copy sent out before the rebuild would fail its checksum.
    copyAuthority = content.meta.extra[AUTHORITY_META_KEY];
  }
  const blueprint = buildBlueprint(list, {
    trackerId,
    generatedAt: options.generatedAt,
    password: options.password,
    reports,
    listSource: options.listSource,
    mergeLog,
    warningDays,
    vocabulary,
    unitOverrides: options.unitOverrides,
    history,
    copyAuthority,
    returnInfo,
  });

  const ours = trackerSheetNames(sheets, oldUnitSheets);
  const staging = removableLeftovers(sheets.names, sheets.definedNames);
  const wanted = new Set(blueprint.sheets.map((s) => sheetNameKey(s.name)));
  const clashes = sheets.names.filter((n) => !ours.has(n) && !isLeftoverSheet(n) && wanted.has(sheetNameKey(n)));
  if (clashes.length > 0 && options.onNameClash !== "rename") throw new NameClashError(clashes);

  progress("写入跟踪表");
  const taken = new Set([...sheets.names, ...blueprint.sheets.map((s) => s.name)].map(sheetNameKey));
  const renamedUserSheets = clashes.map((from) => {
    const to = freeSheetName(from, taken);
    taken.add(sheetNameKey(to));
    return { from, to };
  });
  const held = await writeStaged(context, {
    blueprint,
    write: blueprint.sheets,
    replace: ours,
    veryHidden: new Set([...sheets.visibility].filter(([, v]) => v === "VeryHidden").map(([n]) => n)),
    leftovers: staging,
    // Old unit sheets stay until what co-authors typed into them during the write is carried over.
    hold: new Set(oldUnitSheets.filter((n) => ours.has(n))),
    renames: renamedUserSheets,
    definedNames: sheets.definedNames,
    printLayout: req.printLayout,
    unitCount: list.units.length,
    requestBudgetBytes: options.requestBudgetBytes,
  });
  if (held.size > 0) {
    progress("转入重新生成期间的填报");
    // A unit the new list dropped has no new sheet to carry into (the user confirmed that loss).
    const kept = oldUnits.filter((u) => wanted.has(sheetNameKey(u.sheet)));
    issues = [...issues, ...(await carryOverTyped(context, held, kept, readReports, vocabulary)).issues];
  }
  const figures = queueSummaryRead(context);
  await context.sync();
  progress("完成");
  // A report of a unit or task the new list dropped was read but has no row to go back into.
  const rows = new Set(list.tasks.flatMap((t) => t.units.map((u) => reportKey(t.id, u))));
  return {
    blueprint,
    keptReports: [...(reports?.keys() ?? [])].filter((key) => rows.has(key)).length,
    issues,
    figures: figures(),
    renamedUserSheets,
    degraded: req.degraded,
  };
}
