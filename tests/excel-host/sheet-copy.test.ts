/** Worksheet.copy through the genuine client: what a copy carries, where it goes, what it is named. */
import { createNodeHost } from "./node-host";

async function sourceSheet(host: ReturnType<typeof createNodeHost>): Promise<void> {
  await host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add("单位");
    ws.getRange("A1:C2").values = [
      ["序号", "内容", "状态"],
      [1, "任务", "推进中"],
    ];
    ws.getRange("D2").formulas = [["=A2*2"]];
    ws.getRange("A:A").format.columnWidth = 30;
    ws.getRange("1:1").format.rowHeight = 24;
    const header = ws.getRange("A1:C1");
    header.format.fill.color = "#1F4E78";
    header.format.font.bold = true;
    ws.getRange("A2:C2").numberFormat = [["0", "@", "@"]];
    const status = ws.getRange("C2:C3");
    status.dataValidation.rule = { list: { inCellDropDown: true, source: "未启动,推进中" } };
    const cf = status.conditionalFormats.add("Custom");
    cf.custom.rule.formula = '=$C2="推进中"';
    cf.custom.format.fill.color = "#DDEBF7";
    status.format.protection.locked = false;
    ws.freezePanes.freezeRows(1);
    ws.tabColor = "#548235";
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.setPrintTitleRows("$1:$1");
    ws.protection.protect({ allowFormatColumns: true }, "pw");
    await ctx.sync();
  });
}

describe("Worksheet.copy", () => {
  it("carries cells, formats, widths, validation, conditional formats, freeze panes, tab colour, page setup and protection", async () => {
    const host = createNodeHost();
    await sourceSheet(host);
    const copied = await host.run(async (ctx) => {
      const copy = ctx.workbook.worksheets.getItem("单位").copy("End");
      copy.load("name");
      const used = copy.getUsedRange(true);
      used.load("address, values, formulas, numberFormat");
      const a = copy.getRange("A1:A2");
      a.load("format/columnWidth, format/rowHeight");
      const header = copy.getRange("A1");
      header.load("format/fill/color, format/font/bold");
      const rule = copy.getRange("C2").dataValidation;
      rule.load("rule");
      const cfs = copy.getRange("C2:C3").conditionalFormats;
      cfs.load("items/type");
      const locked = copy.getRange("C2").format.protection;
      locked.load("locked");
      const frozen = copy.freezePanes.getLocationOrNullObject();
      frozen.load("address");
      copy.load("tabColor");
      copy.pageLayout.load("orientation");
      const titles = copy.pageLayout.getPrintTitleRowsOrNullObject();
      titles.load("address");
      copy.protection.load("protected");
      await ctx.sync();
      return {
        name: copy.name,
        used: used.address,
        values: used.values,
        formulas: used.formulas,
        numberFormat: used.numberFormat[1],
        width: a.format.columnWidth,
        fill: header.format.fill.color,
        bold: header.format.font.bold,
        list: rule.rule.list?.source,
        cfs: cfs.items.length,
        locked: locked.locked,
        frozen: frozen.address,
        tab: copy.tabColor,
        orientation: copy.pageLayout.orientation,
        titles: titles.address,
        protected: copy.protection.protected,
      };
    });
    expect(copied).toEqual({
      name: "单位 (2)",
      used: "'单位 (2)'!A1:D2",
      values: [
        ["序号", "内容", "状态", ""],
        [1, "任务", "推进中", 2],
      ],
      formulas: [
        ["序号", "内容", "状态", ""],
        [1, "任务", "推进中", "=A2*2"],
      ],
      numberFormat: ["0", "@", "@", "General"],
      width: 30,
      fill: "#1F4E78",
      bold: true,
      list: "未启动,推进中",
      cfs: 1,
      locked: false,
      frozen: "'单位 (2)'!1:1",
      tab: "#548235",
      orientation: "Landscape",
      titles: "'单位 (2)'!1:1",
      protected: true,
    });
    expect(host.sheetNames()).toEqual(["Sheet1", "单位", "单位 (2)"]);
  });

  it("is independent of its source, places itself by positionType and numbers further copies", async () => {
    const host = createNodeHost();
    await sourceSheet(host);
    await host.run(async (ctx) => {
      const source = ctx.workbook.worksheets.getItem("单位");
      source.protection.unprotect("pw");
      const first = source.copy(); // "None": at the beginning
      const second = source.copy("After", source);
      second.name = "乙";
      source.copy("Before", ctx.workbook.worksheets.getItem("Sheet1"));
      first.protection.unprotect("pw");
      first.getRange("B2").values = [["改过"]];
      await ctx.sync();
    });
    // The second copy was renamed, so the third takes "(3)" again.
    expect(host.sheetNames()).toEqual(["单位 (2)", "单位 (3)", "Sheet1", "单位", "乙"]);
    expect(host.values("'单位'!B2")).toEqual([["任务"]]);
    expect(host.values("'单位 (2)'!B2")).toEqual([["改过"]]);
    // The copied formula is calculated on the copy.
    expect(host.values("'乙'!D2")).toEqual([[2]]);
  });

  it("needs relativeTo for Before and After", async () => {
    const host = createNodeHost();
    await sourceSheet(host);
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("单位").copy("After");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.sheetNames()).toEqual(["Sheet1", "单位"]);
  });
});
