import { SHEET } from "../blueprint/layout";
import { SheetBlueprint, WorkbookBlueprint } from "../blueprint/types";
import { PayloadBudget } from "./payload-budget";
import { HOLD_PREFIX, RUN_MARKER_PREFIX, STAGING_PREFIX, newRunId } from "./read-state";
import { copyPlan } from "./copy-plan";
import { protectSheet, writeSheetAsCopy, writeSheetBody, writeSheetFormulas } from "./sheet-writer";
import { addRateChart, addTrendChart } from "./summary-chart";

export interface StagedWrite {
  blueprint: WorkbookBlueprint;
  /** The blueprint sheets to (re)write; others are assumed to be in place already. */
  write: SheetBlueprint[];
  /** Sheets to delete once the new ones are filled (the old tracker's). */
  replace: Iterable<string>;
  /** Which of them are very hidden: Excel refuses to delete those until they are made visible or hidden. */
  veryHidden?: ReadonlySet<string>;
  /** Leftovers of earlier, interrupted writes that belong to no run in progress (see removableLeftovers). */
  leftovers: Iterable<string>;
  /** This run's id (newRunId): its staging names and its marker carry it. */
  runId?: string;
  /**
   * Replaced sheets to keep, renamed and hidden, instead of deleting them: a rebuild's unit
   * sheets, so what co-authors typed into them during the write can still be carried over.
   */
  hold?: ReadonlySet<string>;
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
export async function writeStaged(context: Excel.RequestContext, plan: StagedWrite): Promise<Map<string, string>> {
  const runId = plan.runId ?? newRunId();
  const marker = `${RUN_MARKER_PREFIX}${runId}`;
  try {
    return await write(context, plan, runId, marker);
  } catch (e) {
    // A failed run says it is over, so the next click may remove its leftovers at once.
    await removeMarker(context, marker);
    throw e;
  }
}

async function removeMarker(context: Excel.RequestContext, marker: string): Promise<void> {
  try {
    context.workbook.names.getItemOrNullObject(marker).delete();
    await context.sync();
  } catch {
    // Not removed (Excel unreachable): the marker goes stale after RUN_STALE_MS and no run waits on it.
  }
}

/** Returns the held sheets: final name → the hidden name its old sheet now has. */
async function write(context: Excel.RequestContext, plan: StagedWrite, runId: string, marker: string): Promise<Map<string, string>> {
  const budget = new PayloadBudget(context, plan.requestBudgetBytes);
  const worksheets = context.workbook.worksheets;
  context.application.suspendApiCalculationUntilNextSync();
  // Co-authors' runs see this one in progress and leave its staged sheets alone.
  context.workbook.names.add(marker, "=0");
  // Another run may have removed them since the read: a null object's delete does nothing.
  for (const name of plan.leftovers) worksheets.getItemOrNullObject(name).delete();

  // Unit sheets share one template: it is written in full, the others copied (copy-plan.ts).
  const { order, writes } = copyPlan(plan.write);
  const templates = new Set(writes.flatMap((w) => (w.template === undefined ? [] : [w.template])));
  const staged: Array<{ ws: Excel.Worksheet; sheet: SheetBlueprint; formulasWritten: boolean }> = new Array(plan.write.length);
  for (const i of order) {
    const sheet = plan.write[i];
    const name = `${STAGING_PREFIX}${runId}_${i}`;
    const { template, deleteRows } = writes[i];
    if (template !== undefined) {
      staged[i] = { ...(await writeSheetAsCopy(staged[template], name, sheet, budget, deleteRows)), sheet };
      continue;
    }
    const ws = worksheets.add(name);
    // A template is copied before any formula is written: the copy's rows are deleted first.
    const formulasIfSelfContained = !templates.has(i);
    const formulasWritten = await writeSheetBody(ws, sheet, budget, { printLayout: plan.printLayout, formulasIfSelfContained });
    staged[i] = { ws, sheet, formulasWritten };
  }

  staged[0].ws.activate();
  for (const { from, to } of plan.renames ?? []) worksheets.getItem(from).name = to;
  // Each old sheet goes right before its successor takes the name, so a batch that stops midway
  // leaves every sheet either old or new under its final name (Excel does not undo a failed batch).
  // The sheet under the name is looked up when the request runs, not taken from the read: a
  // co-author's run may have replaced or removed it since.
  const retiring = new Map([...plan.replace].map((n) => [n.toLowerCase(), n]));
  const held = new Map<string, string>();
  let heldCount = 0;
  const retire = (name: string) => {
    const ws = worksheets.getItemOrNullObject(name);
    // A sheet this run did not read is never deleted: it is held like a rebuild's unit sheets.
    if (plan.hold?.has(name) || !retiring.has(name.toLowerCase())) {
      const to = `${HOLD_PREFIX}${runId}_${heldCount++}`;
      ws.name = to;
      ws.visibility = "Hidden";
      // Only sheets the run read are carried over; one made since (null here, as a rule) is left for a later run.
      if (plan.hold?.has(name)) held.set(name, to);
    } else {
      // "If the worksheet's visibility is set to VeryHidden, the delete operation will fail ...
      // You should first change its visibility to hidden or visible" (Worksheet.delete).
      if (plan.veryHidden?.has(name) || name === SHEET.meta) ws.visibility = "Hidden";
      ws.delete();
    }
    retiring.delete(name.toLowerCase());
  };
  for (const { ws, sheet } of staged) {
    // A name taken since the read (another coordinator's build) is retired as well, or the rename would fail midway.
    retire(retiring.get(sheet.name.toLowerCase()) ?? sheet.name);
    ws.name = sheet.name;
  }
  for (const name of [...retiring.values()]) retire(name);
  for (const { ws, sheet, formulasWritten } of staged) if (!formulasWritten) await writeSheetFormulas(ws, sheet, budget);
  // Charts count as protected content: add it before the sheet is protected.
  const summary = staged.find((s) => s.sheet.name === SHEET.summary);
  if (summary) addRateChart(summary.ws, summary.sheet, plan.unitCount);
  if (summary && plan.blueprint.sheets.some((s) => s.role === "history")) addTrendChart(summary.ws, summary.sheet, plan.unitCount);
  for (const { ws, sheet } of staged) {
    if (sheet.visibility !== "visible") ws.visibility = sheet.visibility === "hidden" ? "Hidden" : "VeryHidden";
    protectSheet(ws, sheet);
  }
  for (const n of plan.blueprint.names) {
    // Looked up now: another run may have added or removed it since the read.
    context.workbook.names.getItemOrNullObject(n.name).delete();
    context.workbook.names.add(n.name, `=${n.ref}`);
  }
  // The sheets this run wrote are set through the objects it holds (no lookup by name per sheet);
  // the ones it kept are looked up.
  const written = new Map(staged.map(({ ws, sheet }) => [sheet.name, ws]));
  const sheetNamed = (name: string) => written.get(name) ?? worksheets.getItem(name);
  plan.blueprint.sheets.forEach((sheet, i) => (sheetNamed(sheet.name).position = i));
  sheetNamed(SHEET.summary).activate();
  context.workbook.names.getItemOrNullObject(marker).delete();
  await context.sync();
  return held;
}
