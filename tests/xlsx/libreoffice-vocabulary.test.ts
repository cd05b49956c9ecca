import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { buildBlueprint } from "../../src/blueprint";
import { MASTER_COLUMNS, SHEET, SUMMARY_OVERALL_LABELS, SUMMARY_UNIT_COLUMNS, SUMMARY_UNIT_HEADER_ROW, vocabularyHeader } from "../../src/blueprint/layout";
import { COUNT_KEYS, PRESETS, Vocabulary, computeRollup, parseTaskList, vocabularyFromJson, vocabularyToMeta, wordOf } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { reportWith, sampleStatuses } from "../support/fill";
import { displayedNumber, libreOfficeAvailable, recomputeSheets } from "../support/libreoffice";
import { seedText } from "../support/seed";

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

const CUSTOM = vocabularyFromJson({
  statuses: [
    { word: "未动", meaning: "notStarted" },
    { word: "在办", meaning: "progress" },
    { word: "办完", meaning: "done", colour: "#00B050" },
    { word: "拖了", meaning: "late" },
    { word: "常抓", meaning: "standing" },
  ],
});

const CASES: Array<[string, Vocabulary]> = [...Object.entries(PRESETS), ["custom", CUSTOM]];

describe.each(CASES)("a tracker built with the %s vocabulary, filled in its words and recomputed by LibreOffice", (_id, vocabulary) => {
  it("shows on 汇总 and 任务总表 the figures computed from the statuses, under the vocabulary's headers", async () => {
    if (!libreOfficeAvailable()) return;
    const list = parseTaskList(seedText());
    const bp = buildBlueprint(list, { trackerId: "lo-vocab", generatedAt: "2026-11-28 09:00", vocabulary });
    const data = await writeXlsxBuffer(bp);
    expect((await readTrackerFile(data)).meta.extra.vocabulary).toBe(vocabulary === PRESETS.ours ? undefined : vocabularyToMeta(vocabulary));

    // A recipient picks from the dropdown: the vocabulary's word goes into 完成状态.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const sheetOfUnit = new Map(bp.sheets.filter((s) => s.unit).map((s) => [s.unit!, s.name]));
    const statuses = sampleStatuses(list, 14);
    for (const [key, status] of statuses) {
      const [id, unit] = [Number(key.slice(0, key.indexOf("|"))), key.slice(key.indexOf("|") + 1)];
      const ws = wb.getWorksheet(sheetOfUnit.get(unit)!)!;
      ws.eachRow((row) => {
        if (row.getCell(1).value === id) row.getCell(7).value = wordOf(vocabulary, status);
      });
    }
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "tracker-lo-vocab-")), "filled.xlsx");
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

    const today = localToday();
    const sheets = await recomputeSheets(file);
    const expected = computeRollup(list, new Map([...statuses].map(([k, s]) => [k, reportWith(s)])), today);
    expect(expected.overall.assignmentsDone).toBeGreaterThan(5);

    const summary = sheets.get(SHEET.summary)!;
    const o = expected.overall;
    const figures = [o.tasks, o.tasksDone, o.tasksStanding, o.taskRate, o.assignments, o.assignmentsDone, o.assignmentRate, o.overdueTasks, o.overdueAssignments, o.dueSoonTasks];
    SUMMARY_OVERALL_LABELS.forEach((label, i) => {
      const row = summary[4 + i];
      expect(row[0]).toBe(vocabularyHeader(label, vocabulary));
      expect([label, displayedNumber(row[1])]).toEqual([label, expect.closeTo(figures[i]!, 3)]);
    });

    expect(summary[SUMMARY_UNIT_HEADER_ROW - 1]).toEqual(SUMMARY_UNIT_COLUMNS.map((c) => vocabularyHeader(c, vocabulary)));
    const unitRows = summary.slice(SUMMARY_UNIT_HEADER_ROW, SUMMARY_UNIT_HEADER_ROW + list.units.length);
    const at = (row: string[], name: (typeof SUMMARY_UNIT_COLUMNS)[number]) => row[SUMMARY_UNIT_COLUMNS.indexOf(name)];
    for (const [i, u] of expected.units.entries()) {
      const row = unitRows[i];
      expect({ unit: row[0], counts: COUNT_KEYS.map((s) => displayedNumber(at(row, s))), overdue: displayedNumber(at(row, "逾期")) }).toEqual({
        unit: u.unit,
        counts: COUNT_KEYS.map((s) => u.counts[s]),
        overdue: u.overdue,
      });
      const rate = displayedNumber(at(row, "完成率"));
      if (u.rate === null) expect(rate).toBeNull();
      else expect(rate).toBeCloseTo(u.rate, 3);
    }

    const master = sheets.get(SHEET.master)!;
    expect(master[1].slice(0, MASTER_COLUMNS.length)).toEqual(MASTER_COLUMNS.map((c) => vocabularyHeader(c, vocabulary)));
    const col = (name: (typeof MASTER_COLUMNS)[number]) => MASTER_COLUMNS.indexOf(name);
    expect(
      expected.tasks.map((_t, i) => ({ id: Number(master[2 + i][0]), status: master[2 + i][col("任务状态")], overdue: master[2 + i][col("时限预警")] })),
    ).toEqual(expected.tasks.map((t) => ({ id: t.id, status: wordOf(vocabulary, t.status), overdue: t.overdue ? "逾期" : t.dueSoon ? "即将到期" : "" })));
  });
});
