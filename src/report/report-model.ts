import { deadlineLabel } from "../domain/deadline";
import { ALL_UNITS, trendRows } from "../domain/history";
import { EMPTY_REPORT, reportKey } from "../domain/reports";
import { Rollup, computeRollup } from "../domain/rollup";
import { DONE, STANDING, Status } from "../domain/statuses";
import { NOT_REPORTED } from "../domain/rollup";
import { DEFAULT_VOCABULARY, KEY, Vocabulary, periodName, wordOf } from "../domain/vocabulary";
import { Role, roleOf } from "../domain/types";
import { ReportSource } from "./report-source";

/** As the CLI `report` prints rates, so the document and the terminal read the same. */
export const percent = (x: number | null): string => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

export interface RankedUnit {
  rank: number;
  unit: string;
  tasks: number;
  leads: number;
  done: number;
  standing: number;
  rate: number | null;
  overdue: number;
  notReported: number;
}

export interface OverdueTask {
  id: number;
  text: string;
  deadline: string;
  status: Status;
  lead: string;
  supporting: string[];
}

export interface SilentUnit {
  unit: string;
  notReported: number;
  tasks: number;
}

export interface UnitEntry {
  unit: string;
  role: Role;
  status: Status | "";
  progress: string;
  problems: string;
  nextSteps: string;
}

export interface TaskProgress {
  id: number;
  /** Group heading of the published list the task falls under, if any. */
  section?: string;
  text: string;
  deadline: string;
  status: Status;
  overdue: boolean;
  /** Lead unit first, then the supporting units in published order. */
  entries: UnitEntry[];
}

export interface ProgressReport {
  title: string;
  listName: string;
  /** Reporting period named from the date, e.g. 2026年11月. */
  period: string;
  /** ISO date the figures are computed for (overdue is judged against it). */
  date: string;
  /** The date as written in the text, e.g. 2026年11月30日. */
  dateText: string;
  rollup: Rollup;
  overview: string;
  ranking: RankedUnit[];
  overdue: OverdueTask[];
  silent: SilentUnit[];
  tasks: TaskProgress[];
  /** Completion by unit in ranking order; null rate = only standing tasks. */
  chart: Array<{ unit: string; rate: number | null }>;
  /** Overall assignment rate of archived periods, oldest first (empty until a period is archived). */
  trend: Array<{ period: string; rate: number | null }>;
  /** The tracker's words: statuses above are keys, shown through it. */
  vocabulary: Vocabulary;
}

const dateText = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** Rates high to low; a unit with only standing tasks has no rate and goes last; ties keep the tracker's unit order. */
function rank(rollup: Rollup): RankedUnit[] {
  const sorted = rollup.units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (b.u.rate ?? -1) - (a.u.rate ?? -1) || a.u.overdue - b.u.overdue || a.i - b.i)
    .map(({ u }) => u);
  let previous: number | null | undefined;
  let place = 0;
  return sorted.map((u, i) => {
    if (u.rate !== previous) place = i + 1;
    previous = u.rate;
    return {
      rank: place,
      unit: u.unit,
      tasks: u.tasks,
      leads: u.leads,
      done: u.counts[DONE],
      standing: u.counts[STANDING],
      rate: u.rate,
      overdue: u.overdue,
      notReported: u.counts[NOT_REPORTED],
    };
  });
}

function overviewText(r: Rollup, date: string, silent: SilentUnit[], v: Vocabulary): string {
  const o = r.overall;
  const done = wordOf(v, KEY.done);
  const fully = silent.filter((s) => s.notReported === s.tasks).length;
  return (
    `截至${dateText(date)}，清单共有任务${o.tasks}项，${done}${o.tasksDone}项，${wordOf(v, KEY.standing)}${o.tasksStanding}项，任务完成率${percent(o.taskRate)}；` +
    `涉及${r.units.length}个责任单位、责任分工${o.assignments}项，${done}${o.assignmentsDone}项，分工完成率${percent(o.assignmentRate)}。` +
    `逾期任务${o.overdueTasks}项，逾期分工${o.overdueAssignments}项，即将到期任务${o.dueSoonTasks}项。` +
    `${silent.length}个单位尚有未填报事项（其中${fully}个单位全部未填报），未填报分工${r.units.reduce((n, u) => n + u.counts[NOT_REPORTED], 0)}项。`
  );
}

/** The whole report as data: every figure comes from computeRollup, the same code as 汇总 and the CLI. */
export function buildProgressReport(source: ReportSource, date: string): ProgressReport {
  const { list, reports } = source;
  const rollup = computeRollup(list, reports, date);
  const statusOf = new Map(rollup.tasks.map((t) => [t.id, t]));
  const silent = rollup.units.filter((u) => u.counts[NOT_REPORTED] > 0).map((u) => ({ unit: u.unit, notReported: u.counts[NOT_REPORTED], tasks: u.tasks }));
  const ranking = rank(rollup);
  const tasks: TaskProgress[] = list.tasks.map((task) => {
    const t = statusOf.get(task.id)!;
    return {
      id: task.id,
      section: task.section,
      text: task.text,
      deadline: deadlineLabel(task.deadline),
      status: t.status,
      overdue: t.overdue,
      entries: task.units.map((unit) => {
        const r = reports.get(reportKey(task.id, unit)) ?? EMPTY_REPORT;
        return { unit, role: roleOf(task, unit), status: r.status, progress: r.progress, problems: r.problems, nextSteps: r.nextSteps };
      }),
    };
  });
  const trend = trendRows(source.history.filter((row) => row[2] === ALL_UNITS)).map(([period, rate]) => ({
    period,
    rate: typeof rate === "number" ? rate : null,
  }));
  const vocabulary = source.vocabulary ?? DEFAULT_VOCABULARY;
  const period = periodName(date, vocabulary.cadence);
  return {
    title: `${list.name}进展情况通报`,
    listName: list.name,
    period,
    date,
    dateText: dateText(date),
    rollup,
    overview: overviewText(rollup, date, silent, vocabulary),
    ranking,
    overdue: tasks
      .filter((t) => t.overdue)
      .map((t) => ({ id: t.id, text: t.text, deadline: t.deadline, status: t.status, lead: t.entries[0]?.unit ?? "", supporting: t.entries.slice(1).map((e) => e.unit) })),
    silent,
    tasks,
    chart: ranking.map((u) => ({ unit: u.unit, rate: u.rate })),
    trend,
    vocabulary,
  };
}
