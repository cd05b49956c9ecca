import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { buildBlueprint } from "../../src/blueprint";
import { Report, STATUSES, Status, TaskList, parseTaskList, reportKey } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { seedText } from "../support/seed";

/**
 * The Jiangxi list with reports from 14 of its units: statuses spread over every value and
 * blanks (as tests/support/fill.ts spreads them), and for some rows progress, problems and
 * next steps, so every part of the report has content.
 */
export function jiangxiReports(list: TaskList): Map<string, Report> {
  const choices: Array<Status | ""> = ["", ...STATUSES];
  const out = new Map<string, Report>();
  list.units.slice(0, 14).forEach((unit, ui) => {
    for (const task of list.tasks) {
      if (!task.units.includes(unit)) continue;
      const status = choices[(ui * 7 + task.id * 3) % choices.length];
      if (!status) continue;
      const talk = (task.id + ui) % 3 === 0;
      out.set(reportKey(task.id, unit), {
        status,
        progress: talk ? `${unit}已就第${task.id}项召开专题会议并印发工作方案` : "",
        problems: talk && status === "滞后" ? "资金尚未到位" : "",
        nextSteps: talk ? "下月完成中期评估" : "",
        evidence: "",
        reporter: "",
        reportDate: "",
      });
    }
  });
  return out;
}

/** Writes the filled tracker as a file and returns its path with the list and reports it holds. */
export async function writeFilledTracker(history?: Array<Array<string | number>>): Promise<{ file: string; dir: string; list: TaskList; reports: Map<string, Report> }> {
  const list = parseTaskList(seedText());
  const reports = jiangxiReports(list);
  const bp = buildBlueprint(list, { trackerId: "report-test", generatedAt: "2026-11-28 09:00", listSource: seedText(), reports, history });
  const dir = mkdtempSync(path.join(os.tmpdir(), "tracker-report-"));
  const file = path.join(dir, "filled.xlsx");
  writeFileSync(file, await writeXlsxBuffer(bp));
  return { file, dir, list, reports };
}
