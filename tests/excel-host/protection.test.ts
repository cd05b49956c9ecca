/** Worksheet protection as Excel enforces it: locked cells (the default) refuse changes. */
import { createNodeHost } from "./node-host";
import { officeError } from "./testing";

async function protectedSheet() {
  const host = createNodeHost({ sheets: ["A部门"] });
  await host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("A部门");
    ws.getRange("A1:C3").values = [["序号", "状态", "进展"], [1, "", ""], [2, "", ""]];
    ws.getRange("B2:C3").format.protection.locked = false;
    ws.protection.protect({ allowFormatColumns: true });
    await ctx.sync();
  });
  return host;
}

describe("worksheet protection", () => {
  it("starts with every cell locked and reports unlocked ranges as set", async () => {
    const host = createNodeHost();
    const seen = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B:B").format.protection.locked = false;
      const a = ws.getRange("A1").format.protection.load("locked");
      const b = ws.getRange("B7").format.protection.load("locked");
      const mixed = ws.getRange("A1:B1").format.protection.load("locked");
      await ctx.sync();
      return [a.locked, b.locked, mixed.locked];
    });
    expect(seen).toEqual([true, false, null]);
  });

  it("refuses a value on a locked cell with AccessDenied and accepts it on an unlocked one", async () => {
    const host = await protectedSheet();
    const err = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A部门").getRange("A2").values = [[99]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("AccessDenied");
    expect(err.message).toBe("The cell or chart you're trying to change is protected and therefore read-only.");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A部门").getRange("B2:C2").values = [["已完成", "按期"]];
      await ctx.sync();
    });
    expect(host.values("'A部门'!A2:C2")).toEqual([[1, "已完成", "按期"]]);
  });

  it("refuses a range that is only partly unlocked, formulas, formats of locked cells and changes of locking", async () => {
    const host = await protectedSheet();
    const attempts: Array<(ws: Excel.Worksheet) => void> = [
      (ws) => (ws.getRange("A2:B2").values = [[1, "x"]]),
      (ws) => (ws.getRange("A3").formulas = [["=1+1"]]),
      (ws) => (ws.getRange("A1").format.font.bold = true),
      (ws) => (ws.getRange("A1").numberFormat = [["0.00"]]),
      (ws) => (ws.getRange("B2").format.protection.locked = true),
      (ws) => ws.getRange("A1:C3").clear(),
      (ws) => (ws.getRange("A1").format.rowHeight = 30),
      (ws) => (ws.getRange("B2").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } }),
    ];
    for (const attempt of attempts) {
      const err = await officeError(
        host.run(async (ctx) => {
          attempt(ctx.workbook.worksheets.getItem("A部门"));
          await ctx.sync();
        }),
      );
      expect(err.code).toBe("AccessDenied");
    }
    expect(host.values("'A部门'!A1:C3")).toEqual([["序号", "状态", "进展"], [1, "", ""], [2, "", ""]]);
  });

  it("allows formats on unlocked cells and what the protection options allow", async () => {
    const host = await protectedSheet();
    const seen = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("A部门");
      ws.getRange("B2:C3").format.fill.color = "#FFFF00";
      ws.getRange("A:A").format.columnWidth = 30;
      const p = ws.protection.load("protected,options");
      await ctx.sync();
      return [p.protected, p.options.allowFormatColumns, p.options.allowFormatCells];
    });
    expect(seen).toEqual([true, true, false]);
  });

  it("fails to protect twice, needs the password to unprotect, then accepts changes", async () => {
    const host = createNodeHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").protection.protect({}, "pw");
      await ctx.sync();
    });
    const twice = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").protection.protect();
        await ctx.sync();
      }),
    );
    expect(twice.code).toBe("InvalidOperation");
    const wrong = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect("nope");
        await ctx.sync();
      }),
    );
    expect(wrong.code).toBe("InvalidArgument");
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.protection.unprotect("pw");
      ws.getRange("A1").values = [["ok"]];
      await ctx.sync();
    });
    expect(host.values("Sheet1!A1")).toEqual([["ok"]]);
    expect(host.sheet("Sheet1").protection.protected).toBe(false);
  });
});
