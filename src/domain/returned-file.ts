import { ReturnedFile, ReturnedReport } from "./merge";
import { EMPTY_REPORT, REPORT_FIELDS, Report, reportKey } from "./reports";
import { isStatus } from "./statuses";

/** What a reader of a returned workbook provides, whatever renderer read it. */
export interface ReturnedRows {
  source: string;
  assignments: ReadonlyArray<{ taskId: number; unit: string; report: Report; rejectedStatus?: string; refused?: ReturnedReport["refused"]; row?: number }>;
  /** The baseline JSON kept in a unit copy's metadata, if any. */
  baselineJson?: string;
  /** The unit of a unit copy (it may report for no other). */
  unit?: string;
}

/** Parses a unit copy's baseline; a damaged one is an error (the caller refuses the file). */
export function parseBaseline(json: string | undefined): Map<string, Report> | undefined {
  if (!json) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`填报副本的隐藏元数据（基线）已损坏（${(e as Error).message}），无法判断哪些内容是单位修改的。请重新导出该单位的填报表。`);
  }
  if (typeof data !== "object" || data === null) throw new Error("填报副本的隐藏元数据（基线）格式不对。请重新导出该单位的填报表。");
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

const sameReport = (a: ReturnedRows["assignments"][number], b: ReturnedRows["assignments"][number]) =>
  JSON.stringify([a.report, a.rejectedStatus, a.refused]) === JSON.stringify([b.report, b.rejectedStatus, b.refused]);

/**
 * The reports of one returned file keyed by task × unit. A 序号 that appears on two rows
 * with different content is refused as a whole: which row is meant cannot be told, and
 * taking either could erase what the other holds.
 */
export function returnedFile(rows: ReturnedRows): ReturnedFile {
  const byKey = new Map<string, Array<ReturnedRows["assignments"][number]>>();
  for (const a of rows.assignments) {
    const key = reportKey(a.taskId, a.unit);
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  const reports = new Map<string, ReturnedReport>();
  for (const [key, all] of byKey) {
    const a = all[0];
    if (all.some((b) => !sameReport(a, b))) {
      const where = all.map((b) => (b.row === undefined ? "" : `第 ${b.row} 行`)).filter(Boolean).join("、");
      reports.set(key, { report: { ...EMPTY_REPORT }, refusedRow: `序号 ${a.taskId} 出现了 ${all.length} 次${where ? `（${where}）` : ""}且内容不同，无法判断以哪一行为准，该序号未合并。请删除重复的行后重新报送。` });
      continue;
    }
    reports.set(key, {
      report: a.report,
      ...(a.rejectedStatus === undefined ? {} : { rejectedStatus: a.rejectedStatus }),
      ...(a.refused === undefined ? {} : { refused: a.refused }),
    });
  }
  const baseline = parseBaseline(rows.baselineJson);
  return { source: rows.source, reports, ...(baseline ? { baseline } : {}), ...(rows.unit === undefined ? {} : { unit: rows.unit }) };
}
