import { styleAt as sheetStyleAt } from "../support/style-at";
/**
 * How a unit sheet marks what matters when it is opened or printed: the 逾期 flag turns red
 * by looking at the 时限预警 column itself, and the table's borders, wrapping and top
 * alignment cover exactly the table (found by its header row), not a column beside it.
 * Mutation testing showed these were unpinned.
 */
import { SheetBlueprint, StyleSpec } from "../../src/blueprint";
import { columnLetter, parseRange } from "../../src/blueprint/a1";
import { COLORS, OVERDUE_MARK, UNIT_FIRST_ROW, UNIT_HEADER_ROW } from "../../src/blueprint/layout";
import { unitLastRow, unitSheet } from "../../src/blueprint/unit-sheet";
import { parseTaskList } from "../../src/domain";

const LIST = parseTaskList(["序号\t政策内容\t责任部门\t完成时限", "1\t于2026年6月1日前完成甲项\t甲、乙", "2\t完善制度\t甲\t长期坚持"].join("\n"));

let sheet: SheetBlueprint;
beforeEach(() => {
  sheet = unitSheet("甲", "甲表", LIST.tasks, new Map(), undefined, 10);
});

const headers = () => sheet.cells[UNIT_HEADER_ROW - 1];
const styleAt = (rowNo: number, col: number): StyleSpec => sheetStyleAt(sheet, rowNo, col);

describe("unit sheet marks", () => {
  it("turns a row's 逾期 red by reading its own 时限预警 cell", () => {
    const warn = headers().indexOf("时限预警");
    expect(warn).toBeGreaterThan(0);
    const rules = sheet.conditionalFormats.filter((c) => c.formula.endsWith(`="${OVERDUE_MARK}"`) && c.fill === COLORS.late);
    expect(rules.map((c) => [parseRange(c.range).left, c.formula])).toEqual([[warn, `$${columnLetter(warn)}${UNIT_FIRST_ROW}="${OVERDUE_MARK}"`]]);
  });

  it("borders, wraps and top-aligns every cell of the table and nothing to its right", () => {
    const width = headers().filter((h) => h !== null && h !== "").length;
    const last = unitLastRow(LIST.tasks.filter((t) => t.units.includes("甲")).length);
    for (let row = UNIT_FIRST_ROW; row <= last; row++) {
      for (let col = 0; col < width; col++) expect([row, col, styleAt(row, col)]).toEqual([row, col, expect.objectContaining({ border: true, wrap: true, vAlign: "top" })]);
      expect([row, width, styleAt(row, width).border]).toEqual([row, width, undefined]);
    }
  });
});
