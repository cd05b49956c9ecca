/**
 * Export to .xlsx (ExcelJS) and recompute with LibreOffice: the workbook the add-in built in
 * the host must survive the trip with its formulas, validation, protection, names, hidden
 * sheets, frozen panes and conditional formats.
 */
import ExcelJS from "exceljs";
import { createNodeHost } from "./node-host";
import { exportXlsx } from "./xlsx/export";
import { recomputeWithLibreOffice } from "./xlsx/libreoffice";

async function buildSample(ctx: Excel.RequestContext): Promise<void> {
  const unit = ctx.workbook.worksheets.add("省教育厅");
  unit.getRange("A1:D5").values = [
    ["序号", "政策内容", "完成状态", "期限"],
    [1, "完善制度", "已完成", "2025-06-30"],
    [2, "建设基地", "推进中", "2025-12-31"],
    [3, "培训教师", "已完成", ""],
    [4, "-评估", "", ""],
  ];
  unit.getRange("C2:C5").dataValidation.rule = { list: { inCellDropDown: true, source: "已完成,推进中,滞后,未启动" } };
  unit.getRange("C2:C5").format.protection.locked = false;
  unit.getRange("A:A").format.columnWidth = 30;
  unit.freezePanes.freezeRows(1);
  const cf = unit.getRange("C2:C5").conditionalFormats.add("Custom");
  cf.custom.rule.formula = '=$C2="已完成"';
  cf.custom.format.fill.color = "#C6EFCE";
  unit.protection.protect({ allowFormatColumns: true });

  const hidden = ctx.workbook.worksheets.add("元数据");
  hidden.getRange("A1:B1").values = [["trackerId", "T-1"]];
  hidden.visibility = "Hidden";
  ctx.workbook.names.add("跟踪表编号", hidden.getRange("B1"));

  const summary = ctx.workbook.worksheets.add("汇总");
  summary.position = 0;
  summary.getRange("A1:F1").formulas = [
    [
      "=COUNTIFS('省教育厅'!$C$2:$C$5,\"已完成\")",
      "=SUMPRODUCT(('省教育厅'!$C$2:$C$5=\"推进中\")*1)",
      "=IFERROR(A1/COUNT('省教育厅'!$A$2:$A$5),0)",
      "=INDEX('省教育厅'!$B$2:$B$5,MATCH(3,'省教育厅'!$A$2:$A$5,0))",
      "=跟踪表编号",
      "=DATE(2025,12,31)-DATE(2025,1,1)",
    ],
  ];
  summary.getRange("C1").numberFormat = [["0%"]];
  summary.activate();
  await ctx.sync();
}

describe("export to .xlsx", () => {
  it("writes what LibreOffice recomputes to the host's own results", async () => {
    const host = createNodeHost({ sheets: [] });
    await host.run(buildSample);
    const hostValues = host.values("'汇总'!A1:F1");
    expect(hostValues).toEqual([[2, 1, 0.5, "培训教师", "T-1", 364]]);
    const { buffer, warnings } = await exportXlsx(host.workbook);
    expect(warnings).toEqual([]);
    const sheets = recomputeWithLibreOffice(buffer);
    expect([...sheets.keys()].sort()).toEqual(["元数据", "汇总", "省教育厅"].sort());
    expect(sheets.get("汇总")?.[0]).toEqual(["2", "1", "50%", "培训教师", "T-1", "364"]);
    expect(sheets.get("省教育厅")?.[4]).toEqual(["4", "#NAME?", "", ""]);
  });

  it("keeps validation, protection with unlocked cells, names, hidden sheets, frozen panes and formats", async () => {
    const host = createNodeHost({ sheets: [] });
    await host.run(buildSample);
    const { buffer } = await exportXlsx(host.workbook);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["汇总", "visible"],
      ["省教育厅", "visible"],
      ["元数据", "hidden"],
    ]);
    const unit = book.getWorksheet("省教育厅") as ExcelJS.Worksheet;
    expect(unit.getCell("C3").dataValidation).toMatchObject({ type: "list", formulae: ['"已完成,推进中,滞后,未启动"'] });
    expect(unit.getCell("C3").protection).toMatchObject({ locked: false });
    expect(unit.getCell("A3").protection?.locked).not.toBe(false);
    expect((unit as unknown as { sheetProtection: { sheet: boolean; formatColumns: boolean } }).sheetProtection).toMatchObject({
      sheet: true,
      formatColumns: true,
    });
    expect(unit.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(unit.getColumn(1).width).toBe(5);
    expect(unit.getCell("D2").value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(unit.getCell("D2").numFmt).toBe("yyyy-mm-dd");
    expect(unit.getCell("B5").value).toEqual({ formula: "-评估" });
    const cf = (unit as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; formulae: string[] }> }> })
      .conditionalFormattings;
    expect(cf).toEqual([expect.objectContaining({ ref: "C2:C5", rules: [expect.objectContaining({ type: "expression", formulae: ['$C2="已完成"'] })] })]);
    expect(book.definedNames.getRanges("跟踪表编号").ranges).toEqual(["'元数据'!$B$1"]);
    const summary = book.getWorksheet("汇总") as ExcelJS.Worksheet;
    expect(summary.getCell("A1").value).toEqual({ formula: "COUNTIFS('省教育厅'!$C$2:$C$5,\"已完成\")" });
    expect(summary.getCell("C1").numFmt).toBe("0%");
  });

  it("starts a host from plain data, as a test of an existing workbook would", async () => {
    const host = createNodeHost({
      seed: {
        sheets: [
          { name: "汇总", cells: [["=COUNTIF('甲'!B:B,\"已完成\")"]] },
          {
            name: "甲",
            cells: [["序号", "状态"], [1, "已完成"], [2, "滞后"]],
            unlocked: ["B2:B3"],
            validations: [{ address: "B2:B3", rule: { list: { inCellDropDown: true, source: "已完成,滞后" } } }],
            protection: { options: { allowFormatColumns: true } },
            freeze: { rows: 1 },
          },
          { name: "隐藏", cells: [["x"]], visibility: "VeryHidden" },
        ],
        names: [{ name: "状态", formula: "='甲'!$B$2:$B$3" }],
        activeSheet: "甲",
      },
    });
    const seen = await host.run(async (ctx) => {
      const summary = ctx.workbook.worksheets.getItem("汇总").getRange("A1").load("values");
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      const hidden = ctx.workbook.worksheets.getItem("隐藏").load("visibility");
      const dv = ctx.workbook.worksheets.getItem("甲").getRange("B2").dataValidation.load("type");
      const name = ctx.workbook.names.getItem("状态").getRange().load("address");
      ctx.workbook.worksheets.getItem("甲").getRange("B3").values = [["已完成"]];
      await ctx.sync();
      summary.load("values");
      await ctx.sync();
      return [summary.values[0][0], active.name, hidden.visibility, dv.type, name.address];
    });
    expect(seen).toEqual([2, "甲", "VeryHidden", "List", "甲!B2:B3"]);
    expect(host.stats.snapshot().roundTrips).toBe(2);
  });
});
