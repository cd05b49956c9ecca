import { readFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { buildBlueprint } from "../../src/blueprint/build-blueprint";
import { UNIT_COLUMNS } from "../../src/blueprint/layout";
import { applyUnitOverrides } from "../../src/domain/unit-overrides";
import { importText } from "../../src/import/import-list";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { CORPUS_DIR } from "../fixtures/task-lists/corpus";

const SIX_COLUMNS = readFileSync(path.join(CORPUS_DIR, "table-sections-six-columns.txt"), "utf8");
const options = { trackerId: "info-1", generatedAt: "2024-01-01 00:00" };

describe("a list's extra columns on the unit sheets", () => {
  it("follow the fixed columns, read-only, with each task's value", async () => {
    const list = importText(SIX_COLUMNS);
    const bp = buildBlueprint(list, options);
    const sheet = bp.sheets.find((s) => s.unit === "省教育厅(教师处)")!;
    expect(sheet.cells[1]).toEqual([...UNIT_COLUMNS, "所属部分", "牵头领导", "备注"]);
    expect(sheet.cells[2].slice(UNIT_COLUMNS.length)).toEqual(["二、加强教师队伍建设", "王副厅长", "资金由省财政安排"]);
    expect(sheet.cells[3].slice(UNIT_COLUMNS.length)).toEqual(["二、加强教师队伍建设", "王副厅长", null]);
    // Only the report columns are unlocked; the extra ones are not among them.
    expect(sheet.protection.unlocked).toEqual(["G3:M4"]);
    const master = bp.sheets.find((s) => s.role === "master")!;
    expect(master.cells[2][master.cells[1].indexOf("所属部分")]).toBe("一、深化职业教育改革 / (一)完善现代职业教育体系");

    // Written and read back, the tracker still reads every assignment by its headers.
    const data = await writeXlsxBuffer(bp);
    const read = await readTrackerFile(data);
    expect(read.assignments).toHaveLength(list.tasks.reduce((n, t) => n + t.units.length, 0));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(bp.sheets.indexOf(sheet) + 1)!;
    expect(ws.getCell(2, UNIT_COLUMNS.length + 2).value).toBe("牵头领导");
    expect(ws.getCell(3, UNIT_COLUMNS.length + 3).value).toBe("资金由省财政安排");
  });

  it("a list column named like a fixed column is marked as the list's", () => {
    const list = importText("序号\t政策内容\t责任部门\t存在问题\n1\t任务\t省教育厅\t资金不足\n");
    const sheet = buildBlueprint(list, options).sheets.find((s) => s.unit === "省教育厅")!;
    expect(sheet.cells[1].slice(UNIT_COLUMNS.length)).toEqual(["存在问题（清单）"]);
    expect(sheet.cells[2].slice(UNIT_COLUMNS.length)).toEqual(["资金不足"]);
  });

  it("a unit sheet without extra information keeps exactly the fixed columns", () => {
    const list = importText("序号\t政策内容\t责任部门\n1\t任务\t省教育厅\n");
    expect(buildBlueprint(list, options).sheets.find((s) => s.unit === "省教育厅")!.cells[1]).toEqual([...UNIT_COLUMNS]);
  });

  it("deadline wording with no date (长期坚持) is shown in 完成时限 instead of 未明确", () => {
    const list = importText("序号\t政策内容\t责任单位\t完成时限\n1\t任务\t省教育厅\t长期坚持\n");
    const sheet = buildBlueprint(list, options).sheets.find((s) => s.unit === "省教育厅")!;
    expect(sheet.cells[2][UNIT_COLUMNS.indexOf("完成时限")]).toBe("长期坚持");
    expect(sheet.cells[1]).toEqual([...UNIT_COLUMNS]);
  });
});

describe("no unit name with unbalanced brackets reaches a sheet", () => {
  it("whether it comes from the list or from a rename in the pane", () => {
    const flagged = importText("序号\t政策内容\t责任部门\n1\t任务\t省教育厅、省财政厅(预算处\n");
    expect(flagged.flagged?.map((f) => [f.unit, f.line])).toEqual([["省财政厅(预算处", 2]]);
    expect(() => buildBlueprint(flagged, options)).toThrow("“省财政厅(预算处”（括号不成对");
    const fine = importText("序号\t政策内容\t责任部门\n1\t任务\t各市、县（市、区）人民政府\n");
    expect(() => buildBlueprint(applyUnitOverrides(fine, { "各市、县（市、区）人民政府": "县（市" }), options)).toThrow("括号不成对");
    expect(() => buildBlueprint(fine, options)).not.toThrow();
  });
});
