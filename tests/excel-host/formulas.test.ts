/** Formula results computed by HyperFormula, kept consistent through renames and deletions. */
import { dateSerial } from "./model/cell-input";
import { createNodeHost } from "./node-host";

const today = (): number => {
  const d = new Date();
  return dateSerial(d.getFullYear(), d.getMonth() + 1, d.getDate()) as number;
};

describe("formula results", () => {
  it("reads back COUNTIFS across a quoted Chinese sheet name as a number", async () => {
    const host = createNodeHost({ sheets: ["汇总", "省教育厅"] });
    const v = await host.run(async (ctx) => {
      const unit = ctx.workbook.worksheets.getItem("省教育厅");
      unit.getRange("A1:B4").values = [["序号", "完成状态"], [1, "已完成"], [2, "推进中"], [3, "已完成"]];
      const cell = ctx.workbook.worksheets.getItem("汇总").getRange("B2");
      cell.formulas = [["=COUNTIFS('省教育厅'!$B$2:$B$200,\"已完成\")"]];
      cell.load("values,formulas");
      await ctx.sync();
      return [cell.values, cell.formulas];
    });
    expect(v).toEqual([[[2]], [["=COUNTIFS('省教育厅'!$B$2:$B$200,\"已完成\")"]]]);
  });

  it("computes the functions a tracking workbook relies on", async () => {
    const host = createNodeHost({ sheets: ["数据", "汇总"] });
    const formulas = [
      ["=SUMPRODUCT(('数据'!B2:B5=\"已完成\")*('数据'!C2:C5<DATE(2025,1,1)))"],
      ["=IFERROR(1/0,\"无\")"],
      ["=IF(COUNTIF('数据'!B2:B5,\"滞后\")>0,\"有滞后\",\"正常\")"],
      ["=TODAY()"],
      ["=DATE(2025,12,31)"],
      ["=INDEX('数据'!B2:B5,MATCH(3,'数据'!A2:A5,0))"],
      ['=HYPERLINK("#\'数据\'!A1","转到数据")'],
      ["=数据!A2+数据!A3"],
      ["=COUNTIFS(数据!B:B,\"已完成\",数据!C:C,\">\"&DATE(2024,1,1))"],
    ];
    const values = await host.run(async (ctx) => {
      const data = ctx.workbook.worksheets.getItem("数据");
      data.getRange("A1:C5").values = [
        ["序号", "状态", "期限"],
        [1, "已完成", "2024-06-30"],
        [2, "滞后", "2025-03-31"],
        [3, "已完成", "2026-01-01"],
        [4, "推进中", ""],
      ];
      const out = ctx.workbook.worksheets.getItem("汇总").getRange(`A1:A${formulas.length}`);
      out.formulas = formulas;
      out.load("values");
      await ctx.sync();
      return out.values.map((r) => r[0]);
    });
    expect(values).toEqual([1, "无", "有滞后", today(), 46022, "已完成", "转到数据", 3, 2]);
  });

  it("updates formulas and results when a referenced sheet is renamed, and gives #REF! when it is deleted", async () => {
    const host = createNodeHost({ sheets: ["汇总", "A部门"] });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A部门").getRange("A1:A2").values = [[5], [7]];
      const s = ctx.workbook.worksheets.getItem("汇总");
      s.getRange("A1").formulas = [["=SUM('A部门'!A1:A2)"]];
      s.getRange("A1").load("values");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("A部门").name = "A's 部门";
      await ctx.sync();
    });
    expect(host.formulas("'汇总'!A1")).toEqual([["=SUM('A''s 部门'!A1:A2)"]]);
    expect(host.values("'汇总'!A1")).toEqual([[12]]);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A's 部门").getRange("A1").values = [[10]];
      await ctx.sync();
    });
    expect(host.values("'汇总'!A1")).toEqual([[17]]);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A's 部门").delete();
      ctx.workbook.worksheets.add("A's 部门");
      await ctx.sync();
    });
    expect(host.formulas("'汇总'!A1")).toEqual([["=SUM(#REF!)"]]);
    expect(host.values("'汇总'!A1")).toEqual([["#REF!"]]);
  });

  it("evaluates defined names, including Chinese ones, and follows their changes", async () => {
    const host = createNodeHost({ sheets: ["表"] });
    const seen = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("表");
      ws.getRange("A1:A3").values = [["是"], ["否"], ["是"]];
      ws.getRange("B1").formulas = [["=COUNTIF(状态列表,\"是\")"]];
      ctx.workbook.names.add("状态列表", ws.getRange("A1:A2"));
      const b = ws.getRange("B1").load("values");
      await ctx.sync();
      const first = b.values[0][0];
      ctx.workbook.names.getItem("状态列表").formula = "='表'!$A$1:$A$3";
      b.load("values");
      await ctx.sync();
      return [first, b.values[0][0]];
    });
    expect(seen).toEqual([1, 2]);
  });

  it("builds the engine once, lazily, and updates it incrementally across batches", async () => {
    const host = createNodeHost();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A3").values = [[1], [2], [3]];
      ws.getRange("B1").formulas = [["=SUM(A1:A3)"]];
      await ctx.sync();
    });
    expect(host.workbook.engine.builds).toBe(0);
    for (let i = 0; i < 3; i++) {
      await host.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [[10 * i]];
        ws.getRange("B1").load("values");
        await ctx.sync();
      });
      expect(host.values("Sheet1!B1")).toEqual([[10 * i + 5]]);
    }
    expect(host.workbook.engine.builds).toBe(1);
  });

  it("refuses a formula that does not parse, and turns a typed -text into a formula as Excel does", async () => {
    const host = createNodeHost();
    const outcome = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [["-完善制度"]];
      const a1 = ws.getRange("A1").load("formulas,values");
      await ctx.sync();
      ws.getRange("A2").formulas = [["=SUM("]];
      const failed = await ctx.sync().then(
        () => "accepted",
        (e: { code: string }) => e.code,
      );
      return [a1.formulas, a1.values, failed];
    });
    expect(outcome).toEqual([[["=-完善制度"]], [["#NAME?"]], "InvalidArgument"]);
  });
});
