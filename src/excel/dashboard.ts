import { Grid, gridText } from "../blueprint/read-grid";
import { PeriodFigures, PeriodSnapshot, snapshotOf } from "../domain/history";
import {
  SHEET,
  SUMMARY_OVERALL_FIRST_ROW,
  SUMMARY_OVERALL_LABELS,
  SUMMARY_STAMP_CELL,
  SUMMARY_UNIT_COLUMNS,
  SUMMARY_UNIT_HEADER_ROW,
} from "../blueprint/layout";

import { KEY } from "../domain/vocabulary";

/** Figures are read by position, so the tracker's own words in the headers do not matter. */
export type OverallLabel = (typeof SUMMARY_OVERALL_LABELS)[number];

/** A unit's row of 汇总: the figures a period snapshot keeps, plus tasks due soon. */
export interface UnitFigures extends PeriodFigures {
  unit: string;
  dueSoon: number;
}

export interface DashboardFigures {
  stamp: string;
  overall: Record<OverallLabel, number | null>;
  units: UnitFigures[];
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Turns the computed values of 汇总 into figures for the pane. */
export function figuresFromSummary(values: Grid): DashboardFigures {
  const overall = Object.fromEntries(
    SUMMARY_OVERALL_LABELS.map((label, i) => [label, num(values[SUMMARY_OVERALL_FIRST_ROW - 1 + i]?.[1])]),
  ) as Record<OverallLabel, number | null>;
  const col = (name: (typeof SUMMARY_UNIT_COLUMNS)[number]) => SUMMARY_UNIT_COLUMNS.indexOf(name);
  const units: UnitFigures[] = [];
  for (let r = SUMMARY_UNIT_HEADER_ROW; r < values.length; r++) {
    const row = values[r] ?? [];
    const unit = gridText(row[0]);
    if (!unit) break;
    units.push({
      unit,
      tasks: num(row[col("任务数")]) ?? 0,
      done: num(row[col(KEY.done)]) ?? 0,
      inProgress: num(row[col(KEY.progress)]) ?? 0,
      late: num(row[col(KEY.late)]) ?? 0,
      notStarted: num(row[col(KEY.notStarted)]) ?? 0,
      standing: num(row[col(KEY.standing)]) ?? 0,
      overdue: num(row[col("逾期")]) ?? 0,
      dueSoon: num(row[col("即将到期")]) ?? 0,
      notReported: num(row[col("未填报")]) ?? 0,
      rate: num(row[col("完成率")]),
    });
  }
  const stampRow = Number(SUMMARY_STAMP_CELL.slice(1)) - 1;
  return { stamp: gridText(values[stampRow]?.[1]), overall, units };
}

/** Queues the read of 汇总's computed values; the getter is valid after the next sync. */
export function queueSummaryRead(context: Excel.RequestContext): () => DashboardFigures {
  const range = context.workbook.worksheets.getItem(SHEET.summary).getUsedRange(true).load("values");
  return () => figuresFromSummary(range.values as Grid);
}

/** This period's figures as 历次汇总 keeps them. */
export function snapshotFromFigures(f: DashboardFigures): PeriodSnapshot {
  return snapshotOf(
    f.units.map(({ dueSoon: _dueSoon, ...figures }) => figures),
    f.overall.分工完成率,
  );
}
