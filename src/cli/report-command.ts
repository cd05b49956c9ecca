import { readFileSync } from "fs";
import { listFromAssignments, reportsFromAssignments } from "../domain/from-assignments";
import { Rollup, computeRollup } from "../domain/rollup";
import { readTrackerFile } from "../xlsx/read-tracker";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { formatTable, percent } from "./text-table";

export interface ReportResult {
  rollup: Rollup;
  text: string;
}

export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export async function reportCommand(args: ParsedArgs): Promise<ReportResult> {
  const file = args.positional[0];
  if (!file) throw new UsageError("请指定要统计的跟踪表文件 / give the tracker file: policy-tracker report FILE.xlsx");
  const today = stringFlag(args.flags, "today") ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today 应为 YYYY-MM-DD,而不是“${today}”`);
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new UsageError(`无法读取 ${file}:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const read = await readTrackerFile(data);
  const list = listFromAssignments(read.meta.listName, read.assignments, read.meta.units.map((u) => u.unit));
  const rollup = computeRollup(list, reportsFromAssignments(read.assignments), today);
  const o = rollup.overall;
  const lines = [
    `${read.meta.listName}(跟踪表 ${read.meta.trackerId},统计日期 ${today})`,
    "",
    `任务 ${o.tasks} 项:已完成 ${o.tasksDone},长期坚持 ${o.tasksStanding},完成率 ${percent(o.taskRate)},逾期 ${o.overdueTasks}`,
    `责任分工 ${o.assignments} 项:已完成 ${o.assignmentsDone},完成率 ${percent(o.assignmentRate)},逾期 ${o.overdueAssignments}`,
    "",
    formatTable(
      ["责任单位", "任务", "牵头", "未启动", "推进中", "已完成", "滞后", "长期坚持", "未填报", "逾期", "完成率"],
      rollup.units.map((u) => [
        u.unit,
        String(u.tasks),
        String(u.leads),
        ...(["未启动", "推进中", "已完成", "滞后", "长期坚持", "未填报"] as const).map((s) => String(u.counts[s])),
        String(u.overdue),
        percent(u.rate),
      ]),
    ),
  ];
  if (read.issues.length > 0) {
    lines.push("", `注意 ${read.issues.length} 处:`, ...read.issues.map((i) => `- ${i.sheet}${i.row ? ` 第 ${i.row} 行` : ""}:${i.message}`));
  }
  return { rollup, text: lines.join("\n") };
}
