import { ReturnedFile, ReturnedReport } from "./merge";
import { EMPTY_REPORT, REPORT_FIELDS, Report, reportKey } from "./reports";
import { isStatus } from "./statuses";

/** What a reader of a returned workbook provides, whatever renderer read it. */
export interface ReturnedRows {
  source: string;
  assignments: ReadonlyArray<{ taskId: number; unit: string; report: Report; rejectedStatus?: string }>;
  /** The baseline JSON kept in a unit copy's metadata, if any. */
  baselineJson?: string;
}

/** Parses a unit copy's baseline; a damaged one is an error (the caller refuses the file). */
export function parseBaseline(json: string | undefined): Map<string, Report> | undefined {
  if (!json) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`填报副本的隐藏元数据(基线)已损坏(${(e as Error).message}),无法判断哪些内容是单位修改的。请重新导出该单位的填报表。`);
  }
  if (typeof data !== "object" || data === null) throw new Error("填报副本的隐藏元数据(基线)格式不对。请重新导出该单位的填报表。");
  const out = new Map<string, Report>();
  for (const [key, value] of Object.entries(data as Record<string, Record<string, unknown>>)) {
    const fields: Record<string, string> = { ...EMPTY_REPORT };
    for (const f of REPORT_FIELDS) {
      const v = value?.[f];
      if (typeof v === "string") fields[f] = v;
    }
    if (fields.status !== "" && !isStatus(fields.status)) fields.status = "";
    out.set(key, fields as unknown as Report);
  }
  return out;
}

export function returnedFile(rows: ReturnedRows): ReturnedFile {
  const reports = new Map<string, ReturnedReport>();
  for (const a of rows.assignments) {
    reports.set(reportKey(a.taskId, a.unit), a.rejectedStatus === undefined ? { report: a.report } : { report: a.report, rejectedStatus: a.rejectedStatus });
  }
  const baseline = parseBaseline(rows.baselineJson);
  return baseline ? { source: rows.source, reports, baseline } : { source: rows.source, reports };
}
