import { MergeOutcome, Rejection } from "./merge";
import { REPORT_HEADERS, ReportField, parseReportKey } from "./reports";
import { DEFAULT_VOCABULARY, Vocabulary } from "./vocabulary";

export const MERGE_LOG_COLUMNS = ["时间", "文件", "单位", "类型", "更新", "未变", "冲突", "拒收", "序号", "字段", "主表值", "回收值", "说明"] as const;

export type MergeLogRow = Array<string | number>;

/** 序号 listed in one summarised rejection row before "等". */
const IDS_SHOWN = 20;

/**
 * One summary row per merged file; then one row per field written (序号 × unit × field,
 * old → new) and per conflict; rejections summarised per file and cause, so 100,000 junk
 * rows cost one log row, not 100,000.
 */
export function mergeLogRows(outcome: MergeOutcome, time: string, unitOfFile: (source: string) => string, vocabulary: Vocabulary = DEFAULT_VOCABULARY): MergeLogRow[] {
  // 字段 names a column as the tracker's sheets head it.
  const fieldName = (f: ReportField): string => vocabulary.reportColumns.find((c) => c.field === f)?.name ?? REPORT_HEADERS[f];
  const rows: MergeLogRow[] = [];
  for (const f of outcome.files) {
    const unit = unitOfFile(f.source);
    rows.push([time, f.source, unit, "汇总", f.updated.length, f.unchanged.length, f.conflicts.length, f.rejected.length, "", "", "", "", ""]);
    for (const c of f.changes) {
      const { taskId, unit: u } = parseReportKey(c.key);
      rows.push([time, f.source, u, "更新", "", "", "", "", taskId, fieldName(c.field), c.from, c.to, ""]);
    }
    for (const c of f.conflicts) {
      const { taskId, unit: u } = parseReportKey(c.key);
      rows.push([time, f.source, u, "冲突", "", "", "", "", taskId, fieldName(c.field), c.master, c.returned, "两边都改了：保留主表的值"]);
    }
    const groups = new Map<string, Rejection[]>();
    for (const r of f.rejected) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
    for (const group of groups.values()) {
      const ids = [...new Set(group.map((r) => parseReportKey(r.key).taskId))];
      const units = [...new Set(group.map((r) => parseReportKey(r.key).unit))];
      const shown = ids.length === 1 ? ids[0] : ids.slice(0, IDS_SHOWN).join("、") + (ids.length > IDS_SHOWN ? ` 等 ${ids.length} 个` : "");
      const field = group[0].field ? fieldName(group[0].field) : "";
      const reason = group.length === 1 ? group[0].reason : `共 ${group.length} 项，例如：${group[0].reason}`;
      rows.push([time, f.source, units.length === 1 ? units[0] : unit, "拒收", "", "", "", group.length, shown, field, "", "", reason]);
    }
  }
  return rows;
}

/** A whole file refused before merging (not .xlsx, another tracker, too big...). */
export function refusedFileRow(time: string, source: string, reason: string): MergeLogRow {
  return [time, source, "", "拒收文件", "", "", "", "", "", "", "", "", reason];
}

/** Something about a file that did not stop its merge (a renamed column, an ignored extra sheet...). */
export function fileNoteRow(time: string, source: string, unit: string, message: string): MergeLogRow {
  return [time, source, unit, "提示", "", "", "", "", "", "", "", "", message];
}
