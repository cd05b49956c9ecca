import { NOT_REPORTED, Rollup } from "./rollup";
import { DONE, IN_PROGRESS, LATE, NOT_STARTED, STANDING } from "./statuses";

/** Headers of 历次汇总 as keys; the sheet shows the tracker's own words (historyHeaders). */
export const HISTORY_COLUMNS = ["期间", "归档时间", "单位", "任务数", DONE, IN_PROGRESS, LATE, NOT_STARTED, STANDING, NOT_REPORTED, "逾期", "完成率"] as const;
export const ALL_UNITS = "(全部)";
/** How many periods the trend shows. */
export const TREND_PERIODS = 12;

export type HistoryRow = Array<string | number>;

/** Figures of one unit (or of all units) at archive time. */
export interface PeriodFigures {
  tasks: number;
  done: number;
  inProgress: number;
  late: number;
  notStarted: number;
  standing: number;
  notReported: number;
  overdue: number;
  rate: number | null;
}

export interface PeriodSnapshot {
  overall: PeriodFigures;
  units: Array<{ unit: string } & PeriodFigures>;
}

const row = (period: string, stamp: string, unit: string, f: PeriodFigures): HistoryRow => [
  period,
  stamp,
  unit,
  f.tasks,
  f.done,
  f.inProgress,
  f.late,
  f.notStarted,
  f.standing,
  f.notReported,
  f.overdue,
  f.rate ?? "",
];

export function snapshotRows(period: string, stamp: string, snapshot: PeriodSnapshot): HistoryRow[] {
  return [row(period, stamp, ALL_UNITS, snapshot.overall), ...snapshot.units.map((u) => row(period, stamp, u.unit, u))];
}

/** Archiving a period again replaces its rows where they were; a new period goes last. */
export function upsertPeriod(existing: readonly HistoryRow[], rows: readonly HistoryRow[]): HistoryRow[] {
  const period = String(rows[0]?.[0] ?? "");
  const at = existing.findIndex((r) => String(r[0]) === period);
  const others = existing.filter((r) => String(r[0]) !== period);
  if (at < 0) return [...others, ...rows];
  // at is the period's first row, so nothing before it belongs to the period.
  const before = existing.slice(0, at);
  return [...before, ...rows, ...others.slice(before.length)];
}

/** Overall rate per period, oldest first, the last TREND_PERIODS periods. */
export function trendRows(history: readonly HistoryRow[]): Array<[string, number | string, number | string]> {
  const overall = history.filter((r) => r[2] === ALL_UNITS);
  return overall.slice(-TREND_PERIODS).map((r) => [String(r[0]), r[11], r[10]]);
}

const COUNTED = ["tasks", "done", "inProgress", "late", "notStarted", "standing", "notReported", "overdue"] as const;

/** A snapshot whose overall counts are the units' sums (assignment level) and whose rate is given. */
export function snapshotOf(units: PeriodSnapshot["units"], overallRate: number | null): PeriodSnapshot {
  const overall = Object.fromEntries(COUNTED.map((k) => [k, units.reduce((n, u) => n + u[k], 0)])) as Omit<PeriodFigures, "rate">;
  return { overall: { ...overall, rate: overallRate }, units };
}

export function snapshotFromRollup(r: Rollup): PeriodSnapshot {
  const figures = (u: Rollup["units"][number]): PeriodFigures => ({
    tasks: u.tasks,
    done: u.counts[DONE],
    inProgress: u.counts[IN_PROGRESS],
    late: u.counts[LATE],
    notStarted: u.counts[NOT_STARTED],
    standing: u.counts[STANDING],
    notReported: u.counts[NOT_REPORTED],
    overdue: u.overdue,
    rate: u.rate,
  });
  return snapshotOf(r.units.map((u) => ({ unit: u.unit, ...figures(u) })), r.overall.assignmentRate);
}

/**
 * History travels in the tracker's metadata (read with everything else in one request).
 * Damaged history is an error, not an empty history: archiving over it would lose it.
 */
export function parseHistory(json: string | undefined): HistoryRow[] | undefined {
  if (!json) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`跟踪表元数据中的“历次汇总”已损坏（${(e as Error).message}），为免丢失历史，未作修改。请使用备份或联系维护人员。`);
  }
  if (!Array.isArray(data)) throw new Error("跟踪表元数据中的“历次汇总”格式不对，为免丢失历史，未作修改。");
  // A row that cannot be read is damage, not noise: dropping it would lose it at the next archive.
  const bad = data.findIndex((r) => !Array.isArray(r) || r.some((cell) => typeof cell !== "string" && typeof cell !== "number"));
  if (bad >= 0) {
    throw new Error(`跟踪表元数据中的“历次汇总”第 ${bad + 1} 条不是有效的汇总行，为免丢失历史，未作修改。请使用备份或联系维护人员。`);
  }
  return data as HistoryRow[];
}
