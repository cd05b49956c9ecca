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
import { describeExcelError } from "./excel-errors";
import { PayloadBudget, jsonBytes } from "./payload-budget";
import { MasterState } from "./tracker-reports";
import { protectSheet, writeSheetBody } from "./sheet-writer";

const inputRow = (r: Report): Array<string | number> =>
  REPORT_FIELDS.map((f) => (f === "reportDate" && /^\d{4}-\d{2}-\d{2}$/.test(r.reportDate) ? isoToSerial(r.reportDate) : literalText(r[f])));

/** Log cells are ours, but a reason quoting a unit's text could still pass Excel's cell limit. */
const logCell = (c: string | number): string | number => (typeof c === "number" ? c : literalText(c.length > MAX_CELL_CHARS - 2 ? `${c.slice(0, MAX_CELL_CHARS - 3)}…` : c));

const PROTECT_SUMMARY = { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: false, allowSort: false };

/** A merge whose write failed; `rolledBack` says whether the tracker is as it was before. */
export class MergeWriteError extends Error {
  constructor(
    readonly cause: unknown,
    readonly rolledBack: boolean,
  ) {
    super(
      rolledBack
        ? `合并没有完成:写入时 Excel 出错(${describeExcelError(cause)})。已撤销本次写入的全部内容,跟踪表与合并前相同,合并记录未改动。请稍后重试。`
        : `合并没有完成:写入时 Excel 出错(${describeExcelError(cause)}),撤销也未能完成,跟踪表可能只写入了一部分。请关闭工作簿且不要保存,重新打开后再合并。`,
    );
    this.name = "MergeWriteError";
  }
}

/** A merge that landed whole, but whose figures could not be read back afterwards. */
export class MergeFiguresError extends Error {
  constructor(readonly cause: unknown) {
    super(`合并已完成,全部写入和合并记录都已保存;但随后读取汇总数字时 Excel 出错(${describeExcelError(cause)})。请点“刷新汇总”查看最新数字,不要重复合并。`);
    this.name = "MergeFiguresError";
  }
}

interface RowWrite {
  sheet: string;
  address: string;
  values: Array<Array<string | number>>;
  before: Array<Array<string | number>>;
}

/**
 * Writes a merge outcome into the open master: only the reports that changed, each into
 * the row where its task × unit is now (found when reading), the merge log appended,
 * the refresh time stamped (one request unless it passes the request budget), then the
 * summary's figures read back once calculation has resumed (one more).
 *
 * All or nothing: Office.js has no transaction and a large merge needs several requests,
 * so every value is prepared and checked before the first write (no cell over Excel's
 * limit, every row located); the stamp goes last, so it lands only when all else did;
 * and if any request fails, the rows written are put back from the values read before
 * the merge, the new log rows are cleared and the sheets protected again. Staging a copy
 * of every touched sheet and swapping it in would rewrite whole unit sheets (and lose
 * what users added to them) for what is usually a few dozen cells.
 */
