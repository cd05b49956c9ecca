import { Rollup, computeRollup } from "../domain/rollup";
import { progressReportFile } from "../report/report-file";
import { ReportSource, reportSourceFrom } from "../report/report-source";
import { ReadTracker, readTrackerFile } from "../xlsx/read-tracker";

export interface TrackerReport {
  read: ReadTracker;
  source: ReportSource;
  rollup: Rollup;
}

/** A tracker's figures on a day, counted as 汇总 counts them (the unit sheets' rows). */
export async function trackerReport(data: Uint8Array, today: string): Promise<TrackerReport> {
  const read = await readTrackerFile(data);
  const source = reportSourceFrom(read.meta, read.assignments);
  return { read, source, rollup: computeRollup(source.list, source.reports, today) };
}

/** The progress report (.docx, official layout) of a tracker on a day: same tracker and date, same bytes. */
export async function reportDocxFile(data: Uint8Array, today: string): Promise<{ fileName: string; data: Uint8Array; report: TrackerReport }> {
  const report = await trackerReport(data, today);
  const file = await progressReportFile(report.source, today);
  return { ...file, report };
}
