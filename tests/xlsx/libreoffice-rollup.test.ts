import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { buildBlueprint } from "../../src/blueprint";
import { SHEET, SUMMARY_OVERALL_LABELS, SUMMARY_UNIT_COLUMNS, SUMMARY_UNIT_HEADER_ROW } from "../../src/blueprint/layout";
import { computeRollup, parseTaskList, reportKey } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { fillStatuses, reportWith, sampleStatuses } from "../support/fill";
import { displayedNumber, libreOfficeAvailable, recomputeSheets } from "../support/libreoffice";
import { seedText } from "../support/seed";

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

describe("the tracker written by ExcelJS, filled in and recomputed by LibreOffice", () => {
  it("shows on 汇总 and 任务总表 exactly the figures computed from the statuses", async () => {
    if (!libreOfficeAvailable()) return;
    const list = parseTaskList(seedText());
    const bp = buildBlueprint(list, { trackerId: "lo-test", generatedAt: "2026-11-28 09:00" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsxBuffer(bp)) as unknown as ArrayBuffer);
    const sheetOfUnit = new Map(bp.sheets.filter((s) => s.unit).map((s) => [s.unit!, s.name]));
    const statuses = sampleStatuses(list, 14);
    fillStatuses(wb, sheetOfUnit, statuses);
    const dir = mkdtempSync(path.join(os.tmpdir(), "tracker-lo-"));
    const file = path.join(dir, "filled.xlsx");
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

    const today = localToday();
    const sheets = await recomputeSheets(file);
    const expected = computeRollup(list, new Map([...statuses].map(([k, s]) => [k, reportWith(s)])), today);

    // Independent tally of the same statuses, so computeRollup is not the only oracle.
    const done = [...statuses.values()].filter((s) => s === "已完成").length;
    expect(expected.overall.assignmentsDone).toBe(done);
    expect(done).toBeGreaterThan(5);

    const summary = sheets.get(SHEET.summary)!;
    const overall = Object.fromEntries(SUMMARY_OVERALL_LABELS.map((l, i) => [l, displayedNumber(summary[4 + i][1])]));
    const o = expected.overall;
    expect(overall).toEqual({
      任务总数: o.tasks,
      已完成任务数: o.tasksDone,
      长期坚持任务数: o.tasksStanding,
      任务完成率: expect.closeTo(o.taskRate!, 3),
      责任分工总数: o.assignments,
      已完成分工数: o.assignmentsDone,
      分工完成率: expect.closeTo(o.assignmentRate!, 3),
      逾期任务数: o.overdueTasks,
      逾期分工数: o.overdueAssignments,
      即将到期任务数: o.dueSoonTasks,
    });

    expect(summary[SUMMARY_UNIT_HEADER_ROW - 1]).toEqual([...SUMMARY_UNIT_COLUMNS]);
    const unitRows = summary.slice(SUMMARY_UNIT_HEADER_ROW, SUMMARY_UNIT_HEADER_ROW + list.units.length);
    expect(unitRows.map((r) => r[0])).toEqual(list.units);
    const at = (row: string[], name: (typeof SUMMARY_UNIT_COLUMNS)[number]) => row[SUMMARY_UNIT_COLUMNS.indexOf(name)];
    const FIGURES = ["任务数", "牵头任务数", "未启动", "推进中", "已完成", "滞后", "长期坚持", "未填报", "逾期", "即将到期"] as const;
    for (const [i, u] of expected.units.entries()) {
      const row = unitRows[i];
      expect({ unit: u.unit, figures: FIGURES.map((f) => displayedNumber(at(row, f))) }).toEqual({
        unit: u.unit,
        figures: [u.tasks, u.leads, u.counts.未启动, u.counts.推进中, u.counts.已完成, u.counts.滞后, u.counts.长期坚持, u.counts.未填报, u.overdue, u.dueSoon],
      });
      const rate = displayedNumber(at(row, "完成率"));
      if (u.rate === null) expect(rate).toBeNull();
      else expect(rate).toBeCloseTo(u.rate, 3);
      expect(at(row, "查看")).toBe("打开");
    }

    const master = sheets.get(SHEET.master)!;
    const header = master[1];
    const col = (name: string) => header.indexOf(name);
    for (const [i, t] of expected.tasks.entries()) {
      const row = master[2 + i];
      expect({ id: Number(row[0]), done: displayedNumber(row[col("已完成单位数")]), status: row[col("任务状态")], overdue: row[col("时限预警")] }).toEqual({
        id: t.id,
        done: t.done,
        status: t.status,
        overdue: t.overdue ? "逾期" : t.dueSoon ? "即将到期" : "",
      });
    }

    // The unit sheets show what was typed, and 逾期 is computed per row.
    const edu = sheets.get("省教育厅")!;
    const eduRow26 = edu.find((r) => r[0] === "26")!;
    expect(eduRow26[6]).toBe(statuses.get(reportKey(26, "省教育厅")) ?? "");
  });
});

describe("early warning, recomputed by LibreOffice", () => {
  it("counts tasks due within the warning window and overdue ones, per unit and overall", async () => {
    if (!libreOfficeAvailable()) return;
    const today = localToday();
    const year = Number(today.slice(0, 4));
    // Year-end deadlines: this year's is at most 365 days away, so a 400-day window makes it 即将到期.
    const text = [
      "序号\t政策内容\t责任部门",
      `1\t到${year}年完成甲\t省教育厅、省财政厅`,
      `2\t到${year - 1}年完成乙\t省教育厅`,
      `3\t到${year + 5}年完成丙\t省财政厅`,
      `4\t到${year}年完成丁\t省财政厅`,
    ].join("\n");
    const list = parseTaskList(text);
    const statuses = new Map([[reportKey(4, "省财政厅"), reportWith("已完成")]]);
    const bp = buildBlueprint(list, { trackerId: "warn", generatedAt: "x", warningDays: 400, reports: statuses });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "tracker-warn-")), "warn.xlsx");
    writeFileSync(file, await writeXlsxBuffer(bp));
    const sheets = await recomputeSheets(file);
    const expected = computeRollup(list, statuses, today, 400);
    expect(expected.overall.dueSoonTasks).toBe(1);
    const summary = sheets.get(SHEET.summary)!;
    expect(displayedNumber(summary[4 + SUMMARY_OVERALL_LABELS.indexOf("即将到期任务数")][1])).toBe(1);
    expect(displayedNumber(summary[4 + SUMMARY_OVERALL_LABELS.indexOf("逾期任务数")][1])).toBe(1);
    const unitRow = (unit: string) => summary.find((r) => r[0] === unit)!;
    const dueSoonCol = SUMMARY_UNIT_COLUMNS.indexOf("即将到期");
    expect([displayedNumber(unitRow("省教育厅")[dueSoonCol]), displayedNumber(unitRow("省财政厅")[dueSoonCol])]).toEqual([
      expected.units.find((u) => u.unit === "省教育厅")!.dueSoon,
      expected.units.find((u) => u.unit === "省财政厅")!.dueSoon,
    ]);
    expect(sheets.get("省财政厅")!.slice(2).map((r) => [r[0], r[13]])).toEqual([
      ["1", "即将到期"],
      ["3", ""],
      ["4", ""],
    ]);
  });
});
