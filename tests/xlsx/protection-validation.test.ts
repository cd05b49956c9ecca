import ExcelJS from "exceljs";
import { buildBlueprint, parseRange } from "../../src/blueprint";
import { UNIT_FIRST_ROW, UNIT_INPUT_FIRST, UNIT_INPUT_LAST, unitCol } from "../../src/blueprint/layout";
import { STATUSES, parseTaskList } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { seedText } from "../support/seed";

type Validations = Record<string, { type: string; formulae: string[] } | undefined>;

const covers = (range: string, row: number, col: number) => {
  const r = parseRange(range);
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
};

describe("the .xlsx tracker", () => {
  const list = parseTaskList(seedText());
  const bp = buildBlueprint(list, { trackerId: "audit", generatedAt: "2026-11-28 09:00" });
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsxBuffer(bp)) as unknown as ArrayBuffer);
  });

  it("has 汇总, 任务总表, 填报说明, one sheet per unit and the very hidden metadata", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "任务总表", "填报说明", ...list.units, "_meta"]);
    expect(wb.getWorksheet("_meta")!.state).toBe("veryHidden");
    expect(wb.views[0].activeTab).toBe(0);
  });

  it("protects every sheet and unlocks exactly the input cells of unit sheets", () => {
    let unlocked = 0;
    let audited = 0;
    for (const ws of wb.worksheets) {
      expect({ sheet: ws.name, protectedSheet: (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet }).toEqual({
        sheet: ws.name,
        protectedSheet: true,
      });
      const isUnit = list.units.includes(ws.name);
      const tasks = isUnit ? list.tasks.filter((t) => t.units.includes(ws.name)).length : 0;
      const lastRow = Math.max(ws.rowCount, UNIT_FIRST_ROW + tasks);
      for (let r = 1; r <= lastRow; r++) {
        for (let c = 1; c <= Math.max(ws.columnCount, 15); c++) {
          const cell = ws.getRow(r).getCell(c);
          const isInput = isUnit && r >= UNIT_FIRST_ROW && r < UNIT_FIRST_ROW + tasks && c - 1 >= UNIT_INPUT_FIRST && c - 1 <= UNIT_INPUT_LAST;
          const locked = cell.protection?.locked !== false;
          audited++;
          if (!locked) unlocked++;
          if (locked === isInput) throw new Error(`${ws.name}!${cell.address} locked=${locked}, input=${isInput}`);
        }
      }
    }
    expect(unlocked).toBe(list.tasks.reduce((n, t) => n + t.units.length, 0) * (UNIT_INPUT_LAST - UNIT_INPUT_FIRST + 1));
    expect(audited).toBeGreaterThan(5_000);
  });

  it("gives every status cell the dropdown of the five statuses", () => {
    const statusCol = unitCol("完成状态");
    for (const unit of list.units) {
      const ws = wb.getWorksheet(unit)!;
      const model = (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model;
      const tasks = list.tasks.filter((t) => t.units.includes(unit)).length;
      for (let r = UNIT_FIRST_ROW; r < UNIT_FIRST_ROW + tasks; r++) {
        const hit = Object.entries(model).find(([range, v]) => v && range.split(" ").some((part) => covers(part, r, statusCol)));
        expect(hit?.[1]).toMatchObject({ type: "list", formulae: [`"${STATUSES.join(",")}"`] });
      }
    }
  });
});
