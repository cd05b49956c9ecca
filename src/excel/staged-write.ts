import { SHEET } from "../blueprint/layout";
import { SheetBlueprint, WorkbookBlueprint } from "../blueprint/types";
import { PayloadBudget } from "./payload-budget";
import { STAGING_PREFIX } from "./read-state";
import { protectSheet, writeSheetBody, writeSheetFormulas } from "./sheet-writer";
import { addRateChart, addTrendChart } from "./summary-chart";

export interface StagedWrite {
  blueprint: WorkbookBlueprint;
  /** The blueprint sheets to (re)write; others are assumed to be in place already. */
  write: SheetBlueprint[];
  /** Sheets to delete once the new ones are filled (the old tracker's). */
  replace: Iterable<string>;
  /** Which of them are very hidden: Excel refuses to delete those until they are made visible or hidden. */
  veryHidden?: ReadonlySet<string>;
  /** Leftovers of an earlier, interrupted write. */
  leftovers: Iterable<string>;
  /** User sheets to move out of the way first. */
  renames?: Array<{ from: string; to: string }>;
  definedNames: readonly string[];
  printLayout: boolean;
  unitCount: number;
  /** Sync before a request would pass this many bytes (Excel on the web refuses 5 MB). */
  requestBudgetBytes?: number;
}

/**
 * Writes sheets under staging names, and only once they are filled swaps them in for the
 * old ones: a failure midway leaves the old tracker whole and marked leftovers that the
 * next write removes. Formulas go in after the swap so that they name final sheets.
 * Ends with a sync: calculation is suspended for the first request, so results read in it
 * would be stale ("suspended until the next context.sync()"); callers read figures after.
 */
export async function writeStaged(context: Excel.RequestContext, plan: StagedWrite): Promise<void> {
  const budget = new PayloadBudget(context, plan.requestBudgetBytes);
  const worksheets = context.workbook.worksheets;
  context.application.suspendApiCalculationUntilNextSync();
  for (const name of plan.leftovers) worksheets.getItem(name).delete();

  const staged: Array<{ ws: Excel.Worksheet; sheet: SheetBlueprint }> = [];
  for (const [i, sheet] of plan.write.entries()) {
    const ws = worksheets.add(`${STAGING_PREFIX}${i}`);
    await writeSheetBody(ws, sheet, budget, { printLayout: plan.printLayout });
    staged.push({ ws, sheet });
  }

  staged[0].ws.activate();
  for (const { from, to } of plan.renames ?? []) worksheets.getItem(from).name = to;
  // Each old sheet goes right before its successor takes the name, so a batch that stops midway
  // leaves every sheet either old or new under its final name (Excel does not undo a failed batch).
  const retiring = new Map([...plan.replace].map((n) => [n.toLowerCase(), n]));
  const retire = (name: string) => {
    const ws = worksheets.getItem(name);
    // "If the worksheet's visibility is set to VeryHidden, the delete operation will fail ...
    // You should first change its visibility to hidden or visible" (Worksheet.delete).
    if (plan.veryHidden?.has(name)) ws.visibility = "Hidden";
    ws.delete();
    retiring.delete(name.toLowerCase());
  };
  for (const { ws, sheet } of staged) {
    const old = retiring.get(sheet.name.toLowerCase());
    if (old !== undefined) retire(old);
    ws.name = sheet.name;
  }
  for (const name of [...retiring.values()]) retire(name);
  for (const { ws, sheet } of staged) await writeSheetFormulas(ws, sheet, budget);
  // Charts count as protected content: add it before the sheet is protected.
  const summary = staged.find((s) => s.sheet.name === SHEET.summary);
  if (summary) addRateChart(summary.ws, summary.sheet, plan.unitCount);
  if (summary && plan.blueprint.sheets.some((s) => s.role === "history")) addTrendChart(summary.ws, summary.sheet, plan.unitCount);
  for (const { ws, sheet } of staged) {
    if (sheet.visibility !== "visible") ws.visibility = sheet.visibility === "hidden" ? "Hidden" : "VeryHidden";
    protectSheet(ws, sheet);
  }
  for (const n of plan.blueprint.names) {
    if (plan.definedNames.includes(n.name)) context.workbook.names.getItem(n.name).delete();
    context.workbook.names.add(n.name, `=${n.ref}`);
  }
  plan.blueprint.sheets.forEach((sheet, i) => (worksheets.getItem(sheet.name).position = i));
  worksheets.getItem(SHEET.summary).activate();
  await context.sync();
}
