/**
 * Returned copies as units send them back: the unit copy the pane exports (buildUnitCopy →
 * writeXlsxBuffer), opened and filled in with ExcelJS, saved again.
 */
import ExcelJS from "exceljs";
import { buildUnitCopy, unitCopyFileName } from "../src/blueprint/unit-copy";
import { UNIT_COLUMNS } from "../src/blueprint/layout";
import { Reports } from "../src/domain/reports";
import { STATUSES } from "../src/domain/statuses";
import { TaskList } from "../src/domain/types";
import { writeXlsxBuffer } from "../src/xlsx/render-xlsx";

/** "all": the unit sets a status on every one of its rows (a complete return); "one": only its first row. */
export type EditMode = "all" | "one";

const ID_COL = UNIT_COLUMNS.indexOf("序号") + 1;
const STATUS_COL = UNIT_COLUMNS.indexOf("完成状态") + 1;
const PROGRESS_COL = UNIT_COLUMNS.indexOf("本期进展情况") + 1;

/** Fills the copy's unit sheet (its first sheet) the way a recipient does, row found by 序号. */
export async function fillCopy(data: Uint8Array, mode: EditMode, unitIndex: number): Promise<{ data: Uint8Array; edited: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  let edited = 0;
  ws.eachRow((row) => {
    const id = row.getCell(ID_COL).value;
    if (typeof id !== "number" || (mode === "one" && edited > 0)) return;
    row.getCell(STATUS_COL).value = STATUSES[(id + unitIndex) % STATUSES.length];
    if (edited === 0) row.getCell(PROGRESS_COL).value = "已按计划推进,详见附件。";
    edited++;
  });
  return { data: new Uint8Array(await wb.xlsx.writeBuffer()), edited };
}

export interface ReturnSet {
  uploads: Array<{ name: string; data: Uint8Array }>;
  /** Reports changed across all files (what a merge should update). */
  edited: number;
  ms: number;
}

export async function makeReturns(
  list: TaskList,
  units: readonly string[],
  options: { trackerId: string; reports: Reports; mode: EditMode; copyKey?: string; onProgress?: (done: number) => void },
): Promise<ReturnSet> {
  const t0 = performance.now();
  const uploads: ReturnSet["uploads"] = [];
  let edited = 0;
  for (const [i, unit] of units.entries()) {
    const copy = await writeXlsxBuffer(buildUnitCopy(list, unit, { trackerId: options.trackerId, exportedAt: "2026-11-28 10:00", reports: options.reports, copyKey: options.copyKey }));
    const filled = await fillCopy(copy, options.mode, list.units.indexOf(unit));
    uploads.push({ name: unitCopyFileName(list.name, unit), data: filled.data });
    edited += filled.edited;
    options.onProgress?.(i + 1);
  }
  return { uploads, edited, ms: Math.round(performance.now() - t0) };
}
