import { Status } from "./statuses";

/** What one unit reports on one task: the input columns of its sheet. */
export interface Report {
  status: Status | "";
  progress: string;
  problems: string;
  nextSteps: string;
  evidence: string;
  reporter: string;
  /** ISO date (yyyy-mm-dd) when the cell held a date, otherwise the text as typed. */
  reportDate: string;
}

export const REPORT_FIELDS = ["status", "progress", "problems", "nextSteps", "evidence", "reporter", "reportDate"] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export const REPORT_HEADERS: Readonly<Record<ReportField, string>> = {
  status: "完成状态",
  progress: "本期进展情况",
  problems: "存在问题",
  nextSteps: "下步计划",
  evidence: "佐证材料",
  reporter: "填报人",
  reportDate: "填报日期",
};

export const EMPTY_REPORT: Readonly<Report> = Object.freeze({
  status: "",
  progress: "",
  problems: "",
  nextSteps: "",
  evidence: "",
  reporter: "",
  reportDate: "",
});

/** Reports keyed by task id × unit: the only key that survives sorting and inserted rows. */
export type Reports = ReadonlyMap<string, Report>;

export function reportKey(taskId: number, unit: string): string {
  return `${taskId}|${unit}`;
}

export function parseReportKey(key: string): { taskId: number; unit: string } {
  const bar = key.indexOf("|");
  return { taskId: Number(key.slice(0, bar)), unit: key.slice(bar + 1) };
}

export function isEmptyReport(r: Report): boolean {
  return REPORT_FIELDS.every((f) => r[f] === "");
}
