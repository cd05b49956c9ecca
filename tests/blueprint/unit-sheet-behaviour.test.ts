import { styleAt as sheetStyleAt } from "../support/style-at";
/**
 * What a unit's recipient finds on their sheet, built directly from a small list: the title's
 * counts, each row's cells (role, the other units, deadline words, reports as typed), the
 * list's extra columns, the status drop-down, which cells they may type in and how it prints.
 */
import { SheetBlueprint, StyleSpec, isFormula } from "../../src/blueprint";
import { COLORS, UNIT_COLUMNS, UNIT_FIRST_ROW, unitCol } from "../../src/blueprint/layout";
import { unitLastRow, unitSheet } from "../../src/blueprint/unit-sheet";
import { EMPTY_REPORT, Report, STATUSES, parseTaskList, reportKey } from "../../src/domain";

const LIST = parseTaskList(
  [
    "序号\t政策内容\t责任部门\t完成时限\t备注\t完成状态",
    "一、第一部分",
    "1\t于2026年6月1日前完成甲项\t甲、乙、丙\t\t重点\t旧",
    "2\t完善制度\t乙、甲\t长期坚持\t\t",
    "3\t每年评估\t甲\t\t\t",
  ].join("\n"),
);
const r = (fields: Partial<Report>): Report => ({ ...EMPTY_REPORT, ...fields });
const REPORTS = new Map([
  [reportKey(1, "甲"), r({ status: "推进中", progress: "已起草", nextSteps: "报批", reporter: "张三", reportDate: "2026-06-01" })],
  [reportKey(2, "甲"), r({ reportDate: "6月上旬" })],
  [reportKey(1, "乙"), r({ status: "已完成", problems: "不应出现在甲的表里" })],
]);

let sheet: SheetBlueprint;
beforeEach(() => {
  sheet = unitSheet("甲", "甲表", LIST.tasks, REPORTS, "pw", 10);
});
const row = (i: number) => sheet.cells[UNIT_FIRST_ROW - 1 + i];
const at = (i: number, name: (typeof UNIT_COLUMNS)[number]) => row(i)[unitCol(name)];
const styleAt = (rowNo: number, col: number): StyleSpec => sheetStyleAt(sheet, rowNo, col);

describe("unit sheet: title and rows", () => {
  it("the title names the unit and counts its tasks, leads and supports", () => {
    expect(sheet.cells[0]).toEqual(["甲 任务落实情况填报表（共 3 项，牵头 2 项，配合 1 项）"]);
    expect(sheet.name).toBe("甲表");
    expect(sheet.unit).toBe("甲");
    expect(sheet.tabColor).toBe(COLORS.unitTab);
  });

  it("each row shows the role, the other units, the deadline words and date", () => {
    expect([1, 2, 3].map((i) => [at(i - 1, "序号"), at(i - 1, "本单位角色"), at(i - 1, "其他责任单位")])).toEqual([
      [1, "牵头", "乙、丙"],
      [2, "配合", "乙"],
      [3, "牵头", ""],
    ]);
    // the list's own 完成时限 wording wins over the label of a deadline read from the text
    expect([0, 1, 2].map((i) => at(i, "完成时限"))).toEqual(["于2026年6月1日前", "长期坚持", "每年（每年）"]);
    expect([0, 1, 2].map((i) => at(i, "截止日期"))).toEqual([46174, null, null]);
  });

  it("carries the unit's own reports only; blanks stay empty; an ISO report date becomes a date, other wordings stay text", () => {
    expect(row(0).slice(unitCol("完成状态"), unitCol("填报日期") + 1)).toEqual(["推进中", "已起草", null, "报批", null, "张三", 46174]);
    expect(row(1).slice(unitCol("完成状态"), unitCol("填报日期") + 1)).toEqual([null, null, null, null, null, null, "6月上旬"]);
    expect(row(2).slice(unitCol("完成状态"), unitCol("填报日期") + 1)).toEqual([null, null, null, null, null, null, null]);
    const noReports = unitSheet("甲", "甲表", LIST.tasks, undefined);
    expect(noReports.cells[UNIT_FIRST_ROW - 1][unitCol("完成状态")]).toBeNull();
  });

  it("each row's 时限预警 is a formula on its own row's date and status", () => {
    for (const i of [0, 1, 2]) {
      const cell = at(i, "时限预警");
      expect(isFormula(cell) && cell.f).toContain(`ISNUMBER(F${UNIT_FIRST_ROW + i})`);
      expect(isFormula(cell) && cell.f).toContain(`G${UNIT_FIRST_ROW + i}<>"已完成"`);
      expect(isFormula(cell) && cell.f).toContain("<=10");
    }
  });
});

