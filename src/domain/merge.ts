import { EMPTY_REPORT, REPORT_FIELDS, REPORT_HEADERS, Report, ReportField, parseReportKey } from "./reports";

/** One returned report as read from a file, with anything that could not be trusted. */
export interface ReturnedReport {
  report: Report;
  /** A status cell that held something outside the vocabulary (or a formula): never written. */
  rejectedStatus?: string;
  /** Fields that could not be read, with the reason: never written (their "" is not a clear). */
  refused?: Partial<Record<ReportField, string>>;
  /** The whole row cannot be trusted (e.g. its 序号 appears twice with different content). */
  refusedRow?: string;
}

export interface ReturnedFile {
  /** File name, for the merge log. */
  source: string;
  reports: ReadonlyMap<string, ReturnedReport>;
  /** What each report was when the copy was exported; absent for a full tracker returned as is. */
  baseline?: ReadonlyMap<string, Report>;
  /** The unit of a unit copy: it may only report for this unit. Absent for an accepted full tracker. */
  unit?: string;
}

export interface Conflict {
  key: string;
  field: ReportField;
  master: string;
  returned: string;
  baseline: string;
}

export interface Rejection {
  key: string;
  field?: ReportField;
  /** Short label that rejections are summarised under in the log (one row per file and kind). */
  kind: string;
  reason: string;
}

/** One field the merge wrote: the log lists every one, old → new. */
export interface Change {
  key: string;
  field: ReportField;
  from: string;
  to: string;
}

export interface FileMergeOutcome {
  source: string;
  updated: string[];
  changes: Change[];
  unchanged: string[];
  conflicts: Conflict[];
  rejected: Rejection[];
}

export interface MergeOutcome {
  reports: Map<string, Report>;
  files: FileMergeOutcome[];
}

/**
 * Three-way merge of returned copies into the master, field by field and keyed by
 * task × unit: a field changed only in the return is taken; changed only in the master
 * is kept; changed in both to different values keeps the master and records a conflict.
 * Keys the master does not know, and statuses that are not in the vocabulary, are
 * rejected and never written. Pure: the inputs are not modified.
 */
export function mergeReturns(master: ReadonlyMap<string, Report>, files: readonly ReturnedFile[]): MergeOutcome {
  const reports = new Map(master);
  const outcomes: FileMergeOutcome[] = [];
  for (const file of files) {
    const outcome: FileMergeOutcome = { source: file.source, updated: [], changes: [], unchanged: [], conflicts: [], rejected: [] };
    for (const [key, returned] of [...file.reports].sort(([a], [b]) => compareKeys(a, b))) {
      const current = reports.get(key);
      const { taskId, unit } = parseReportKey(key);
      if (file.unit !== undefined && unit !== file.unit) {
        outcome.rejected.push({ key, kind: "其他单位的填报", reason: `“${file.unit}”的填报表不能填报“${unit}”的任务，未写入。` });
        continue;
      }
      if (!current) {
        outcome.rejected.push({ key, kind: "不属于本单位的序号", reason: `序号 ${taskId} 不是“${unit}”在跟踪表中的任务，未写入。` });
        continue;
      }
      if (returned.refusedRow !== undefined) {
        outcome.rejected.push({ key, kind: "整行拒收", reason: returned.refusedRow });
        continue;
      }
      if (returned.rejectedStatus !== undefined) {
        outcome.rejected.push({ key, field: "status", kind: "完成状态无效", reason: `完成状态“${returned.rejectedStatus}”不在下拉列表中，未写入该状态。` });
      }
      for (const field of REPORT_FIELDS) {
        const reason = returned.refused?.[field];
        if (reason !== undefined) outcome.rejected.push({ key, field, kind: refusalKind(field, reason), reason });
      }
      const base = file.baseline?.get(key) ?? EMPTY_REPORT;
      const next: Report = { ...current };
      let changed = false;
      for (const field of REPORT_FIELDS) {
        if (field === "status" && returned.rejectedStatus !== undefined) continue;
        if (returned.refused?.[field] !== undefined) continue;
        const theirs = returned.report[field];
        const ours = current[field];
        if (theirs === ours || theirs === base[field]) continue;
        if (ours === base[field]) {
          (next as Record<ReportField, string>)[field] = theirs;
          outcome.changes.push({ key, field, from: ours, to: theirs });
          changed = true;
        } else {
          outcome.conflicts.push({ key, field, master: ours, returned: theirs, baseline: base[field] });
        }
      }
      if (changed) {
        reports.set(key, next);
        outcome.updated.push(key);
      } else {
        outcome.unchanged.push(key);
      }
    }
    outcomes.push(outcome);
  }
  return { reports, files: outcomes };
}

/** Refusals of one field for the same cause share a log row, whatever the row-specific details. */
function refusalKind(field: ReportField, reason: string): string {
  const cause = reason.includes("公式") ? "是公式" : reason.includes("上限") ? "超长" : reason.includes("日期") ? "不是有效日期" : reason.includes("找不到") ? "列缺失" : "无法读取";
  return `${REPORT_HEADERS[field]}${cause}`;
}

function compareKeys(a: string, b: string): number {
  const x = parseReportKey(a);
  const y = parseReportKey(b);
  return x.unit === y.unit ? x.taskId - y.taskId : x.unit < y.unit ? -1 : 1;
}
