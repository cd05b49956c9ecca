import { columnLetter } from "../blueprint/a1";
import { isoToSerial } from "../blueprint/dates";
import { SHEET, SUMMARY_STAMP_CELL } from "../blueprint/layout";
import { mergeLogSheet } from "../blueprint/merge-log-sheet";
import { MAX_CELL_CHARS } from "../blueprint/read-grid";
import { MERGE_LOG_COLUMNS, MergeLogRow } from "../domain/merge-log";
import { MergeOutcome } from "../domain/merge";
import { REPORT_FIELDS, Report } from "../domain/reports";
import { literalText } from "./cell-input";
import { DashboardFigures, queueSummaryRead } from "./dashboard";
import { ACTION_OVERHEAD, PayloadBudget, REQUEST_BUDGET_BYTES, jsonBytes } from "./payload-budget";
import { describeExcelError, isOfficeError } from "./excel-errors";
import { queueGrid } from "./read-state";
import { gridText } from "../blueprint/read-grid";
import { MasterState } from "./tracker-reports";
import { protectSheet, writeSheetBody } from "./sheet-writer";
import { DEFAULT_VOCABULARY, Vocabulary, wordOf } from "../domain/vocabulary";
import { vocabularyFromMeta } from "../domain/vocabulary-file";

/** A report as its row's input cells; the status in the tracker's own word. */
const inputRow = (r: Report, vocabulary: Vocabulary): Array<string | number> =>
  REPORT_FIELDS.map((f) =>
    f === "reportDate" && /^\d{4}-\d{2}-\d{2}$/.test(r.reportDate)
      ? isoToSerial(r.reportDate)
      : literalText(f === "status" && r.status ? wordOf(vocabulary, r.status) : r[f]),
  );

const vocabularyOf = (state: Partial<Pick<MasterState, "meta">>): Vocabulary => (state.meta ? vocabularyFromMeta(state.meta.extra) : DEFAULT_VOCABULARY);

/** Log cells are ours, but a reason quoting a unit's text could still pass Excel's cell limit. */
const logCell = (c: string | number): string | number => (typeof c === "number" ? c : literalText(c.length > MAX_CELL_CHARS - 2 ? `${c.slice(0, MAX_CELL_CHARS - 3)}…` : c));

const PROTECT_SUMMARY = { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: false, allowSort: false };

/** A merge whose write failed; `rolledBack` says whether the tracker is as it was before. */
export class MergeWriteError extends Error {
  constructor(
    readonly cause: unknown,
    readonly rolledBack: boolean,
    /** What went wrong, when it is not Excel's own error (a row a co-author removed). */
    what?: string,
  ) {
    // Excel's part (code, place, advice) follows on its own line, not inside the sentence.
    const excel = what ? "" : `\n${describeExcelError(cause)}`;
    const reason = what ?? "写入时 Excel 出错";
    super(
      (rolledBack
        ? `合并没有完成：${reason}。已撤销本次写入的全部内容，跟踪表与合并前相同，合并记录未改动。请稍后重试。`
        : `合并没有完成：${reason}，撤销也未能完成，跟踪表可能只写入了一部分。请关闭工作簿且不要保存，重新打开后再合并。`) + excel,
    );
    this.name = "MergeWriteError";
  }
}

/** A merge that landed whole, but whose figures could not be read back afterwards. */
export class MergeFiguresError extends Error {
  constructor(readonly cause: unknown) {
    super(`合并已完成，全部写入和合并记录都已保存；但随后读取汇总数字时 Excel 出错。请点“刷新汇总”查看最新数字，不要重复合并。\n${describeExcelError(cause)}`);
    this.name = "MergeFiguresError";
  }
}

interface RowWrite {
  sheet: string;
  key: string;
  taskId: number;
  /** 0-based columns: 序号, and the first and last input column. */
  idColumn: number;
  firstColumn: number;
  lastColumn: number;
  values: Array<Array<string | number>>;
  before: Array<Array<string | number>>;
}

