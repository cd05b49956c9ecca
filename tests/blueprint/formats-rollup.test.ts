/**
 * What the coordinator sees besides the figures: which rows turn red or yellow, which cells
 * are percentages or dates. Conditional formats are evaluated by the formula engine on a
 * small workbook and compared with the roll-up computed from the statuses.
 */
import { SheetBlueprint, StyleSpec, buildBlueprint } from "../../src/blueprint";
import { parseRange } from "../../src/blueprint/a1";
import { COLORS, MASTER_COLUMNS, MASTER_FIRST_ROW, SHEET, SUMMARY_OVERALL_FIRST_ROW, SUMMARY_OVERALL_LABELS, SUMMARY_UNIT_COLUMNS, SUMMARY_UNIT_HEADER_ROW, UNIT_COLUMNS, UNIT_FIRST_ROW } from "../../src/blueprint/layout";
import { MASTER_HELPER_FIRST_COL } from "../../src/blueprint/master-sheet";
import { STATUSES, computeRollup, isDueSoon, isOverdue, parseTaskList, reportKey } from "../../src/domain";
import { snapshotFromRollup, snapshotRows } from "../../src/domain/history";
import { TREND_HEADER } from "../../src/blueprint/history-sheet";
import { reportWith } from "../support/fill";
import { computeBlueprint } from "./blueprint-engine";

const TODAY = "2026-06-15";
const LIST = parseTaskList(
  [
    "序号\t政策内容\t责任部门",
    "1\t于2026年6月1日前完成甲项\t甲、乙",
    "2\t于2026年6月20日前完成乙项\t甲",
    "3\t于2026年7月15日前完成丙项\t乙",
    "4\t完善制度\t甲、乙",
    "5\t于2026年6月16日前完成戊项\t乙",
  ].join("\n"),
);
const REPORTS = new Map([
  [reportKey(1, "甲"), reportWith("已完成")],
  [reportKey(2, "甲"), reportWith("推进中")],
  [reportKey(3, "乙"), reportWith("已完成")],
  [reportKey(4, "甲"), reportWith("滞后")],
  [reportKey(4, "乙"), reportWith("长期坚持")],
  [reportKey(5, "乙"), reportWith("未启动")],
]);
// Built afresh in each test (not once at load), so a mutation run sees which tests reach which code.
let bp: ReturnType<typeof buildBlueprint>;
let wb: ReturnType<typeof computeBlueprint>;
let rollup: ReturnType<typeof computeRollup>;
beforeEach(() => {
  bp = buildBlueprint(LIST, { trackerId: "t", generatedAt: "x", reports: REPORTS });
  wb = computeBlueprint(bp, TODAY);
  rollup = computeRollup(LIST, REPORTS, TODAY);
});
const sheet = (name: string) => bp.sheets.find((s) => s.name === name)!;

