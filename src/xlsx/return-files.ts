import ExcelJS from "exceljs";
import { CopyAuthority, checksumMatches } from "../blueprint/copy-authority";
import { COPY_KEYS } from "../blueprint/unit-copy";
import { ReturnedFile } from "../domain/merge";
import { returnedFile } from "../domain/returned-file";
import { ReadIssue } from "../blueprint/read-grid";
import { readMetaGrid } from "../blueprint/read-grid";
import { SHEET } from "../blueprint/layout";
import { readTrackerWorkbook, sheetGrid } from "./read-tracker";
import { GuardRefusal, LIMITS, guardXlsx, maxRowsFor } from "./zip-guard";

export const MAX_RETURN_BYTES = LIMITS.fileBytes;

/** A returned file that cannot be merged; the master stays as it was. */
export class ReturnRefused extends Error {
  constructor(
    readonly source: string,
    reason: string,
    /** Set for a full tracker: it is merged only when the user confirms this file by name. */
    readonly needsConfirmation = false,
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
  /** Tasks in the master: bounds the rows a returned sheet may hold. */
  taskCount?: number;
  /** The master's copy key and export record; absent in a tracker that never exported a copy. */
  authority?: CopyAuthority;
}

export interface ReadOptions {
  /** The user confirmed, for this very file, that a full tracker may be merged. */
  acceptFullTracker?: boolean;
}

export interface ReadReturn {
  file: ReturnedFile;
  /** The unit of a unit copy; "" for a full tracker. */
  unit: string;
  issues: ReadIssue[];
  /** Sheet-level problems worth a line in 合并记录 (row-level ones are in the merge's rejections). */
  notes: string[];
}

/** Message for a full tracker that was not confirmed: it could rewrite every unit's reports. */
export function fullTrackerMessage(source: string): string {
  return (
    `“${source}”是一份完整的跟踪表，不是单位填报副本；合并它会改写所有单位的填报，因此只有在您确认后才合并。` +
    `如确认来源可信：任务窗格中点“确认合并此整表”，命令行加 --accept-full-tracker "${source}"。`
  );
}

function checkCopy(source: string, unit: string, extra: Record<string, string>, master: MasterIdentity): void {
  const checksum = extra[COPY_KEYS.checksum];
  const id = {
    trackerId: master.trackerId,
    unit,
    exportedAt: extra[COPY_KEYS.exportedAt] ?? "",
    period: extra[COPY_KEYS.period] ?? "",
    baselineJson: extra[COPY_KEYS.baseline] ?? "",
  };
  if (!checksum) {
    throw new ReturnRefused(source, `“${unit}”的填报表没有校验码（由旧版本导出），无法确认其所属单位和基线未被改动，未合并。请重新导出“${unit}”的填报表发给该单位填写。`);
  }
  if (!master.authority) {
    throw new ReturnRefused(source, `总表中没有填报表校验密钥（总表可能被替换为旧文件），无法核验“${unit}”的填报表，未合并。请用导出该填报表的那份总表合并，或重新导出。`);
  }
  if (!checksumMatches(master.authority.key, id, checksum)) {
    throw new ReturnRefused(
      source,
      `“${unit}”的填报表（文件 ${source}）未通过校验：隐藏元数据中的单位、导出时间、期间或基线被修改过，未合并。请让该单位在原始导出的填报表上填写，或重新导出后再报送。`,
    );
  }
  const latest = master.authority.exports[unit];
  if (latest && id.exportedAt < latest.exportedAt) {
    throw new ReturnRefused(
      source,
      `这是 ${id.period || "以前"} 的填报表（导出于 ${id.exportedAt}）；“${unit}”${latest.period} 的填报表已于 ${latest.exportedAt} 导出，旧表的基线已过时，未合并。请让该单位在最新发送的填报表上填写后重新报送。`,
    );
  }
}

/**
 * Reads one returned workbook and checks it belongs to this tracker. Refuses (never
 * half-merges) a file over a resource limit, not an .xlsx (.xls, encrypted, .ods, .xlsb,
 * a renamed .csv), corrupt, from another tracker, a unit copy whose checksum fails or
 * that an earlier export replaced, and a full tracker the user did not confirm.
 */
export async function readReturnFile(source: string, data: Uint8Array, master: MasterIdentity, options: ReadOptions = {}): Promise<ReadReturn> {
  let safe: Uint8Array;
  try {
    safe = await guardXlsx(data, maxRowsFor(master.taskCount ?? 5000));
  } catch (e) {
    if (e instanceof GuardRefusal) throw new ReturnRefused(source, e.message);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(safe as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReturnRefused(source, `文件已损坏，无法读取（${(e as Error).message}）。请让填报单位重新发送。`);
  }
  let read;
  try {
    // A unit copy's other sheets are never read: it can only speak for its own unit.
    const metaSheet = wb.getWorksheet(SHEET.meta);
    const peek = metaSheet ? readMetaGrid(sheetGrid(metaSheet)) : undefined;
    read = readTrackerWorkbook(wb, peek?.kind === "unit-copy" ? { onlyUnit: peek.extra[COPY_KEYS.unit] ?? "" } : {});
  } catch (e) {
    throw new ReturnRefused(source, (e as Error).message);
  }
  if (read.meta.trackerId !== master.trackerId) {
    throw new ReturnRefused(source, `来自另一份跟踪表（编号 ${read.meta.trackerId}，当前为 ${master.trackerId}），未合并。`);
  }
  const notes: string[] = [];
  if (read.meta.kind === "master") {
    if (!options.acceptFullTracker) throw new ReturnRefused(source, fullTrackerMessage(source), true);
    notes.push("按您的确认作为完整跟踪表合并（没有基线：两边都有内容且不同的记为冲突）。");
    const file = returnedFile({ source, assignments: read.assignments });
    return { file, unit: "", issues: read.issues, notes: [...notes, ...read.issues.filter((i) => i.row === undefined).map((i) => i.message)] };
  }
  if (read.meta.kind !== "unit-copy") throw new ReturnRefused(source, `隐藏元数据中的类型“${String(read.meta.kind).slice(0, 40)}”无法识别（元数据被修改过），未合并。请重新导出。`);
  const unit = read.meta.extra[COPY_KEYS.unit] ?? "";
  if (!master.units.includes(unit)) throw new ReturnRefused(source, `填报单位“${unit}”不在当前跟踪表中，未合并。`);
  checkCopy(source, unit, read.meta.extra, master);
  const others = read.meta.units.filter((u) => u.unit !== unit).map((u) => u.unit);
  if (others.length > 0) notes.push(`副本的元数据还列出了其他单位（${others.slice(0, 5).join("、")}${others.length > 5 ? "等" : ""}），单位副本只能填报本单位，已忽略。`);
  const own = read.assignments.filter((a) => a.unit === unit);
  if (own.length === 0) throw new ReturnRefused(source, `找不到“${unit}”的填报表（工作表可能被删除或改名），未合并。`);
  let file: ReturnedFile;
  try {
    file = returnedFile({ source, unit, assignments: own, baselineJson: read.meta.extra[COPY_KEYS.baseline] });
  } catch (e) {
    throw new ReturnRefused(source, (e as Error).message);
  }
  const issues = read.issues.filter((i) => own.some((a) => a.sheet === i.sheet) || i.row === undefined);
  return { file, unit, issues, notes: [...notes, ...issues.filter((i) => i.row === undefined).map((i) => i.message)] };
}