const FIND_EXACT: Excel.SearchCriteria = { completeMatch: true, matchCase: true };

/**
 * The input cells of a task's row as they stand when the request runs: the row is found by
 * 序号 in that request (Range.find), not taken from the earlier read, so a co-author who
 * sorted the sheet or inserted rows since cannot make the write land on another task.
 * `find` fails the request (ItemNotFound) when the 序号 is gone; the rollback's lookup
 * answers a null object instead, and writes to a null object do nothing.
 */
function rowInputs(ws: Excel.Worksheet, w: RowWrite, lookup: "find" | "findOrNullObject"): { id: Excel.Range; inputs: Excel.Range } {
  const idCol = columnLetter(w.idColumn);
  const column = ws.getRange(`${idCol}:${idCol}`);
  const id = lookup === "find" ? column.find(String(w.taskId), FIND_EXACT) : column.findOrNullObject(String(w.taskId), FIND_EXACT);
  const inputs = id.getEntireRow().getIntersection(ws.getRange(`${columnLetter(w.firstColumn)}:${columnLetter(w.lastColumn)}`));
  return { id, inputs };
}

/** What one located row write costs in a request: its values and about six actions and paths. */
const rowWriteBytes = (w: RowWrite): number => jsonBytes(w.values) + 150 + ACTION_OVERHEAD * 6;

/** Writes cut into requests under the budget; the last one also carries the log and the stamp. */
function requestsOf(writes: readonly RowWrite[], budget: number): RowWrite[][] {
  const out: RowWrite[][] = [[]];
  let bytes = 0;
  for (const w of writes) {
    const cost = rowWriteBytes(w);
    if (bytes > 0 && bytes + cost > budget * 0.8) {
      out.push([]);
      bytes = 0;
    }
    out[out.length - 1].push(w);
    bytes += cost;
  }
  return out;
}

/**
 * Writes a merge outcome into the open master: only the reports that changed, each into
 * the row where its task × unit is when the write arrives (located by 序号 in the write's own
 * request), the merge log appended after the log's last row as it is then, the refresh time
 * stamped, then the summary's figures read back once calculation has resumed (one more).
 *
 * All or nothing: Office.js has no transaction and a large merge needs several requests,
 * so every value is prepared and checked before the first write (no cell over Excel's
 * limit, every row known); each request looks up all its rows before it writes any (a
 * request stops at its first error, so a row removed by a co-author stops it before it
 * writes); the stamp goes last, so it lands only when all else did; and if any request
 * fails, the rows written are put back from the values read before the merge, the new log
 * rows are cleared and the sheets protected again. Staging a copy of every touched sheet
 * and swapping it in would rewrite whole unit sheets (and lose what users added to them,
 * or typed meanwhile) for what is usually a few dozen cells.
 */
