import { dueDate } from "./deadline";
import { Report, Reports, reportKey } from "./reports";
import { DONE, IN_PROGRESS, LATE, NOT_STARTED, STANDING, STATUSES, Status } from "./statuses";

export const NOT_REPORTED = "未填报";
import { Task, TaskList } from "./types";

/** Assignments per status key, and 未填报: assignments with no status entered yet. */
export type StatusCounts = { [K in Status]: number } & { [NOT_REPORTED]: number };
/** The keys of StatusCounts in column order: the statuses, then 未填报. */
export const COUNT_KEYS: ReadonlyArray<keyof StatusCounts> = [...STATUSES, NOT_REPORTED];

export interface UnitRollup {
  unit: string;
  tasks: number;
  leads: number;
  counts: StatusCounts;
  overdue: number;
  dueSoon: number;
  /** done / (tasks − standing); null when every task is a standing one. */
  rate: number | null;
}

export interface TaskRollup {
  id: number;
  units: number;
  done: number;
  status: Status;
  overdue: boolean;
  dueSoon: boolean;
}

export interface Rollup {
  units: UnitRollup[];
  tasks: TaskRollup[];
  overall: {
    tasks: number;
    tasksDone: number;
    tasksStanding: number;
    taskRate: number | null;
    assignments: number;
    assignmentsDone: number;
    assignmentRate: number | null;
    overdueTasks: number;
    overdueAssignments: number;
    dueSoonTasks: number;
  };
}

const emptyCounts = (): StatusCounts => ({ ...(Object.fromEntries(STATUSES.map((s) => [s, 0])) as { [K in Status]: number }), [NOT_REPORTED]: 0 });

const ratio = (done: number, total: number) => (total > 0 ? done / total : null);

/**
 * One task's status from its units' statuses: done when every unit is done; late as soon
 * as one unit is late; standing when the rest is done and some unit reports it as a
 * standing task; in progress once anything moved; otherwise not started.
 */
export function deriveTaskStatus(counts: StatusCounts, units: number): Status {
  if (counts[DONE] === units) return DONE;
  if (counts[LATE] > 0) return LATE;
  if (counts[STANDING] > 0 && counts[DONE] + counts[STANDING] === units) return STANDING;
  if (counts[IN_PROGRESS] > 0 || counts[DONE] > 0 || counts[STANDING] > 0) return IN_PROGRESS;
  return NOT_STARTED;
}

/** Overdue: a due date before today and not done (standing tasks have no end). */
export function isOverdue(task: Task, status: Status | "", today: string): boolean {
  const due = dueDate(task.deadline);
  return due !== undefined && due < today && status !== DONE && status !== STANDING;
}

const DAY = 86_400_000;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** Due within the warning window (today included) and not done. */
export function isDueSoon(task: Task, status: Status | "", today: string, warningDays: number): boolean {
  const due = dueDate(task.deadline);
  return due !== undefined && due >= today && daysFrom(today, due) <= warningDays && status !== DONE && status !== STANDING;
}

/** The roll-up computed from reports alone: what the 汇总 formulas must show. */
export function computeRollup(list: TaskList, reports: Reports, today: string, warningDays = 30): Rollup {
  const statusOf = (task: Task, unit: string): Status | "" => (reports.get(reportKey(task.id, unit)) as Report | undefined)?.status ?? "";
  const units = new Map<string, UnitRollup>(
    list.units.map((u) => [u, { unit: u, tasks: 0, leads: 0, counts: emptyCounts(), overdue: 0, dueSoon: 0, rate: null }]),
  );
  const tasks: TaskRollup[] = [];
  for (const task of list.tasks) {
    const counts = emptyCounts();
    task.units.forEach((unit, i) => {
      const status = statusOf(task, unit);
      const row = units.get(unit)!;
      row.tasks++;
      if (i === 0) row.leads++;
      row.counts[status === "" ? NOT_REPORTED : status]++;
      counts[status === "" ? NOT_REPORTED : status]++;
      if (isOverdue(task, status, today)) row.overdue++;
      if (isDueSoon(task, status, today, warningDays)) row.dueSoon++;
    });
    const status = deriveTaskStatus(counts, task.units.length);
    tasks.push({
      id: task.id,
      units: task.units.length,
      done: counts[DONE],
      status,
      overdue: isOverdue(task, status, today),
      dueSoon: isDueSoon(task, status, today, warningDays),
    });
  }
  const unitRows = [...units.values()].map((u) => ({ ...u, rate: ratio(u.counts[DONE], u.tasks - u.counts[STANDING]) }));
  const assignments = unitRows.reduce((s, u) => s + u.tasks, 0);
  const assignmentsDone = unitRows.reduce((s, u) => s + u.counts[DONE], 0);
  const assignmentsStanding = unitRows.reduce((s, u) => s + u.counts[STANDING], 0);
  const tasksDone = tasks.filter((t) => t.status === DONE).length;
  const tasksStanding = tasks.filter((t) => t.status === STANDING).length;
  return {
    units: unitRows,
    tasks,
    overall: {
      tasks: tasks.length,
      tasksDone,
      tasksStanding,
      taskRate: ratio(tasksDone, tasks.length - tasksStanding),
      assignments,
      assignmentsDone,
      assignmentRate: ratio(assignmentsDone, assignments - assignmentsStanding),
      overdueTasks: tasks.filter((t) => t.overdue).length,
      overdueAssignments: unitRows.reduce((s, u) => s + u.overdue, 0),
      dueSoonTasks: tasks.filter((t) => t.dueSoon).length,
    },
  };
}
