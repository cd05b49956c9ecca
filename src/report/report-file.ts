import { buildProgressReport } from "./report-model";
import { ReportSource } from "./report-source";
import { renderReportDocx } from "./render-docx";

/** A name Windows, macOS and WPS all accept: the list name without path or reserved characters. */
export function reportFileName(listName: string, date: string): string {
  const safe = listName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "").trim() || "任务清单";
  return `${safe}进展情况通报-${date}.docx`;
}

/** The report as a file: same source and date, same name and bytes, in the CLI and in the pane. */
export async function progressReportFile(source: ReportSource, date: string): Promise<{ fileName: string; data: Uint8Array }> {
  return { fileName: reportFileName(source.list.name, date), data: await renderReportDocx(buildProgressReport(source, date)) };
}