function inRange(range: string, row: number, col: number): boolean {
  const r = parseRange(range);
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** The fill and font colour conditional formats give a cell (the first rule that holds wins, as in Excel). */
function shownColours(s: SheetBlueprint, row: number, col: number): { fill?: string; fontColor?: string } {
  for (const rule of s.conditionalFormats) {
    if (!inRange(rule.range, row, col)) continue;
    if (wb.ruleHolds(s.name, rule, row)) return { fill: rule.fill, fontColor: rule.fontColor };
  }
  return {};
}

/** The style of one cell after every format block, later blocks overriding earlier ones. */
function styleAt(s: SheetBlueprint, row: number, col: number): StyleSpec {
  return s.formats.filter((f) => inRange(f.range, row, col)).reduce<StyleSpec>((acc, f) => ({ ...acc, ...f.style }), {});
}

describe("conditional formats, evaluated", () => {
  it("任务总表: a task's own columns are red when overdue or late, yellow when due soon; its status cell has its status colour", () => {
    const master = sheet(SHEET.master);
    const statusCol = MASTER_COLUMNS.indexOf("任务状态");
    const textCol = MASTER_COLUMNS.indexOf("政策内容");
    const got = rollup.tasks.map((t, i) => [t.id, shownColours(master, MASTER_FIRST_ROW + i, textCol).fill ?? null, shownColours(master, MASTER_FIRST_ROW + i, statusCol).fill ?? null]);
    const statusFill = { 未启动: COLORS.notStarted, 推进中: COLORS.progress, 已完成: COLORS.done, 滞后: COLORS.late, 长期坚持: COLORS.standing };
    expect(got).toEqual(
      rollup.tasks.map((t) => [t.id, t.overdue || t.status === "滞后" ? COLORS.late : t.dueSoon ? COLORS.dueSoon : null, statusFill[t.status]]),
    );
    // the case has each colour
    expect(new Set(got.map((g) => g[1]))).toEqual(new Set([COLORS.late, COLORS.dueSoon, null]));
    const warningCol = MASTER_COLUMNS.indexOf("时限预警");
    expect(shownColours(master, MASTER_FIRST_ROW, warningCol)).toEqual({ fill: COLORS.late, fontColor: COLORS.overdueFont });
    expect(shownColours(master, MASTER_FIRST_ROW + 2, warningCol)).toEqual({});
  });

  it("unit sheets: the same warning colours, per assignment", () => {
    for (const unit of LIST.units) {
      const s = bp.sheets.find((x) => x.unit === unit)!;
      const tasks = LIST.tasks.filter((t) => t.units.includes(unit));
      const got = tasks.map((t, i) => shownColours(s, UNIT_FIRST_ROW + i, UNIT_COLUMNS.indexOf("政策内容")));
      const want = tasks.map((t) => {
        const status = REPORTS.get(reportKey(t.id, unit))?.status ?? "";
        if (isOverdue(t, status, TODAY) || status === "滞后") return { fill: COLORS.late, fontColor: COLORS.lateFont };
        if (isDueSoon(t, status, TODAY, 30)) return { fill: COLORS.dueSoon, fontColor: COLORS.dueSoonFont };
        return {};
      });
      expect({ unit, got }).toEqual({ unit, got: want });
      const statusCol = UNIT_COLUMNS.indexOf("完成状态");
      tasks.forEach((t, i) => {
        const status = REPORTS.get(reportKey(t.id, unit))?.status;
        const shown = shownColours(s, UNIT_FIRST_ROW + i, statusCol);
        if (status) expect(shown.fill).toBe({ 未启动: COLORS.notStarted, 推进中: COLORS.progress, 已完成: COLORS.done, 滞后: COLORS.late, 长期坚持: COLORS.standing }[status]);
        else expect(shown).toEqual({});
      });
    }
  });

  it("汇总: 逾期, 滞后 and 即将到期 counts above zero are highlighted, zeros are not", () => {
    const summary = sheet(SHEET.summary);
    const col = (n: (typeof SUMMARY_UNIT_COLUMNS)[number]) => SUMMARY_UNIT_COLUMNS.indexOf(n);
    rollup.units.forEach((u, i) => {
      const row = SUMMARY_UNIT_HEADER_ROW + 1 + i;
      expect([u.unit, shownColours(summary, row, col("逾期")).fill ?? null]).toEqual([u.unit, u.overdue > 0 ? COLORS.late : null]);
      expect([u.unit, shownColours(summary, row, col("滞后")).fill ?? null]).toEqual([u.unit, u.counts.滞后 > 0 ? COLORS.late : null]);
      expect([u.unit, shownColours(summary, row, col("即将到期")).fill ?? null]).toEqual([u.unit, u.dueSoon > 0 ? COLORS.dueSoon : null]);
      expect(shownColours(summary, row, col("已完成"))).toEqual({});
    });
    expect(rollup.units.map((u) => [u.overdue > 0, u.dueSoon > 0, u.counts.滞后 > 0])).toEqual([
      [false, true, true],
      [true, true, false],
    ]);
  });
});

describe("number formats and emphasis", () => {
  it("汇总: the two rates and each unit's 完成率 are percentages; the date of today is a date", () => {
    const summary = sheet(SHEET.summary);
    const overallRow = (l: (typeof SUMMARY_OVERALL_LABELS)[number]) => SUMMARY_OVERALL_FIRST_ROW + SUMMARY_OVERALL_LABELS.indexOf(l);
    expect(styleAt(summary, overallRow("任务完成率"), 1).numberFormat).toBe("0.0%");
    expect(styleAt(summary, overallRow("分工完成率"), 1).numberFormat).toBe("0.0%");
    expect(styleAt(summary, overallRow("任务总数"), 1).numberFormat).toBeUndefined();
    expect(styleAt(summary, 2, 3).numberFormat).toBe("yyyy-mm-dd");
    const rateCol = SUMMARY_UNIT_COLUMNS.indexOf("完成率");
    for (let i = 0; i < LIST.units.length; i++) {
      expect(styleAt(summary, SUMMARY_UNIT_HEADER_ROW + 1 + i, rateCol)).toMatchObject({ numberFormat: "0.0%", bold: true, border: true });
      expect(styleAt(summary, SUMMARY_UNIT_HEADER_ROW + 1 + i, SUMMARY_UNIT_COLUMNS.indexOf("任务数")).numberFormat).toBeUndefined();
    }
    expect(styleAt(summary, SUMMARY_UNIT_HEADER_ROW, 0)).toMatchObject({ bold: true, fill: COLORS.header });
    expect(styleAt(summary, SUMMARY_UNIT_HEADER_ROW + 1, SUMMARY_UNIT_COLUMNS.indexOf("查看")).fontColor).toBe("#0563C1");
    expect(summary.protection.unlocked).toEqual([]);
    expect(summary.print?.titleRows).toBe(`$${SUMMARY_UNIT_HEADER_ROW}:$${SUMMARY_UNIT_HEADER_ROW}`);
  });

  it("任务总表: dates as dates, progress as a percentage, helper blocks small and grey, header frozen", () => {
    const master = sheet(SHEET.master);
    const col = (n: (typeof MASTER_COLUMNS)[number]) => MASTER_COLUMNS.indexOf(n);
    const last = MASTER_FIRST_ROW + LIST.tasks.length - 1;
    for (const row of [MASTER_FIRST_ROW, last]) {
      expect(styleAt(master, row, col("截止日期")).numberFormat).toBe("yyyy-mm-dd");
      expect(styleAt(master, row, col("完成进度")).numberFormat).toBe("0%");
      expect(styleAt(master, row, col("政策内容"))).toMatchObject({ wrap: true, border: true });
      expect(styleAt(master, row, MASTER_HELPER_FIRST_COL)).toMatchObject({ fontColor: "#808080", fontSize: 9 });
    }
    expect(styleAt(master, last + 1, col("截止日期")).numberFormat).toBeUndefined();
    expect(styleAt(master, 2, 0)).toMatchObject({ bold: true, fill: COLORS.header });
    expect(master.freeze).toEqual({ rows: 2, columns: 2 });
    expect(master.print?.titleRows).toBe("$1:$2");
    expect(master.protection.unlocked).toEqual([]);
    // value check: the helper blocks hold the positions and statuses the counts read
    expect(wb.value(SHEET.master, MASTER_FIRST_ROW, MASTER_HELPER_FIRST_COL)).toBe(1);
    const width = Math.max(...LIST.tasks.map((t) => t.units.length));
    expect(wb.value(SHEET.master, MASTER_FIRST_ROW, MASTER_HELPER_FIRST_COL + width)).toBe("已完成");
    expect(STATUSES).toContain(wb.value(SHEET.master, MASTER_FIRST_ROW + 3, MASTER_HELPER_FIRST_COL + width + 1));
  });
});

describe("汇总's frame around the figures", () => {
  let summary: SheetBlueprint;
  beforeEach(() => {
    summary = sheet(SHEET.summary);
  });

  it("names the list in its title, shows the refresh stamp and today's date", () => {
    const withStamp = buildBlueprint(LIST, { trackerId: "t", generatedAt: "2026-06-15 09:30", password: "pw" });
    const s = withStamp.sheets.find((x) => x.name === SHEET.summary)!;
    expect(String(s.cells[0][0])).toContain(LIST.name);
    expect(s.cells[1]).toContain("2026-06-15 09:30");
    expect(s.protection).toEqual({ password: "pw", unlocked: [] });
    expect(computeBlueprint(withStamp, TODAY).value(SHEET.summary, 2, 3)).toBe(46188); // 2026-06-15 as a serial date
    expect(s.print?.orientation).toBe("landscape");
    expect(s.rowHeights[1]).toBeGreaterThan(15);
  });

  it("styles: bold labels, right-aligned bold overall figures in a bordered block, a centred bordered unit table", () => {
    const overallLast = SUMMARY_OVERALL_FIRST_ROW + SUMMARY_OVERALL_LABELS.length - 1;
    expect(styleAt(summary, 1, 0)).toMatchObject({ bold: true, fontColor: COLORS.title });
    expect(styleAt(summary, 2, 0).bold).toBe(true);
    expect(styleAt(summary, 2, 2).bold).toBe(true);
    expect(styleAt(summary, 4, 0)).toMatchObject({ bold: true, fontColor: COLORS.title });
    for (const row of [SUMMARY_OVERALL_FIRST_ROW, overallLast]) {
      expect(styleAt(summary, row, 0)).toMatchObject({ border: true });
      expect(styleAt(summary, row, 1)).toMatchObject({ border: true, bold: true, hAlign: "right" });
    }
    expect(styleAt(summary, overallLast + 1, 1)).toEqual({});
    const lastUnit = SUMMARY_UNIT_HEADER_ROW + LIST.units.length;
    for (const row of [SUMMARY_UNIT_HEADER_ROW + 1, lastUnit]) {
      expect(styleAt(summary, row, 0)).toMatchObject({ border: true });
      expect(styleAt(summary, row, 0).hAlign).toBeUndefined();
      expect(styleAt(summary, row, SUMMARY_UNIT_COLUMNS.length - 1)).toMatchObject({ border: true, hAlign: "center" });
    }
    expect(styleAt(summary, lastUnit + 1, 1)).toEqual({});
  });

  it("the trend table sits below the unit table, with its rates as percentages", () => {
    const history = snapshotRows("2026-05", "s", snapshotFromRollup(rollup));
    const withTrend = buildBlueprint(LIST, { trackerId: "t", generatedAt: "x", reports: REPORTS, history });
    const s = withTrend.sheets.find((x) => x.name === SHEET.summary)!;
    const header = s.cells.findIndex((r) => r.length === TREND_HEADER.length && r.every((c, i) => c === TREND_HEADER[i])) + 1;
    expect(header).toBeGreaterThan(SUMMARY_UNIT_HEADER_ROW + LIST.units.length + 1);
    expect(styleAt(s, header, 0)).toMatchObject({ bold: true, fill: COLORS.header });
    expect(styleAt(s, header - 1, 0)).toMatchObject({ bold: true, fontColor: COLORS.title });
    expect(styleAt(s, header + 1, 1).numberFormat).toBe("0.0%");
    expect(styleAt(s, header + 12, 1).numberFormat).toBe("0.0%");
    const engine = computeBlueprint(withTrend, TODAY);
    expect(engine.value(SHEET.summary, header + 1, 0)).toBe("2026-05");
    expect(engine.value(SHEET.summary, header + 1, 1)).toBeCloseTo(rollup.overall.assignmentRate!, 12);
    expect(engine.value(SHEET.summary, header + 2, 0)).toBe("");
    // without history there is no trend table
    expect(summary.cells.some((r) => r[0] === TREND_HEADER[0] && r[1] === TREND_HEADER[1])).toBe(false);
  });
});