export async function writeMergeOutcome(
  context: Excel.RequestContext,
  state: MasterState,
  outcome: MergeOutcome,
  log: readonly MergeLogRow[],
  stamp: string,
  options: { requestBudgetBytes?: number; /** The sheets' protection password, if they have one (see checkSheetPassword). */ password?: string } = {},
): Promise<DashboardFigures> {
  const writes = planRowWrites(state, outcome);
  const logValues = log.map((r) => r.map(logCell));
  const first = state.mergeLog.length + 2;
  const logAddress = `A${first}:${columnLetter(MERGE_LOG_COLUMNS.length - 1)}${first + logValues.length - 1}`;
  const logSheetExisted = state.sheetNames.includes(SHEET.mergeLog);

  const worksheets = context.workbook.worksheets;
  try {
    const budget = new PayloadBudget(context, options.requestBudgetBytes);
    context.application.suspendApiCalculationUntilNextSync();
    for (const w of writes) {
      // A one-row write costs its sheet and range paths as well as the action: ~750 bytes measured.
      await budget.add(jsonBytes(w.values) + 150, 2);
      worksheets.getItem(w.sheet).getRange(w.address).values = w.values;
    }
    if (!logSheetExisted) {
      const sheet = mergeLogSheet([], options.password);
      const ws = worksheets.add(SHEET.mergeLog);
      await writeSheetBody(ws, sheet, budget, { printLayout: false });
      protectSheet(ws, sheet);
      ws.position = 3;
    }
    if (logValues.length > 0) {
      await budget.add(jsonBytes(logValues), 5);
      const ws = worksheets.getItem(SHEET.mergeLog);
      ws.protection.unprotect(options.password);
      ws.getRange(logAddress).values = logValues;
      ws.getRange(logAddress).format.wrapText = true;
      protectSheet(ws, mergeLogSheet([], options.password));
    }
    await budget.add(jsonBytes(stamp), 4);
    const summary = worksheets.getItem(SHEET.summary);
    summary.protection.unprotect(options.password);
    summary.getRange(SUMMARY_STAMP_CELL).values = [[literalText(stamp)]];
    summary.protection.protect(PROTECT_SUMMARY, options.password);
    await context.sync();
  } catch (e) {
    throw new MergeWriteError(e, await rollBack(context, writes, logSheetExisted ? logAddress : undefined, logSheetExisted, logValues.length > 0, options));
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

/** Every changed report as a row write with the values it replaces; refuses before any write if one cannot be made. */
function planRowWrites(state: MasterState, outcome: MergeOutcome): RowWrite[] {
  const updated = new Set(outcome.files.flatMap((f) => f.updated));
  const writes: RowWrite[] = [];
  for (const key of updated) {
    const at = state.cells.get(key);
    const col = at && state.statusColumn.get(at.sheet);
    if (!at || col === undefined) throw new Error(`总表中找不到 ${key.replace("|", " × ")} 所在的行或“完成状态”列,合并未写入任何内容。请先“重新生成”跟踪表,再合并。`);
    const values = [inputRow(outcome.reports.get(key)!)];
    const long = values[0].find((v) => typeof v === "string" && v.length > MAX_CELL_CHARS);
    if (long !== undefined) throw new Error(`${key.replace("|", " × ")} 的内容超过 Excel 单元格上限 ${MAX_CELL_CHARS} 字,合并未写入任何内容。`);
    const address = `${columnLetter(col)}${at.row}:${columnLetter(col + REPORT_FIELDS.length - 1)}${at.row}`;
    writes.push({ sheet: at.sheet, address, values, before: [inputRow(state.reports.get(key)!)] });
  }
  return writes;
}

/** Puts back what a failed merge may have written. Returns whether that succeeded. */
async function rollBack(
  context: Excel.RequestContext,
  writes: readonly RowWrite[],
  logAddress: string | undefined,
  logSheetExisted: boolean,
  wroteLog: boolean,
  options: { requestBudgetBytes?: number; password?: string },
): Promise<boolean> {
  try {
    const worksheets = context.workbook.worksheets;
    const present = worksheets.load("items/name");
    await context.sync();
    const budget = new PayloadBudget(context, options.requestBudgetBytes);
    for (const w of writes) {
      await budget.add(jsonBytes(w.before) + 150, 2);
      worksheets.getItem(w.sheet).getRange(w.address).values = w.before;
    }
    if (!logSheetExisted) {
      // Whatever part of the new sheet was made goes; the sheet did not exist before.
      if (present.items.some((s) => s.name === SHEET.mergeLog)) worksheets.getItem(SHEET.mergeLog).delete();
    } else if (wroteLog && logAddress) {
      const ws = worksheets.getItem(SHEET.mergeLog);
      ws.protection.unprotect(options.password);
      ws.getRange(logAddress).clear("Contents");
      protectSheet(ws, mergeLogSheet([], options.password));
    }
    const summary = worksheets.getItem(SHEET.summary);
    summary.protection.unprotect(options.password);
    summary.protection.protect(PROTECT_SUMMARY, options.password);
    await context.sync();
    return true;
  } catch {
    // Reported to the user through MergeWriteError's message (rolledBack = false).
    return false;
  }
}
