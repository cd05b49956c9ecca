/** Data validation lists: Excel's 255-character inline limit, named and range sources, clear(). */
import { createNodeHost } from "./node-host";
import { officeError } from "./testing";

const STATUSES = "已完成,推进中,滞后,未启动,长期坚持";

describe("data validation", () => {
  it("stores an inline list and reports its type, rule and validity", async () => {
    const host = createNodeHost();
    const seen = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const dv = ws.getRange("G2:G10").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: STATUSES } };
      ws.getRange("G2:G3").values = [["已完成"], ["随便写"]];
      const whole = dv.load("type,rule,valid,ignoreBlanks");
      const part = ws.getRange("G2").dataValidation.load("type,valid");
      const none = ws.getRange("H2").dataValidation.load("type");
      const mixed = ws.getRange("G1:G2").dataValidation.load("type");
      await ctx.sync();
      return [whole.type, whole.rule, whole.valid, whole.ignoreBlanks, part.type, part.valid, none.type, mixed.type];
    });
    expect(seen).toEqual([
      "List",
      { list: { inCellDropDown: true, source: STATUSES } },
      false,
      true,
      "List",
      true,
      "None",
      "Inconsistent",
    ]);
  });

  it("refuses an inline list over 255 characters, as Excel does, and accepts exactly 255", async () => {
    const host = createNodeHost();
    const item = "甲".repeat(50);
    const tooLong = [item, item, item, item, item, "x"].join(",");
    expect(tooLong.length).toBe(256);
    const err = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").dataValidation.rule = {
          list: { inCellDropDown: true, source: tooLong },
        };
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(err.debugInfo.errorLocation).toBe("DataValidation.rule");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").dataValidation.rule = {
        list: { inCellDropDown: true, source: tooLong.slice(0, 255) },
      };
      await ctx.sync();
    });
    expect(host.sheet("Sheet1").validations).toHaveLength(1);
  });

  it("accepts a long list behind a defined name or a sheet range, and checks values against it", async () => {
    const host = createNodeHost({ sheets: ["说明", "A部门"] });
    const units = Array.from({ length: 60 }, (_, i) => `单位${i + 1}号机关`);
    const seen = await host.run(async (ctx) => {
      const lists = ctx.workbook.worksheets.getItem("说明");
      lists.getRange(`A1:A${units.length}`).values = units.map((u) => [u]);
      ctx.workbook.names.add("单位列表", lists.getRange(`A1:A${units.length}`));
      const ws = ctx.workbook.worksheets.getItem("A部门");
      ws.getRange("B2:B5").dataValidation.rule = { list: { inCellDropDown: true, source: "=单位列表" } };
      ws.getRange("C2:C5").dataValidation.rule = { list: { inCellDropDown: true, source: `='说明'!$A$1:$A$${units.length}` } };
      ws.getRange("B2:C2").values = [["单位7号机关", "单位60号机关"]];
      ws.getRange("B3").values = [["不存在"]];
      const b = ws.getRange("B2:B5").dataValidation.load("valid,rule");
      const c = ws.getRange("C2:C5").dataValidation.load("valid");
      await ctx.sync();
      return [b.valid, b.rule.list?.source, c.valid];
    });
    expect(seen).toEqual([false, "=单位列表", true]);
  });

  it("clears validation from part of a range, keeping the rest", async () => {
    const host = createNodeHost();
    const seen = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A10").dataValidation.rule = { list: { inCellDropDown: true, source: "是,否" } };
      ws.getRange("A4:A6").dataValidation.clear();
      const cleared = ws.getRange("A5").dataValidation.load("type");
      const kept = ws.getRange("A10").dataValidation.load("type");
      await ctx.sync();
      return [cleared.type, kept.type];
    });
    expect(seen).toEqual(["None", "List"]);
  });

  it("fails loudly on rule kinds it does not emulate", async () => {
    const host = createNodeHost();
    const err = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
          wholeNumber: { formula1: 0, operator: "GreaterThan" },
        };
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ApiNotFound");
    expect(err.message).toContain("DataValidation.rule.wholeNumber");
  });
});
