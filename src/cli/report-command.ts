import { readFileSync, writeFileSync } from "fs";
import { Rollup } from "../domain/rollup";
import { trackerReport } from "../files/report-file";
import { todayIso as dayOf } from "../files/stamps";
import { COUNT_KEYS, NOT_REPORTED } from "../domain/rollup";
import { DONE, STANDING, STATUSES, Status } from "../domain/statuses";
import { DEFAULT_VOCABULARY, wordOf } from "../domain/vocabulary";
import { progressReportFile } from "../report/report-file";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { formatTable, percent } from "./text-table";

export interface ReportResult {
  rollup: Rollup;
  text: string;
  /** Where the progress report (.docx) was written, with --docx. */
  docx?: { file: string; bytes: number };
}

export function todayIso(): string {
  return dayOf(new Date());
}

export async function reportCommand(args: ParsedArgs): Promise<ReportResult> {
  const file = args.positional[0];
  if (!file) throw new UsageError("请指定要统计的跟踪表文件 / give the tracker file: policy-tracker report FILE.xlsx");
  // --date is the report's name for the same thing as --today.
  const dateFlag = args.flags.date !== undefined ? "date" : "today";
  const today = stringFlag(args.flags, dateFlag) ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new UsageError(`--${dateFlag} 应为 YYYY-MM-DD，而不是“${today}”`);
  const docxOut = stringFlag(args.flags, "docx");
  if (docxOut !== undefined && !/\.docx$/i.test(docxOut)) throw new UsageError(`--docx 应给出 .docx 文件路径，而不是“${docxOut}”`);
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new UsageError(`无法读取 ${file}:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { read, source, rollup } = await trackerReport(data, today);
  const o = rollup.overall;
  const vocabulary = source.vocabulary ?? DEFAULT_VOCABULARY;
  const word = (key: Status) => wordOf(vocabulary, key);
  const lines = [
    `${read.meta.listName}（跟踪表 ${read.meta.trackerId}，统计日期 ${today}）`,
    "",
    `任务 ${o.tasks} 项：${word(DONE)} ${o.tasksDone}，${word(STANDING)} ${o.tasksStanding}，完成率 ${percent(o.taskRate)}，逾期 ${o.overdueTasks}`,
    `责任分工 ${o.assignments} 项：${word(DONE)} ${o.assignmentsDone}，完成率 ${percent(o.assignmentRate)}，逾期 ${o.overdueAssignments}`,
    "",
    formatTable(
      ["责任单位", "任务", "牵头", ...STATUSES.map(word), NOT_REPORTED, "逾期", "完成率"],
      rollup.units.map((u) => [
        u.unit,
        String(u.tasks),
        String(u.leads),
        ...COUNT_KEYS.map((s) => String(u.counts[s])),
        String(u.overdue),
        percent(u.rate),
      ]),
    ),
  ];
  if (read.issues.length > 0) {
    lines.push("", `注意 ${read.issues.length} 处：`, ...read.issues.map((i) => `- ${i.sheet}${i.row ? ` 第 ${i.row} 行` : ""}：${i.message}`));
  }
  let docx: ReportResult["docx"];
  if (docxOut !== undefined) {
    const bytes = (await progressReportFile(source, today)).data;
    try {
      writeFileSync(docxOut, bytes);
    } catch (e) {
      throw new UsageError(`无法写入 ${docxOut}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}（文件是否正在 Word/WPS 中打开?）`);
    }
    docx = { file: docxOut, bytes: bytes.length };
    lines.push("", `已生成进展报告 / progress report written: ${docxOut}`);
  }
  return { rollup, text: lines.join("\n"), docx };
}
