import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { buildBlueprint } from "../../src/blueprint";
import { SHEET, SUMMARY_OVERALL_LABELS, UNIT_COLUMNS } from "../../src/blueprint/layout";
import { computeRollup } from "../../src/domain";
import { toFullWidth } from "../../src/domain/punctuation";
import { importText } from "../../src/import/import-list";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { fillStatuses, reportWith, sampleStatuses } from "../support/fill";
import { displayedNumber, libreOfficeAvailable, recomputeSheets } from "../support/libreoffice";
import { CORPUS_DIR } from "../fixtures/task-lists/corpus";

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/**
 * A list with extra columns and full-width unit names, filled in and recomputed by
 * LibreOffice: the extra columns change no formula and the figures match the statuses.
 */
describe("an imported list with extra columns, recomputed by LibreOffice", () => {
  it("shows the figures computed from the statuses and keeps the extra columns as text", async () => {
    if (!libreOfficeAvailable()) return;
    const list = importText(toFullWidth(readFileSync(path.join(CORPUS_DIR, "table-sections-six-columns.txt"), "utf8")));
    expect(list.units).toContain("省教育厅（教师处）");
    const bp = buildBlueprint(list, { trackerId: "lo-info", generatedAt: "2024-01-01 09:00" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsxBuffer(bp)) as unknown as ArrayBuffer);
    const sheetOfUnit = new Map(bp.sheets.filter((s) => s.unit).map((s) => [s.unit!, s.name]));
    const statuses = sampleStatuses(list, list.units.length);
    fillStatuses(wb, sheetOfUnit, statuses);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "imported-lo-")), "filled.xlsx");
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

    const sheets = await recomputeSheets(file);
    const expected = computeRollup(list, new Map([...statuses].map(([k, s]) => [k, reportWith(s)])), today());
    const summary = sheets.get(SHEET.summary)!;
    const overall = Object.fromEntries(SUMMARY_OVERALL_LABELS.map((l, i) => [l, displayedNumber(summary[4 + i][1])]));
    expect(expected.overall.assignmentsDone).toBeGreaterThan(0);
    expect(overall.任务总数).toBe(5);
    expect(overall.责任分工总数).toBe(expected.overall.assignments);
    expect(overall.已完成分工数).toBe(expected.overall.assignmentsDone);
    expect(overall.已完成任务数).toBe(expected.overall.tasksDone);

    const teachers = sheets.get(sheetOfUnit.get("省教育厅（教师处）")!)!;
    expect(teachers[1].slice(UNIT_COLUMNS.length)).toEqual(["所属部分", "牵头领导", "备注"]);
    expect(teachers[2].slice(UNIT_COLUMNS.length)).toEqual(["二、加强教师队伍建设", "王副厅长", "资金由省财政安排"]);
  });
});
