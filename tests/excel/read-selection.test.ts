import { readSelectionRows } from "../../src/excel/read-selection";
import { importRows } from "../../src/import/import-list";
import { newHost } from "../support/excel-host-helpers";

describe("a table pasted into a sheet and selected", () => {
  it("is imported with the sheet's row numbers in errors and 牵头/配合 columns understood", async () => {
    const host = newHost();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("粘贴");
      ws.getRange("B3:E6").values = [
        ["序号", "工作任务", "牵头单位", "配合单位"],
        [1, "完善标准", "省教育厅", "省财政厅"],
        [2, "建设基地", "省发展改革委", ""],
        [3, "培训教师", "省人社厅", "省教育厅"],
      ];
      ws.activate();
      ws.getRange("B3:E6").select();
      await ctx.sync();
    });
    const { rows, address } = await host.run((ctx) => readSelectionRows(ctx));
    expect(address).toBe("粘贴!B3:E6");
    expect(rows[0].line).toBe(3);
    const list = importRows(rows);
    // A unit keeps the list's spelling (issue 12): the built-in alias only suggests the long name.
    expect(list.tasks.map((t) => t.units)).toEqual([["省教育厅", "省财政厅"], ["省发展改革委"], ["省人社厅", "省教育厅"]]);
    expect(list.suggestions).toEqual([{ unit: "省人社厅", target: "省人力资源社会保障厅" }]);
  });
});
