import { dueDate } from "../domain/deadline";
import { Reports, reportKey } from "../domain/reports";
import { isOverdue } from "../domain/rollup";
import { Task, TaskList } from "../domain/types";

export interface PendingTask {
  task: Task;
  reason: "未填报" | "逾期";
}

/**
 * What a reminder (催报) lists for each unit: tasks it has not reported on, and tasks
 * past their deadline that it has not marked done (or standing). Units with nothing
 * pending are absent.
 */
export function pendingByUnit(list: TaskList, reports: Reports, today: string): Map<string, PendingTask[]> {
  const out = new Map<string, PendingTask[]>();
  for (const task of list.tasks) {
    for (const unit of task.units) {
      const status = reports.get(reportKey(task.id, unit))?.status ?? "";
      const reason = isOverdue(task, status, today) ? "逾期" : status === "" ? "未填报" : undefined;
      if (!reason) continue;
      if (!out.has(unit)) out.set(unit, []);
      out.get(unit)!.push({ task, reason });
    }
  }
  return out;
}

/** One line per task: 序号, reason (with the deadline when overdue) and the start of its text. */
export function pendingLines(pending: readonly PendingTask[]): string {
  return pending
    .map(({ task, reason }) => {
      const text = task.text.length > 60 ? `${task.text.slice(0, 60)}……` : task.text;
      const why = reason === "逾期" ? `逾期，截止 ${dueDate(task.deadline)}` : "未填报";
      return `  ${task.id}. 〔${why}〕${text}`;
    })
    .join("\n");
}
