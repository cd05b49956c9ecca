import { styleAt as sheetStyleAt } from "../support/style-at";
/**
 * What the coordinator finds on 任务总表 besides the computed figures (those are checked by
 * the formula engine in formula-rollup.test.ts): the title's count, each task's fixed cells,
 * the helper blocks sized to the widest task, formats, protection and print settings.
 */
import { SheetBlueprint, StyleSpec, buildBlueprint, isFormula } from "../../src/blueprint";
import { COLORS, MASTER_COLUMNS, MASTER_FIRST_ROW, SHEET } from "../../src/blueprint/layout";
import { MASTER_HELPER_FIRST_COL, masterHelperColumns, masterLastRow } from "../../src/blueprint/master-sheet";
import { parseTaskList } from "../../src/domain";

const LIST = parseTaskList(
  [
    "序号\t政策内容\t责任部门\t完成时限",
    "一、第一部分",
    "1\t于2026年6月1日前完成甲项\t甲、乙、丙\t",
    "2\t完善制度\t乙、甲\t长期坚持",
    "3\t每年评估\t甲\t",
  ].join("\n"),
);
let master: SheetBlueprint;
beforeEach(() => {
  master = buildBlueprint(LIST, { trackerId: "t", generatedAt: "x", password: "pw", warningDays: 12 }).sheets.find((s) => s.name === SHEET.master)!;
});
const col = (name: (typeof MASTER_COLUMNS)[number]) => MASTER_COLUMNS.indexOf(name);
const row = (i: number) => master.cells[MASTER_FIRST_ROW - 1 + i];
const styleAt = (rowNo: number, col: number): StyleSpec => sheetStyleAt(master, rowNo, col);

describe("任务总表: fixed cells", () => {
  it("the title names the list and counts its tasks", () => {
    expect(master.cells[0]).toEqual([`${LIST.name} — 任务总表（共 3 项）`]);
    expect(master.tabColor).toBe(COLORS.masterTab);
  });

  it("each task: lead, the other units, deadline words and date, unit count, part of the plan", () => {
    const fixed = (i: number) => [col("序号"), col("牵头单位"), col("配合单位"), col("完成时限"), col("截止日期"), col("责任单位数"), col("所属部分")].map((c) => row(i)[c]);
    expect([0, 1, 2].map(fixed)).toEqual([
      [1, "甲", "乙、丙", "于2026年6月1日前", 46174, 3, "一、第一部分"],
      [2, "乙", "甲", "长期坚持", null, 2, "一、第一部分"],
      [3, "甲", "", "每年（每年）", null, 1, "一、第一部分"],
    ]);
    const plain = buildBlueprint(parseTaskList("序号\t政策内容\t责任部门\n1\t完善制度\t甲"), { trackerId: "t", generatedAt: "x" });
    expect(plain.sheets.find((s) => s.name === SHEET.master)!.cells[MASTER_FIRST_ROW - 1][col("所属部分")]).toBeNull();
  });

  it("the warning formula uses the tracker's warning days", () => {
    const cell = row(0)[col("时限预警")];
    expect(isFormula(cell) && cell.f).toContain("<=12");
  });
});

describe("任务总表: helper blocks", () => {
  it("one position and one status cell per unit of the widest task, after an empty column; shorter tasks are padded", () => {
    expect(masterHelperColumns(LIST.tasks)).toMatchObject({ width: 3 });
    expect(master.cells[1].slice(MASTER_COLUMNS.length)).toEqual([null, "单位1行", "单位2行", "单位3行", "单位1状态", "单位2状态", "单位3状态"]);
    const kinds = (i: number) => row(i).slice(MASTER_HELPER_FIRST_COL).map((c) => (isFormula(c) ? (c.f.startsWith("IFERROR(MATCH") ? "pos" : "status") : c));
    expect(kinds(0)).toEqual(["pos", "pos", "pos", "status", "status", "status"]);
    expect(kinds(1)).toEqual(["pos", "pos", null, "status", "status", null]);
    expect(kinds(2)).toEqual(["pos", null, null, "status", null, null]);
    expect(row(0)[MASTER_COLUMNS.length]).toBeNull();
    // the status cell reads the position cell of its own unit
    const status = row(1)[MASTER_HELPER_FIRST_COL + 3 + 1];
    expect(isFormula(status) && status.f).toMatch(/^IF\(ISNUMBER\(\$R4\),INDEX\('甲'!\$G\$3:\$G\$\d+,\$R4\)&"",""\)$/);
    expect(masterHelperColumns([])).toMatchObject({ width: 1 });
  });

  it("helper columns are narrow, small and grey; the spacer narrower still", () => {
    expect(master.columnWidths.slice(MASTER_COLUMNS.length)).toEqual([2, 7, 7, 7, 8, 8, 8]);
    expect(styleAt(2, MASTER_HELPER_FIRST_COL)).toMatchObject({ fontColor: "#808080", fontSize: 9 });
    expect(styleAt(MASTER_FIRST_ROW + 2, MASTER_HELPER_FIRST_COL + 5)).toMatchObject({ fontColor: "#808080", fontSize: 9 });
    expect(styleAt(MASTER_FIRST_ROW + 3, MASTER_HELPER_FIRST_COL)).toEqual({});
    expect(styleAt(MASTER_FIRST_ROW, MASTER_HELPER_FIRST_COL + 6)).toEqual({});
  });
});

describe("任务总表: formats, protection, print", () => {
  it("counts centred, the whole table framed and wrapped, header and title rows taller", () => {
    for (const name of ["责任单位数", "已完成单位数", "推进中单位数", "长期坚持单位数"] as const) expect(styleAt(MASTER_FIRST_ROW, col(name)).hAlign).toBe("center");
    expect(styleAt(MASTER_FIRST_ROW, col("截止日期")).hAlign).toBeUndefined();
    expect(styleAt(MASTER_FIRST_ROW + 2, col("所属部分"))).toMatchObject({ wrap: true, vAlign: "top", border: true });
    expect(styleAt(1, 0)).toMatchObject({ bold: true, fontSize: 14 });
    expect(master.rowHeights).toEqual({ 1: 24, 2: 30 });
  });

  it("locked throughout with the tracker's password; prints landscape repeating title and header", () => {
    expect(master.protection).toEqual({ password: "pw", unlocked: [] });
    expect(master.print).toEqual({ orientation: "landscape", titleRows: "$1:$2" });
  });

  it("the last row follows the task count, one row at least", () => {
    expect(masterLastRow(0)).toBe(MASTER_FIRST_ROW);
    expect(masterLastRow(3)).toBe(MASTER_FIRST_ROW + 2);
  });
});
