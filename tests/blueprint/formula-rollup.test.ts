/**
 * The roll-up formulas of 汇总, 任务总表 and the unit sheets, computed by a formula engine on
 * small workbooks and compared with the roll-up computed from the statuses alone
 * (src/domain/rollup.ts). Figures only: titles and labels are not asserted here.
 */
import { buildBlueprint } from "../../src/blueprint";
import {
  MASTER_COLUMNS,
  MASTER_FIRST_ROW,
  SHEET,
  SUMMARY_OVERALL_FIRST_ROW,
  SUMMARY_OVERALL_LABELS,
  SUMMARY_UNIT_COLUMNS,
  SUMMARY_UNIT_HEADER_ROW,
  UNIT_COLUMNS,
  UNIT_FIRST_ROW,
} from "../../src/blueprint/layout";
import { summaryTrendHeaderRow } from "../../src/blueprint/summary-sheet";
import { Report, Reports, STATUSES, Status, TaskList, computeRollup, isDueSoon, isOverdue, parseTaskList, reportKey } from "../../src/domain";
import { snapshotFromRollup, snapshotRows, trendRows } from "../../src/domain/history";
import { reportWith, sampleStatuses } from "../support/fill";
import { seedText } from "../support/seed";
import { ComputedWorkbook, EngineValue, computeBlueprint } from "./blueprint-engine";

const TODAY = "2026-06-15";
const LIST = parseTaskList(
  [
    "序号\t政策内容\t责任部门",
    "1\t于2026年6月1日前完成甲项\t甲、乙",
    "2\t于2026年6月15日前完成乙项\t甲",
    "3\t于2026年7月15日前完成丙项\t乙、丙",
    "4\t于2026年7月16日前完成丁项\t甲、丙",
    "5\t每年开展评估\t丁",
    "6\t完善制度\t甲、乙、丙",
    "7\t长期坚持的任务\t丁",
    "8\t于2026年6月20日前完成戊项\t丙、甲",
    "9\t于2026年5月1日前完成己项\t乙、丙",
  ].join("\n"),
);
const STATUSES_OF: Array<[number, string, Status]> = [
  [1, "甲", "已完成"],
  [1, "乙", "推进中"],
  [2, "甲", "滞后"],
  [3, "乙", "已完成"],
  [3, "丙", "已完成"],
  [4, "甲", "长期坚持"],
  [5, "丁", "长期坚持"],
  [6, "甲", "已完成"],
  [6, "乙", "长期坚持"],
  [6, "丙", "已完成"],
  [7, "丁", "长期坚持"],
  [8, "丙", "未启动"],
  [9, "乙", "已完成"],
  [9, "丙", "长期坚持"],
];
const reportsOf = (entries: Array<[number, string, Status]>): Map<string, Report> => new Map(entries.map(([id, u, s]) => [reportKey(id, u), reportWith(s)]));

const blank = (v: EngineValue) => (v === "" || v === null ? null : v);
const rate = (v: EngineValue) => (blank(v) === null ? null : Number(v));

/** Everything the formulas show, laid out as computeRollup's result. */
function figures(wb: ComputedWorkbook, list: TaskList) {
  const overall = Object.fromEntries(SUMMARY_OVERALL_LABELS.map((l, i) => [l, wb.value(SHEET.summary, SUMMARY_OVERALL_FIRST_ROW + i, 1)]));
  const summaryCol = (name: (typeof SUMMARY_UNIT_COLUMNS)[number]) => SUMMARY_UNIT_COLUMNS.indexOf(name);
  const units = list.units.map((_, i) => {
    const at = (name: (typeof SUMMARY_UNIT_COLUMNS)[number]) => wb.value(SHEET.summary, SUMMARY_UNIT_HEADER_ROW + 1 + i, summaryCol(name));
    return {
      unit: at("责任单位"),
      tasks: at("任务数"),
      leads: at("牵头任务数"),
      counts: { 未启动: at("未启动"), 推进中: at("推进中"), 已完成: at("已完成"), 滞后: at("滞后"), 长期坚持: at("长期坚持"), 未填报: at("未填报") },
      overdue: at("逾期"),
      dueSoon: at("即将到期"),
      rate: rate(at("完成率")),
    };
  });
  const masterCol = (name: (typeof MASTER_COLUMNS)[number]) => MASTER_COLUMNS.indexOf(name);
  const tasks = list.tasks.map((_, i) => {
    const at = (name: (typeof MASTER_COLUMNS)[number]) => wb.value(SHEET.master, MASTER_FIRST_ROW + i, masterCol(name));
    return {
      id: at("序号"),
      units: at("责任单位数"),
      done: at("已完成单位数"),
      progress: at("完成进度"),
      status: at("任务状态"),
      warning: blank(at("时限预警")),
      inProgress: at("推进中单位数"),
      late: at("滞后单位数"),
      standing: at("长期坚持单位数"),
    };
  });
  return {
    overall: {
      tasks: overall.任务总数,
      tasksDone: overall.已完成任务数,
      tasksStanding: overall.长期坚持任务数,
      taskRate: rate(overall.任务完成率),
      assignments: overall.责任分工总数,
      assignmentsDone: overall.已完成分工数,
      assignmentRate: rate(overall.分工完成率),
      overdueTasks: overall.逾期任务数,
      overdueAssignments: overall.逾期分工数,
      dueSoonTasks: overall.即将到期任务数,
    },
    units,
    tasks,
  };
}

