/** Names, charts, conditional formats, page layout, document properties, application. */
import { createNodeHost } from "./node-host";
import { officeError } from "./testing";

describe("workbook features", () => {
  it("adds, finds, lists and deletes defined names", async () => {
    const host = createNodeHost({ sheets: ["元数据"] });
    const out = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("元数据");
      ws.getRange("A1").values = [["tracker-42"]];
      const names = ctx.workbook.names;
      names.add("跟踪表编号", ws.getRange("A1"), "id of this tracker");
      names.add("Version", "=3");
      names.add("Statuses", "='元数据'!$B$1:$B$5");
      const byName = names.getItem("跟踪表编号").load("name,type,value,formula,comment,visible");
      const version = names.getItem("version").load("type,value");
      const range = names.getItem("Statuses").getRange().load("address");
      names.load("items/name");
      await ctx.sync();
      const listed = names.items.map((n) => n.name);
      names.getItem("Version").delete();
      const gone = names.getItemOrNullObject("Version");
      await ctx.sync();
      return [byName.toJSON(), version.type, version.value, range.address, listed, gone.isNullObject];
    });
    expect(out).toEqual([
      { name: "跟踪表编号", type: "Range", value: "元数据!$A$1", formula: "=元数据!$A$1", comment: "id of this tracker", visible: true },
      "Integer",
      3,
      "元数据!B1:B5",
      ["跟踪表编号", "Version", "Statuses"],
      true,
    ]);
    for (const [name, code] of [
      ["跟踪表编号", "ItemAlreadyExists"],
      ["A1", "InvalidArgument"],
      ["has space", "InvalidArgument"],
      ["1abc", "InvalidArgument"],
    ] as const) {
      const err = await officeError(
        host.run(async (ctx) => {
          ctx.workbook.names.add(name, "=1");
          await ctx.sync();
        }),
      );
      expect(err.code).toBe(code);
    }
  });

  it("adds a chart from a range, titles it, positions it, finds and deletes it", async () => {
    const host = createNodeHost({ sheets: ["汇总"] });
    const out = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("汇总");
      ws.getRange("A1:B3").values = [["单位", "完成率"], ["甲", 0.5], ["乙", 0.75]];
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:B3"), "Columns");
      chart.title.text = "完成率";
      chart.name = "完成率图";
      chart.setPosition("D2", "J15");
      chart.load("name,chartType,top,left,width,height,title/text");
      await ctx.sync();
      const found = ws.charts.getItemOrNullObject("完成率图");
      const missing = ws.charts.getItemOrNullObject("nope");
      ws.charts.load("items/name");
      await ctx.sync();
      const listed = ws.charts.items.map((c) => c.name);
      found.delete();
      const count = ws.charts.getCount();
      await ctx.sync();
      const { id, ...shown } = chart.toJSON();
      expect(typeof id).toBe("string");
      return [shown, found.isNullObject, missing.isNullObject, listed, count.value];
    });
    expect(out).toEqual([
      { name: "完成率图", chartType: "ColumnClustered", top: 15, left: 144, width: 336, height: 210, title: { text: "完成率" } },
      false,
      true,
      ["完成率图"],
      0,
    ]);
  });

  it("adds Custom conditional formats with a formula and colours, lists them and clears them", async () => {
    const host = createNodeHost();
    const out = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A2:H100");
      const cf = r.conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=ISNUMBER(SEARCH("逾期",$H2))';
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.color = "#9C0006";
      const second = r.conditionalFormats.add("Custom");
      second.custom.rule.formula = "=$G2=\"已完成\"";
      const list = r.conditionalFormats.load("items/type,items/priority");
      const rule = cf.custom.rule.load("formula");
      const fill = cf.custom.format.fill.load("color");
      await ctx.sync();
      const seen = [list.items.map((i) => [i.type, i.priority]), rule.formula, fill.color];
      r.conditionalFormats.clearAll();
      const after = r.conditionalFormats.getCount();
      await ctx.sync();
      return [...seen, after.value];
    });
    expect(out).toEqual([[["Custom", 0], ["Custom", 1]], '=ISNUMBER(SEARCH("逾期",$H2))', "#FFC7CE", 0]);
    const unsupported = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").conditionalFormats.add("DataBar");
        await ctx.sync();
      }),
    );
    expect(unsupported.code).toBe("ApiNotFound");
  });

  it("sets page layout, print titles and the print area", async () => {
    const host = createNodeHost();
    const out = await host.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem("Sheet1").pageLayout;
      layout.orientation = "Landscape";
      layout.paperSize = "A4";
      layout.setPrintTitleRows("$1:$2");
      const titles = layout.getPrintTitleRowsOrNullObject().load("address");
      const area = layout.getPrintAreaOrNullObject();
      layout.load("orientation,paperSize");
      await ctx.sync();
      return [layout.orientation, layout.paperSize, titles.address, area.isNullObject];
    });
    expect(out).toEqual(["Landscape", "A4", "Sheet1!1:2", true]);
  });

  it("keeps document properties and custom properties", async () => {
    const host = createNodeHost();
    const out = await host.run(async (ctx) => {
      const p = ctx.workbook.properties;
      p.title = "政策任务跟踪表";
      p.subject = "督查督办";
      p.comments = "generated";
      p.custom.add("trackerId", "T-1");
      p.custom.add("taskCount", 122);
      p.custom.add("TRACKERID", "T-2");
      const id = p.custom.getItem("trackerId").load("key,value,type");
      const count = p.custom.getCount();
      p.load("title,subject,comments");
      await ctx.sync();
      return [p.title, p.subject, p.comments, id.toJSON(), count.value];
    });
    expect(out).toEqual(["政策任务跟踪表", "督查督办", "generated", { key: "trackerId", value: "T-2", type: "String" }, 2]);
  });

  it("keeps a selection per sheet: select() activates, getSelectedRange / getActiveCell read it", async () => {
    const host = createNodeHost({ sheets: ["A", "粘贴"] });
    const out = await host.run(async (ctx) => {
      const initial = ctx.workbook.getSelectedRange().load("address");
      ctx.workbook.worksheets.getItem("粘贴").getRange("B3:E6").select();
      const selected = ctx.workbook.getSelectedRange().load("address");
      const cell = ctx.workbook.getActiveCell().load("address");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("A").activate();
      const back = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      return [initial.address, selected.address, cell.address, back.address];
    });
    expect(out).toEqual(["A!A1", "粘贴!B3:E6", "粘贴!B3", "A!A1"]);
  });

  it("accepts suspendApiCalculationUntilNextSync and keeps formulas current", async () => {
    const host = createNodeHost();
    const v = await host.run(async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").formulas = [[2, "=A1*21"]];
      await ctx.sync();
      const b = ws.getRange("B1").load("values");
      await ctx.sync();
      return b.values;
    });
    expect(v).toEqual([[42]]);
  });
});
