import { MergeOutcome } from "./merge";
import { REPORT_HEADERS, parseReportKey } from "./reports";

export const MERGE_LOG_COLUMNS = ["时间", "文件", "单位", "类型", "更新", "未变", "冲突", "拒收", "序号", "字段", "主表值", "回收值", "说明"] as const;

export type MergeLogRow = Array<string | number>;

/**
 * One summary row per merged file, then one row per conflict and per rejection, so the
 * coordinator can see what was not taken and why.
 */
export function mergeLogRows(outcome: MergeOutcome, time: string, unitOfFile: (source: string) => string): MergeLogRow[] {
  const rows: MergeLogRow[] = [];
  for (const f of outcome.files) {
    const unit = unitOfFile(f.source);
    rows.push([time, f.source, unit, "汇总", f.updated.length, f.unchanged.length, f.conflicts.length, f.rejected.length, "", "", "", "", ""]);
    for (const c of f.conflicts) {
      const { taskId, unit: u } = parseReportKey(c.key);
      rows.push([time, f.source, u, "冲突", "", "", "", "", taskId, REPORT_HEADERS[c.field], c.master, c.returned, "两边都改了:保留主表的值"]);
    }
    for (const r of f.rejected) {
      const { taskId, unit: u } = parseReportKey(r.key);
      rows.push([time, f.source, u, "拒收", "", "", "", "", taskId, "", "", "", r.reason]);
    }
  }
  return rows;
}

/** A whole file refused before merging (not .xlsx, another tracker, too big...). */
export function refusedFileRow(time: string, source: string, reason: string): MergeLogRow {
  return [time, source, "", "拒收文件", "", "", "", "", "", "", "", "", reason];
}