/** The same figures from the statuses alone: computeRollup, plus per-task unit counts tallied here. */
function expectedFigures(list: TaskList, reports: Reports, today: string, warningDays: number) {
  const r = computeRollup(list, reports, today, warningDays);
  const statusOf = (id: number, unit: string) => reports.get(reportKey(id, unit))?.status ?? "";
  return {
    overall: r.overall,
    units: r.units,
    tasks: r.tasks.map((t, i) => {
      const count = (s: Status) => list.tasks[i].units.filter((u) => statusOf(t.id, u) === s).length;
      return {
        id: t.id,
        units: t.units,
        done: t.done,
        progress: t.done / t.units,
        status: t.status,
        warning: t.overdue ? "逾期" : t.dueSoon ? "即将到期" : null,
        inProgress: count("推进中"),
        late: count("滞后"),
        standing: count("长期坚持"),
      };
    }),
  };
}

/** Each unit sheet's 时限预警, row by row, against the assignment's own status. */
function unitWarnings(wb: ComputedWorkbook, list: TaskList, reports: Reports, today: string, warningDays: number, sheetOf: Map<string, string>) {
  const got: string[] = [];
  const want: string[] = [];
  for (const unit of list.units) {
    const tasks = list.tasks.filter((t) => t.units.includes(unit));
    tasks.forEach((t, i) => {
      const status = reports.get(reportKey(t.id, unit))?.status ?? "";
      const row = UNIT_FIRST_ROW + i;
      got.push(`${unit}#${wb.value(sheetOf.get(unit)!, row, 0)}:${blank(wb.value(sheetOf.get(unit)!, row, UNIT_COLUMNS.indexOf("时限预警"))) ?? ""}`);
      want.push(`${unit}#${t.id}:${isOverdue(t, status, today) ? "逾期" : isDueSoon(t, status, today, warningDays) ? "即将到期" : ""}`);
    });
  }
  return { got, want };
}

function check(list: TaskList, reports: Map<string, Report>, today: string, warningDays?: number) {
  const bp = buildBlueprint(list, { trackerId: "t", generatedAt: "x", reports, ...(warningDays === undefined ? {} : { warningDays }) });
  const wb = computeBlueprint(bp, today);
  const days = warningDays ?? 30;
  expect(figures(wb, list)).toEqual(expectedFigures(list, reports, today, days));
  const sheetOf = new Map(bp.sheets.filter((s) => s.unit).map((s) => [s.unit!, s.name]));
  const { got, want } = unitWarnings(wb, list, reports, today, days, sheetOf);
  expect(got).toEqual(want);
  return { bp, wb, sheetOf };
}

