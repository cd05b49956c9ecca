import { HistoryRow, trendRows } from "../domain/history";

export interface TrendPoint {
  period: string;
  /** 分工完成率, 0–1; null when the period had no countable assignment. */
  rate: number | null;
  overdue: number | null;
  /** Change of the rate from the row before, in percentage points. */
  change: number | null;
  /** The figures as they stand now, not yet archived. */
  current: boolean;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The archived periods' completion rate and overdue assignments, oldest first (the last 12,
 * as 历次汇总's trend block), then the current figures unless the period was just archived
 * with exactly them; each with its change from the row before.
 */
export function periodTrend(history: readonly HistoryRow[], now?: { rate: number | null; overdue: number | null }): TrendPoint[] {
  const archived = trendRows(history).map(([period, rate, overdue]) => ({ period, rate: num(rate), overdue: num(overdue), current: false }));
  const last = archived.at(-1);
  const same = last && now && last.rate === now.rate && last.overdue === now.overdue;
  const rows = now && archived.length > 0 && !same ? [...archived, { period: "", ...now, current: true }] : archived;
  return rows.map((r, i) => {
    const before = i > 0 ? rows[i - 1].rate : null;
    return { ...r, change: r.rate !== null && before !== null ? Math.round((r.rate - before) * 1000) / 10 : null };
  });
}
