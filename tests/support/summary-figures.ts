import { SUMMARY_OVERALL_LABELS, SUMMARY_UNIT_COLUMNS, SUMMARY_UNIT_HEADER_ROW } from "../../src/blueprint/layout";
import { Rollup } from "../../src/domain";
import { displayedNumber } from "./libreoffice";

/**
 * 汇总 as LibreOffice recomputed it (text of each cell) equals the roll-up computed from the
 * statuses: the overall block and, for every unit, each status count, 未填报 and 逾期.
 */
export function expectSummaryEqualsRollup(summary: string[][], expected: Rollup): void {
  const overall = Object.fromEntries(SUMMARY_OVERALL_LABELS.map((l, i) => [l, displayedNumber(summary[4 + i][1])]));
  expect(overall).toMatchObject({
    任务总数: expected.overall.tasks,
    已完成任务数: expected.overall.tasksDone,
    责任分工总数: expected.overall.assignments,
    已完成分工数: expected.overall.assignmentsDone,
    逾期任务数: expected.overall.overdueTasks,
    逾期分工数: expected.overall.overdueAssignments,
  });
  const col = (name: (typeof SUMMARY_UNIT_COLUMNS)[number]) => SUMMARY_UNIT_COLUMNS.indexOf(name);
  const columns = ["已完成", "推进中", "滞后", "长期坚持", "未启动", "未填报", "逾期"] as const;
  for (const u of expected.units) {
    const row = summary.find((r, i) => i >= SUMMARY_UNIT_HEADER_ROW && r[0] === u.unit);
    expect([u.unit, row === undefined ? "no row" : columns.map((c) => displayedNumber(row[col(c)]))]).toEqual([
      u.unit,
      [u.counts.已完成, u.counts.推进中, u.counts.滞后, u.counts.长期坚持, u.counts.未启动, u.counts.未填报, u.overdue],
    ]);
  }
}
