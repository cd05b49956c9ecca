import { Report, reportKey } from "./reports";
import { Deadline, Task, TaskList } from "./types";

/** What a reader gets from one row of a unit sheet, whatever the file format. */
export interface AssignmentRow {
  taskId: number;
  unit: string;
  text: string;
  role: string;
  due?: string;
  report: Report;
}

/**
 * Rebuilds the task list a filled tracker stands for from its unit sheets alone (the
 * cached formulas of a returned file cannot be trusted): units per task with the lead
 * first, due dates, texts. Unit order follows `unitOrder` (the tracker's metadata).
 */
export function listFromAssignments(name: string, rows: readonly AssignmentRow[], unitOrder: readonly string[]): TaskList {
  const order = new Map(unitOrder.map((u, i) => [u, i]));
  const byId = new Map<number, AssignmentRow[]>();
  for (const row of rows) {
    const list = byId.get(row.taskId) ?? [];
    list.push(row);
    byId.set(row.taskId, list);
  }
  const tasks: Task[] = [...byId.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, assigned]) => {
      const units = [...assigned]
        .sort((a, b) => Number(b.role === "牵头") - Number(a.role === "牵头") || (order.get(a.unit) ?? 1e9) - (order.get(b.unit) ?? 1e9))
        .map((a) => a.unit);
      const due = assigned.find((a) => a.due)?.due;
      const deadline: Deadline = due ? { kind: "date", date: due, wording: due } : { kind: "none" };
      return { id, text: assigned[0].text, units, unitsText: units.join("、"), deadline, line: 0 };
    });
  const present = new Set(rows.map((r) => r.unit));
  return { name, tasks, units: unitOrder.filter((u) => present.has(u)) };
}

export function reportsFromAssignments(rows: readonly AssignmentRow[]): Map<string, Report> {
  return new Map(rows.map((r) => [reportKey(r.taskId, r.unit), r.report]));
}
