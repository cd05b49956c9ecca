import ExcelJS from "exceljs";
import { COPY_KEYS } from "../blueprint/unit-copy";
import { ReturnedFile } from "../domain/merge";
import { returnedFile } from "../domain/returned-file";
import { ReadIssue } from "../blueprint/read-grid";
import { readTrackerWorkbook } from "./read-tracker";

export const MAX_RETURN_BYTES = 20 * 1024 * 1024;

/** A returned file that cannot be merged; the master stays as it was. */
export class ReturnRefused extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`${source}:${reason}`);
    this.name = "ReturnRefused";
    this.reason = reason;
  }
  readonly reason: string;
}

export interface MasterIdentity {
  trackerId: string;
  units: readonly string[];
}

export interface ReadReturn {
  file: ReturnedFile;
  /** The unit of a unit copy; "" for a full tracker. */
  unit: string;
  issues: ReadIssue[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Reads one returned workbook and checks it belongs to this tracker. Refuses (never
 * half-merges) a file that is too big, not an .xlsx (a renamed .xls or .csv), corrupt,
 * from another tracker, or a unit copy of a unit the tracker does not have.
 */
export async function readReturnFile(source: string, data: Uint8Array, master: MasterIdentity): Promise<ReadReturn> {
  if (data.length > MAX_RETURN_BYTES) throw new ReturnRefused(source, `文件超过 ${MAX_RETURN_BYTES / 1024 / 1024} MB,不像是填报表,未合并。`);
  const starts = (magic: number[]) => magic.every((b, i) => data[i] === b);
  if (starts(OLE_MAGIC)) throw new ReturnRefused(source, "这是旧版 .xls 文件。请在 Excel/WPS 中另存为 .xlsx 后再合并。");
  if (!starts(ZIP_MAGIC)) throw new ReturnRefused(source, "不是 .xlsx 工作簿(可能是改了扩展名的 .csv 或其他文件)。请让填报单位另存为 .xlsx。");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReturnRefused(source, `文件已损坏,无法读取(${(e as Error).message})。请让填报单位重新发送。`);
  }
  let read;
  try {
    read = readTrackerWorkbook(wb);
  } catch (e) {
    throw new ReturnRefused(source, (e as Error).message);
  }
  if (read.meta.trackerId !== master.trackerId) {
    throw new ReturnRefused(source, `来自另一份跟踪表(编号 ${read.meta.trackerId},当前为 ${master.trackerId}),未合并。`);
  }
  const unit = read.meta.kind === "unit-copy" ? (read.meta.extra[COPY_KEYS.unit] ?? "") : "";
  if (read.meta.kind === "unit-copy" && !master.units.includes(unit)) {
    throw new ReturnRefused(source, `填报单位“${unit}”不在当前跟踪表中,未合并。`);
  }
  if (read.meta.kind === "unit-copy" && read.assignments.length === 0) {
    throw new ReturnRefused(source, `找不到“${unit}”的填报表(工作表可能被删除或改名),未合并。`);
  }
  let file: ReturnedFile;
  try {
    file = returnedFile({ source, assignments: read.assignments, baselineJson: read.meta.extra[COPY_KEYS.baseline] });
  } catch (e) {
    throw new ReturnRefused(source, (e as Error).message);
  }
  return { file, unit, issues: read.issues };
}
