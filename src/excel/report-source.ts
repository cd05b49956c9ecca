import { TrackerFileError } from "../blueprint/read-grid";
import { ReportSource, reportSourceFrom } from "../report/report-source";
import { hasTracker, loadSheetList, readTrackerContent } from "./read-state";

/**
 * What the progress report is built from, read from the open workbook: the same metadata and
 * unit-sheet rows the CLI reads from a file, turned into the list and reports by the same
 * function, so the pane and the CLI write the same bytes for the same tracker and date.
 */
export async function readReportSource(context: Excel.RequestContext): Promise<ReportSource> {
  const sheets = await loadSheetList(context);
  if (!hasTracker(sheets)) throw new TrackerFileError("当前工作簿中没有跟踪表（找不到元数据工作表），请先生成跟踪表，再生成进展报告。");
  const content = await readTrackerContent(context, sheets, []);
  if (content.meta.kind !== "master") throw new TrackerFileError("当前工作簿是单位填报副本，不是总跟踪表。请在总跟踪表中生成进展报告。");
  return reportSourceFrom(content.meta, content.assignments);
}