export async function writeMergeOutcome(
  context: Excel.RequestContext,
  state: MasterState,
  outcome: MergeOutcome,
  log: readonly MergeLogRow[],
  stamp: string,
  options: { requestBudgetBytes?: number; /** The sheets' protection password, if they have one (see checkSheetPassword). */ password?: string } = {},
): Promise<DashboardFigures> {
  const writes = planRowWrites(state, new Set(outcome.files.flatMap((f) => f.updated)), outcome.reports, vocabularyOf(state));
  const logValues = log.map((r) => r.map(logCell));
  const logSheetExisted = state.sheetNames.includes(SHEET.mergeLog);
  const requests = requestsOf(writes, options.requestBudgetBytes ?? REQUEST_BUDGET_BYTES);

  const worksheets = context.workbook.worksheets;
  let landed = 0;
  let createdLog = false;
  try {
    context.application.suspendApiCalculationUntilNextSync();
    if (!logSheetExisted) {
      // First in the first request: if another merge made the sheet since the read, the add stops the request before anything else.
      createdLog = true;
      const budget = new PayloadBudget(context, options.requestBudgetBytes);
      const sheet = mergeLogSheet([], options.password);
      const ws = worksheets.add(SHEET.mergeLog);
      await writeSheetBody(ws, sheet, budget, { printLayout: false });
      protectSheet(ws, sheet);
      ws.position = 3;
    }
    for (const [i, batch] of requests.entries()) {
      const rows = batch.map((w) => ({ w, ...rowInputs(worksheets.getItem(w.sheet), w, "find") }));
      // Every lookup runs before any write of this request.
      for (const r of rows) r.id.load("rowIndex");
      for (const r of rows) r.inputs.values = r.w.values;
      if (i < requests.length - 1) {
        await context.sync();
        landed = i + 1;
      }
    }
    if (logValues.length > 0) {
      const ws = worksheets.getItem(SHEET.mergeLog);
      ws.protection.unprotect(options.password);
      // After the log's last row as it is when this request runs: another merge may have added rows since the read.
      const last = ws.getRange(`A:${columnLetter(MERGE_LOG_COLUMNS.length - 1)}`).getUsedRange(true).getLastRow();
      const target = last.getOffsetRange(1, 0).getResizedRange(logValues.length - 1, 0);
      target.values = logValues;
      target.format.wrapText = true;
      protectSheet(ws, mergeLogSheet([], options.password));
    }
    const summary = worksheets.getItem(SHEET.summary);
    summary.protection.unprotect(options.password);
    summary.getRange(SUMMARY_STAMP_CELL).values = [[literalText(stamp)]];
    summary.protection.protect(PROTECT_SUMMARY, options.password);
    await context.sync();
  } catch (e) {
    if (createdLog && isOfficeError(e) && e.code === "ItemAlreadyExists" && /WorksheetCollection\.add/.test(e.debugInfo?.errorLocation ?? "")) {
      // Another coordinator's merge made 合并记录 meanwhile; nothing of this merge was written.
      return writeMergeOutcome(context, { ...state, sheetNames: [...state.sheetNames, SHEET.mergeLog] }, outcome, log, stamp, options);
    }
    // A lookup that failed stopped its request before any of its writes.
    const rowGone = isOfficeError(e) && e.code === "ItemNotFound" && /find/i.test(e.debugInfo?.errorLocation ?? "");
    const written = requests.slice(0, rowGone ? landed : landed + 1).flat();
    const rolledBack = await rollBack(context, written, logValues, createdLog, options);
    if (!rowGone) throw new MergeWriteError(e, rolledBack);
    const missing = requests[landed].map((w) => w.key.replace("|", " × ")).join("、");
    throw new MergeWriteError(e, rolledBack, `合并期间有人删除了任务行或改动了序号（涉及 ${missing} 之一），找不到要写入的行`);
  }
  // Calculation was suspended until the write's last sync: figures read with it would be the old ones.
  const figures = queueSummaryRead(context);
  try {
    await context.sync();
  } catch (e) {
    // The merge has landed whole; only the figures shown in the pane are missing.
    throw new MergeFiguresError(e);
  }
  return figures();
}

/**
 * Queues writes of these reports, each into its task's row as found by 序号 when the request
 * runs (all lookups first): nothing is written if a row is gone. Sync to send them.
 */
export function queueLocatedWrites(
  context: Excel.RequestContext,
  state: MasterState,
  reports: ReadonlyMap<string, Report>,
  vocabulary: Vocabulary = vocabularyOf(state),
): void {
  const rows = planRowWrites(state, [...reports.keys()], reports, vocabulary).map((w) => ({ w, ...rowInputs(context.workbook.worksheets.getItem(w.sheet), w, "find") }));
  for (const r of rows) r.id.load("rowIndex");
  for (const r of rows) r.inputs.values = r.w.values;
}