describe("unit sheet: the list's extra columns", () => {
  it("come after the fixed columns: the part of the plan first, then the list's columns; a fixed column's name gets （清单）", () => {
    expect(sheet.cells[1]).toEqual([...UNIT_COLUMNS, "所属部分", "备注", "完成状态（清单）"]);
    expect(row(0).slice(UNIT_COLUMNS.length)).toEqual(["一、第一部分", "重点", "旧"]);
    expect(row(1).slice(UNIT_COLUMNS.length)).toEqual(["一、第一部分", null, null]);
    expect(sheet.columnWidths.slice(UNIT_COLUMNS.length)).toEqual([18, 18, 18]);
    // title, header and body frame span the extra columns too
    expect(styleAt(1, UNIT_COLUMNS.length + 2)).toMatchObject({ bold: true });
    expect(styleAt(2, UNIT_COLUMNS.length + 2)).toMatchObject({ fill: COLORS.header });
    expect(styleAt(UNIT_FIRST_ROW + 2, UNIT_COLUMNS.length + 2)).toMatchObject({ border: true, wrap: true });
  });

  it("without sections or extra columns there are only the fixed columns", () => {
    const plain = parseTaskList("序号\t政策内容\t责任部门\n1\t完善制度\t甲");
    expect(unitSheet("甲", "甲", plain.tasks, undefined).cells[1]).toEqual([...UNIT_COLUMNS]);
  });
});

describe("unit sheet: input, drop-down, protection, print", () => {
  it("offers the statuses as a drop-down over the status column, naming them when a typed value is refused", () => {
    expect(sheet.validations).toEqual([
      {
        range: `G${UNIT_FIRST_ROW}:G${UNIT_FIRST_ROW + 2}`,
        values: [...STATUSES],
        errorTitle: "完成状态无效",
        errorMessage: `请从下拉列表中选择：${STATUSES.join("、")}。`,
        prompt: "请选择完成状态",
      },
    ]);
  });

  it("unlocks only the input columns 完成状态 … 填报日期, shaded as input; dates formatted as dates", () => {
    expect(sheet.protection).toEqual({ password: "pw", unlocked: [`G${UNIT_FIRST_ROW}:M${UNIT_FIRST_ROW + 2}`] });
    expect(styleAt(UNIT_FIRST_ROW, unitCol("完成状态")).fill).toBe(COLORS.input);
    expect(styleAt(UNIT_FIRST_ROW, unitCol("填报日期"))).toMatchObject({ fill: COLORS.input, numberFormat: "yyyy-mm-dd" });
    expect(styleAt(UNIT_FIRST_ROW, unitCol("截止日期"))).toMatchObject({ numberFormat: "yyyy-mm-dd" });
    expect(styleAt(UNIT_FIRST_ROW, unitCol("截止日期")).fill).toBeUndefined();
    expect(styleAt(UNIT_FIRST_ROW, unitCol("时限预警"))).toMatchObject({ hAlign: "center", bold: true });
    expect(styleAt(UNIT_FIRST_ROW, unitCol("序号")).hAlign).toBe("center");
    expect(styleAt(UNIT_FIRST_ROW, unitCol("本单位角色")).hAlign).toBe("center");
    expect(styleAt(UNIT_FIRST_ROW, unitCol("完成状态")).hAlign).toBe("center");
    expect(styleAt(UNIT_FIRST_ROW, unitCol("政策内容")).hAlign).toBeUndefined();
    expect(styleAt(UNIT_FIRST_ROW + 3, unitCol("完成状态"))).toEqual({});
  });

  it("freezes 序号 and 政策内容 with the header; prints landscape, two pages across, repeating them", () => {
    expect(sheet.freeze).toEqual({ rows: 2, columns: 2 });
    expect(sheet.print).toEqual({ orientation: "landscape", titleRows: "$1:$2", titleColumns: "$A:$B", pagesWide: 2 });
    expect(sheet.rowHeights).toEqual({ 1: 24, 2: 30 });
  });

  it("a unit without tasks still gets a one-row input area; the last row follows the task count", () => {
    const empty = unitSheet("甲", "甲", [], undefined);
    expect(empty.cells[0]).toEqual(["甲 任务落实情况填报表（共 0 项，牵头 0 项，配合 0 项）"]);
    expect(empty.protection.unlocked).toEqual([`G${UNIT_FIRST_ROW}:M${UNIT_FIRST_ROW}`]);
    expect(unitLastRow(0)).toBe(UNIT_FIRST_ROW);
    expect(unitLastRow(5)).toBe(UNIT_FIRST_ROW + 4);
  });

  it("refuses to build a sheet for a fragment of a unit name", () => {
    expect(() => unitSheet("县(市", "县", LIST.tasks, undefined)).toThrow("责任单位名称不完整：“县(市”");
  });
});
