import { buildUnitCopy, unitCopyFileName } from "../blueprint/unit-copy";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { readMasterState } from "./tracker-reports";

export interface UnitCopyFile {
  unit: string;
  fileName: string;
  data: Uint8Array;
}

/**
 * Per-unit copies of the open master, with each unit's current reports as the baseline
 * that a later merge compares against. Two requests to read the master; the files are
 * made in the pane with ExcelJS.
 */
export async function makeUnitCopies(context: Excel.RequestContext, units: readonly string[] | "all", exportedAt: string): Promise<UnitCopyFile[]> {
  const state = await readMasterState(context);
  const chosen = units === "all" ? state.list.units : units;
  const unknown = chosen.filter((u) => !state.list.units.includes(u));
  if (unknown.length > 0) throw new Error(`跟踪表中没有这些单位:${unknown.join("、")}。`);
  const files: UnitCopyFile[] = [];
  for (const unit of chosen) {
    const bp = buildUnitCopy(state.list, unit, {
      trackerId: state.meta.trackerId,
      exportedAt,
      reports: state.reports,
      warningDays: Number(state.meta.extra.warning_days) || undefined,
    });
    files.push({ unit, fileName: unitCopyFileName(state.list.name, unit), data: await writeXlsxBuffer(bp) });
  }
  return files;
}

/** Base64 for Excel.createWorkbook, in chunks (String.fromCharCode has an argument limit). */
export function toBase64(data: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}
