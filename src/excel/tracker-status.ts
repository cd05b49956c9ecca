import { SHEET } from "../blueprint/layout";
import { TrackerMeta, readMetaGrid } from "../blueprint/read-grid";
import { DashboardFigures, queueSummaryRead } from "./dashboard";
import { loadSheetList, queueGrid, repairMeta } from "./read-state";

export type TrackerStatus =
  | { present: false; sheetCount: number }
  | { present: true; meta: TrackerMeta; figures: DashboardFigures; unitSheets: Map<string, string> };

/** What the pane shows on opening: is there a tracker here, and where does it stand. */
export async function readTrackerStatus(context: Excel.RequestContext): Promise<TrackerStatus> {
  const sheets = await repairMeta(context, await loadSheetList(context));
  if (!sheets.names.includes(SHEET.meta) || !sheets.names.includes(SHEET.summary)) return { present: false, sheetCount: sheets.names.length };
  const meta = queueGrid(context, SHEET.meta);
  const figures = queueSummaryRead(context);
  await context.sync();
  const parsed = readMetaGrid(meta().grid);
  return { present: true, meta: parsed, figures: figures(), unitSheets: new Map(parsed.units.map((u) => [u.unit, u.sheet])) };
}

/** Brings a unit's sheet to the front (the dashboard's links). */
export async function activateSheet(context: Excel.RequestContext, sheet: string): Promise<void> {
  context.workbook.worksheets.getItem(sheet).activate();
  await context.sync();
}