/** Every changed report as a row write with the values it replaces; refuses before any write if one cannot be made. */
function planRowWrites(state: MasterState, updated: Iterable<string>, reports: ReadonlyMap<string, Report>, vocabulary: Vocabulary): RowWrite[] {
  const writes: RowWrite[] = [];
  for (const key of updated) {
    const at = state.cells.get(key);
    const col = at && state.statusColumn.get(at.sheet);
    if (!at || col === undefined) throw new Error(`总表中找不到 ${key.replace("|", " × ")} 所在的行或“完成状态”列，合并未写入任何内容。请先“重新生成”跟踪表，再合并。`);
    const values = [inputRow(reports.get(key)!, vocabulary)];
    const long = values[0].find((v) => typeof v === "string" && v.length > MAX_CELL_CHARS);
    if (long !== undefined) throw new Error(`${key.replace("|", " × ")} 的内容超过 Excel 单元格上限 ${MAX_CELL_CHARS} 字，合并未写入任何内容。`);
    const idColumn = state.idColumn.get(at.sheet) ?? 0;
    const taskId = Number(key.split("|")[0]);
    writes.push({ sheet: at.sheet, key, taskId, idColumn, firstColumn: col, lastColumn: col + REPORT_FIELDS.length - 1, values, before: [inputRow(state.reports.get(key)!, vocabulary)] });
  }
  return writes;
}

/** The rows of `ours` in the log as read: the last run of rows equal to them, or -1. */
function logRowsAt(grid: unknown[][], ours: ReadonlyArray<ReadonlyArray<string | number>>): number {
  const plain = (v: unknown) => gridText(v as string).replace(/^'/, "");
  const same = (row: unknown[] | undefined, mine: ReadonlyArray<string | number>) => !!row && mine.every((v, c) => plain(row[c]) === plain(v));
  for (let r = grid.length - ours.length; r >= 1; r--) if (ours.every((mine, i) => same(grid[r + i], mine))) return r;
  return -1;
}

/** Puts back what a failed merge may have written. Returns whether that succeeded. */
async function rollBack(
  context: Excel.RequestContext,
  writes: readonly RowWrite[],
  logValues: ReadonlyArray<ReadonlyArray<string | number>>,
  createdLog: boolean,
  options: { requestBudgetBytes?: number; password?: string },
): Promise<boolean> {
  try {
    const worksheets = context.workbook.worksheets;
    const present = worksheets.load("items/name");
    await context.sync();
    const logGrid = present.items.some((s) => s.name === SHEET.mergeLog) ? queueGrid(context, SHEET.mergeLog) : undefined;
    const budget = new PayloadBudget(context, options.requestBudgetBytes);
    for (const w of writes) {
      await budget.add(jsonBytes(w.before) + 150, 6);
      rowInputs(worksheets.getItem(w.sheet), w, "findOrNullObject").inputs.values = w.before;
    }
    const summary = worksheets.getItem(SHEET.summary);
    summary.protection.unprotect(options.password);
    summary.protection.protect(PROTECT_SUMMARY, options.password);
    await context.sync();
    if (logGrid) {
      // The log rows are found by their content: other merges may have appended since.
      const grid = logGrid().grid;
      const at = logValues.length > 0 ? logRowsAt(grid, logValues) : -1;
      const others = grid.slice(1).filter((r) => r.some((c) => gridText(c) !== "")).length - (at >= 0 ? logValues.length : 0);
      const ws = worksheets.getItem(SHEET.mergeLog);
      // A log this merge made goes, unless another merge has written to it meanwhile.
      if (createdLog && others === 0) ws.delete();
      else if (at >= 0) {
        ws.protection.unprotect(options.password);
        ws.getRange(`A${at + 1}:${columnLetter(MERGE_LOG_COLUMNS.length - 1)}${at + logValues.length}`).clear("Contents");
        protectSheet(ws, mergeLogSheet([], options.password));
      }
      await context.sync();
    }
    return true;
  } catch {
    // Reported to the user through MergeWriteError's message (rolledBack = false).
    return false;
  }
}
