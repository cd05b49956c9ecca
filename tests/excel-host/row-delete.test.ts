/** Range.delete("Up") on entire rows through the genuine client: what moves, what shrinks, what is refused. */
import { createNodeHost } from "./node-host";
import { officeError } from "./testing";

type Host = ReturnType<typeof createNodeHost>;

/** Rows 1–8: a header and seven numbered rows; row 6 taller; a list, a rule and an unlocked block over rows 2–8. */
async function table(host: Host): Promise<void> {
  await host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add("表");
    ws.getRange("A1:B8").values = [["序号", "状态"], ...Array.from({ length: 7 }, (_, i) => [i + 1, `s${i + 1}`])];
    ws.getRange("A1:B1").format.font.bold = true;
    ws.getRange("A7:B7").format.fill.color = "#FFC7CE";
    ws.getRange("6:6").format.rowHeight = 40;
    const status = ws.getRange("B2:B8");
    status.dataValidation.rule = { list: { inCellDropDown: true, source: "未启动,推进中" } };
    const cf = status.conditionalFormats.add("Custom");
    cf.custom.rule.formula = '=$B2="推进中"';
    cf.custom.format.fill.color = "#DDEBF7";
    ws.getRange("A5:B5").conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
    status.format.protection.locked = false;
    ws.pageLayout.setPrintTitleRows("$1:$1");
    await ctx.sync();
  });
}

describe("Range.delete on entire rows (Up)", () => {
  it("moves the rows below up with their formats, heights and locks; rules keep the rows that remain", async () => {
    const host = createNodeHost();
    await table(host);
    const seen = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("表");
      ws.getRange("4:5").delete("Up");
      const used = ws.getUsedRange(true).load("address, values");
      const fill = ws.getRange("A5").format.fill.load("color");
      const height = ws.getRange("A4").format.load("rowHeight");
      const lock = ws.getRange("B6").format.protection.load("locked");
      const below = ws.getRange("B7").format.protection.load("locked");
      const dv = ws.getRange("B2:B6").dataValidation.load("type");
      const dvBelow = ws.getRange("B7").dataValidation.load("type");
      const cfs = ws.getRange("A1:B8").conditionalFormats.load("items/type");
      await ctx.sync();
      const ranges = cfs.items.map((cf) => cf.getRange().load("address"));
      await ctx.sync();
      return {
        used: used.address,
        values: used.values.map((r) => r[1]),
        fill: fill.color,
        height: height.rowHeight,
        locks: [lock.locked, below.locked],
        dv: [dv.type, dvBelow.type],
        cfs: ranges.map((r) => r.address),
      };
    });
    expect(seen).toEqual({
      used: "表!A1:B6",
      values: ["状态", "s1", "s2", "s5", "s6", "s7"],
      // Row 7's fill and row 6's height moved up two rows with them.
      fill: "#FFC7CE",
      height: 40,
      locks: [false, true],
      dv: ["List", "None"],
      // The rule over B2:B8 keeps B2:B6; the one over A5:B5 went with its row.
      cfs: ["表!B2:B6"],
    });
    expect(host.values("表!A1:A6")).toEqual([["序号"], [1], [2], [5], [6], [7]]);
  });

  it("refuses on a protected sheet that does not allow deleting rows (AccessDenied)", async () => {
    const host = createNodeHost();
    await table(host);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("表").protection.protect({ allowFormatColumns: true });
      await ctx.sync();
    });
    const err = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("表").getRange("4:5").delete("Up");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("AccessDenied");
    expect(host.values("表!B4")).toEqual([["s3"]]);
  });

  it("refuses loudly what the host does not model: Left, part of a row, formulas naming the sheet", async () => {
    const host = createNodeHost();
    await table(host);
    const attempt = (fn: (ws: Excel.Worksheet) => void) =>
      officeError(
        host.run(async (ctx) => {
          fn(ctx.workbook.worksheets.getItem("表"));
          await ctx.sync();
        }),
      );
    const left = await attempt((ws) => ws.getRange("A4:B5").delete("Left"));
    const part = await attempt((ws) => ws.getRange("A4:B5").delete("Up"));
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("汇").getRange("A1").formulas = [["=表!A8"]];
      await ctx.sync();
    });
    const named = await attempt((ws) => ws.getRange("4:5").delete("Up"));
    for (const err of [left, part, named]) {
      expect(err.code).toBe("ApiNotFound");
      expect(err.message).toContain("Range.delete");
    }
    expect(named.message).toContain("formulas");
    expect(host.values("表!B4:B8")).toEqual([["s3"], ["s4"], ["s5"], ["s6"], ["s7"]]);
  });
});