describe("roll-up formulas computed on small workbooks agree with the statuses", () => {
  it("covers every task status, both sides of the warning window and a unit with standing tasks only", () => {
    const reports = reportsOf(STATUSES_OF);
    const expected = computeRollup(LIST, reports, TODAY);
    // the case is only worth its name if it has each kind of figure
    expect(new Set(expected.tasks.map((t) => t.status))).toEqual(new Set(STATUSES));
    expect(expected.units.find((u) => u.unit === "丁")!.rate).toBeNull();
    expect(expected.overall.dueSoonTasks).toBeGreaterThan(0);
    expect(expected.overall.overdueTasks).toBeGreaterThan(0);
    check(LIST, reports, TODAY);
  });

  it("nothing reported: every assignment 未填报, rates 0, warnings from the dates alone", () => {
    check(LIST, new Map(), TODAY);
  });

  it("everything standing: rates are blank (no division by zero)", () => {
    const all = new Map(LIST.tasks.flatMap((t) => t.units.map((u) => [reportKey(t.id, u), reportWith("长期坚持")] as const)));
    const { wb } = check(LIST, all, TODAY);
    expect(wb.value(SHEET.summary, SUMMARY_OVERALL_FIRST_ROW + SUMMARY_OVERALL_LABELS.indexOf("任务完成率"), 1)).toBe("");
  });

  it.each([0, 1, 5, 31, 60])("a warning window of %i days", (days) => {
    check(LIST, reportsOf(STATUSES_OF), TODAY, days);
  });

  it("on other days: the window moves with TODAY()", () => {
    for (const today of ["2026-04-30", "2026-06-01", "2026-06-02", "2026-07-16", "2026-07-17"]) check(LIST, reportsOf(STATUSES_OF), today);
  });

  it("the seed list with a spread of statuses", () => {
    const list = parseTaskList(seedText());
    const statuses = sampleStatuses(list, list.units.length);
    check(list, new Map([...statuses].map(([k, s]) => [k, reportWith(s)])), "2022-11-15", 60);
  });

  it("a status typed into a unit sheet, and rows sorted there, reach 任务总表 and 汇总 by 序号", () => {
    const reports = reportsOf(STATUSES_OF);
    const { wb, sheetOf } = check(LIST, reports, TODAY);
    const statusCol = UNIT_COLUMNS.indexOf("完成状态");
    // 甲's sheet: reverse its data rows' typed cells (序号 … 填报日期), as a sort by the recipient would
    const sheet = sheetOf.get("甲")!;
    const tasks = LIST.tasks.filter((t) => t.units.includes("甲"));
    const rows = tasks.map((_, i) => UNIT_COLUMNS.slice(0, UNIT_COLUMNS.indexOf("填报日期") + 1).map((__, c) => wb.value(sheet, UNIT_FIRST_ROW + i, c)));
    rows.reverse().forEach((cells, i) => cells.forEach((v, c) => wb.set(sheet, UNIT_FIRST_ROW + i, c, v)));
    expect(figures(wb, LIST)).toEqual(expectedFigures(LIST, reports, TODAY, 30));
    // then 乙 finishes task 1: the task is done, no longer overdue
    const row = LIST.tasks.filter((t) => t.units.includes("乙")).findIndex((t) => t.id === 1);
    wb.set(sheetOf.get("乙")!, UNIT_FIRST_ROW + row, statusCol, "已完成");
    const after = reportsOf([...STATUSES_OF.filter(([id, u]) => !(id === 1 && u === "乙")), [1, "乙", "已完成"]]);
    const got = figures(wb, LIST);
    expect(got).toEqual(expectedFigures(LIST, after, TODAY, 30));
    expect(got.tasks[0]).toMatchObject({ status: "已完成", warning: null, progress: 1 });
  });

  it("the trend table on 汇总 shows the archived periods and blanks after them", () => {
    const reports = reportsOf(STATUSES_OF);
    const first = snapshotRows("2026-05", "s", snapshotFromRollup(computeRollup(LIST, new Map(), TODAY)));
    const second = snapshotRows("2026-06", "s", snapshotFromRollup(computeRollup(LIST, reports, TODAY)));
    const history = [...first, ...second];
    const bp = buildBlueprint(LIST, { trackerId: "t", generatedAt: "x", reports, history });
    const wb = computeBlueprint(bp, TODAY);
    const header = summaryTrendHeaderRow(LIST.units.length);
    const shown = [0, 1, 2].map((i) => [0, 1, 2].map((k) => blank(wb.value(SHEET.summary, header + 1 + i, k))));
    const trend = trendRows(history);
    expect(trend).toHaveLength(2);
    expect(shown).toEqual([...trend, [null, null, null]]);
    expect(shown[1][1]).toBeCloseTo(computeRollup(LIST, reports, TODAY).overall.assignmentRate!, 12);
  });
});
