/**
 * How the summary's formulas reach into a unit sheet: one column, from the first data row to
 * the unit's last task, on the sheet the unit was given (quoted, absolute).
 */
import { UnitSheetRef, unitColumnRef } from "../../src/blueprint/unit-refs";

describe("a unit sheet column as other sheets' formulas see it", () => {
  const ref = (sheet: string, taskCount: number): UnitSheetRef => ({ unit: "单位", sheet, taskCount });

  it("spans from the first data row to the unit's last task, quoted and absolute", () => {
    expect(unitColumnRef(ref("省教育厅", 45), "完成状态")).toBe("'省教育厅'!$G$3:$G$47");
    expect(unitColumnRef(ref("省教育厅", 45), "序号")).toBe("'省教育厅'!$A$3:$A$47");
    expect(unitColumnRef(ref("O'Neil", 1), "时限预警")).toBe("'O''Neil'!$N$3:$N$3");
  });

  it("still spans one row for a unit without tasks (an empty range would be a broken reference)", () => {
    expect(unitColumnRef(ref("乙", 0), "完成状态")).toBe("'乙'!$G$3:$G$3");
  });
});
