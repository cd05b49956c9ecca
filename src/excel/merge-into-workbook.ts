import { columnLetter } from "../blueprint/a1";
import { isoToSerial } from "../blueprint/dates";
import { SHEET, SUMMARY_STAMP_CELL } from "../blueprint/layout";
import { mergeLogSheet } from "../blueprint/merge-log-sheet";
import { MERGE_LOG_COLUMNS, MergeLogRow } from "../domain/merge-log";
import { MergeOutcome } from "../domain/merge";
import { REPORT_FIELDS, Report } from "../domain/reports";
import { literalText } from "./cell-input";
import { DashboardFigures, queueSummaryRead } from "./dashboard";
import { PayloadBudget, jsonBytes } from "./payload-budget";
import { MasterState } from "./tracker-reports";
import { protectSheet, writeSheetBody } from "./sheet-writer";

const inputRow = (r: Report): Array<string | number> =>
  REPORT_FIELDS.map((f) => (f === "reportDate" && /^\d{4}-\d{2}-\d{2}$/.test(r.reportDate) ? isoToSerial(r.reportDate) : literalText(r[f])));

/**
 * Writes a merge outcome into the open master: only the reports that changed, each into
 * the row where its task × unit is now (found when reading), the merge log appended,
 * the refresh time stamped (one request unless it passes the request budget), then the
 * summary's figures read back once calculation has resumed (one more).
 */
export async function writeMergeOutcome(
  context: Excel.RequestContext,
  state: MasterState,
  outcome: MergeOutcome,
  log: readonly MergeLogRow[],
  stamp: string,
  /** The sheets' protection password, if they have one (see checkSheetPassword). */
  password?: string,
): Promise<DashboardFigures> {
  const budget = new PayloadBudget(context);
  context.application.suspendApiCalculationUntilNextSync();
  const worksheets = context.workbook.worksheets;
  const updated = new Set(outcome.files.flatMap((f) => f.updated));
  for (const key of updated) {
    const at = state.cells.get(key);
    const col = at && state.statusColumn.get(at.sheet);
    if (!at || col === undefined) continue;
    const values = [inputRow(outcome.reports.get(key)!)];
    // A one-row write costs its sheet and range paths as well as the action: ~750 bytes measured.
    await budget.add(jsonBytes(values) + 150, 2);
    worksheets.getItem(at.sheet).getRange(`${columnLetter(col)}${at.row}:${columnLetter(col + REPORT_FIELDS.length - 1)}${at.row}`).values = values;
  }

  const rows = [...state.mergeLog, ...log.map((r) => r.map(String))];
  if (!state.sheetNames.includes(SHEET.mergeLog)) {
    const sheet = mergeLogSheet([], password);
    const ws = worksheets.add(SHEET.mergeLog);
    await writeSheetBody(ws, sheet, budget, { printLayout: false });
    protectSheet(ws, sheet);
    ws.position = 3;
  }
  if (log.length > 0) {
    const ws = worksheets.getItem(SHEET.mergeLog);
    ws.protection.unprotect(password);
    const first = state.mergeLog.length + 2;
    const values = log.map((r) => r.map((c) => (typeof c === "number" ? c : literalText(c))));
    await budget.add(jsonBytes(values), 4);
    ws.getRange(`A${first}:${columnLetter(MERGE_LOG_COLUMNS.length - 1)}${first + values.length - 1}`).values = values;
    ws.getRange(`A${first}:${columnLetter(MERGE_LOG_COLUMNS.length - 1)}${first + values.length - 1}`).format.wrapText = true;
    protectSheet(ws, mergeLogSheet(rows, password));
  }
  const summary = worksheets.getItem(SHEET.summary);
  summary.protection.unprotect(password);
  summary.getRange(SUMMARY_STAMP_CELL).values = [[literalText(stamp)]];
  summary.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: false, allowSort: false }, password);
  // Calculation is suspended until this sync: figures read in the same request would be the old ones.
  await context.sync();
  const figures = queueSummaryRead(context);
  await context.sync();
  return figures();
}
