import { EMPTY_REPORT, REPORT_FIELDS, Report, ReportField, parseReportKey } from "./reports";

/** One returned report as read from a file, with anything that could not be trusted. */
export interface ReturnedReport {
  report: Report;
  /** A status cell that held something outside the vocabulary (or a formula): never written. */
  rejectedStatus?: string;
}

export interface ReturnedFile {
  /** File name, for the merge log. */
  source: string;
  reports: ReadonlyMap<string, ReturnedReport>;
  /** What each report was when the copy was exported; absent for a full tracker returned as is. */
  baseline?: ReadonlyMap<string, Report>;
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
  reason: string;
}

export interface FileMergeOutcome {
  source: string;
  updated: string[];
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
    const outcome: FileMergeOutcome = { source: file.source, updated: [], unchanged: [], conflicts: [], rejected: [] };
    for (const [key, returned] of [...file.reports].sort(([a], [b]) => compareKeys(a, b))) {
      const current = reports.get(key);
      if (!current) {
        const { taskId, unit } = parseReportKey(key);
        outcome.rejected.push({ key, reason: `序号 ${taskId} 不是“${unit}”在跟踪表中的任务,未写入。` });
        continue;
      }
      if (returned.rejectedStatus !== undefined) {
        outcome.rejected.push({ key, reason: `完成状态“${returned.rejectedStatus}”不在下拉列表中,未写入该状态。` });
      }
      const base = file.baseline?.get(key) ?? EMPTY_REPORT;
      const next: Report = { ...current };
      let changed = false;
      for (const field of REPORT_FIELDS) {
        if (field === "status" && returned.rejectedStatus !== undefined) continue;
        const theirs = returned.report[field];
        const ours = current[field];
        if (theirs === ours || theirs === base[field]) continue;
        if (ours === base[field]) {
          (next as Record<ReportField, string>)[field] = theirs;
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

function compareKeys(a: string, b: string): number {
  const x = parseReportKey(a);
  const y = parseReportKey(b);
  return x.unit === y.unit ? x.taskId - y.taskId : x.unit < y.unit ? -1 : 1;
}
