/** Worksheets: Excel's naming rules, order, visibility, activation, freeze panes, tab colours. */
import { createNodeHost } from "./node-host";
import { officeError } from "./testing";

describe("worksheets", () => {
  it.each([
    ["x".repeat(32), "InvalidArgument"],
    ["a:b", "InvalidArgument"],
    ["a\\b", "InvalidArgument"],
    ["a/b", "InvalidArgument"],
    ["a?b", "InvalidArgument"],
    ["a*b", "InvalidArgument"],
    ["a[b", "InvalidArgument"],
    ["a]b", "InvalidArgument"],
    ["'quoted", "InvalidArgument"],
    ["quoted'", "InvalidArgument"],
    ["History", "InvalidArgument"],
    ["history", "InvalidArgument"],
    ["sheet1", "ItemAlreadyExists"],
    ["SHEET1", "ItemAlreadyExists"],
  ])("refuses the sheet name %j with %s, on add and on rename", async (name, code) => {
    const host = createNodeHost();
    const onAdd = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      }),
    );
    expect(onAdd.code).toBe(code);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("Other");
      await ctx.sync();
    });
    const onRename = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Other").name = name;
        await ctx.sync();
      }),
    );
    expect(onRename.code).toBe(code);
  });

  it("refuses an empty name on rename (add(\"\") picks a default name)", async () => {
    const host = createNodeHost();
    const err = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").name = "";
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("");
      await ctx.sync();
    });
    expect(host.sheetNames()).toEqual(["Sheet1", "Sheet2"]);
  });

  it("accepts 31 characters, inner apostrophes, Chinese names and a change of case on rename", async () => {
    const host = createNodeHost();
    const names = ["x".repeat(31), "A's 表", "各市、县(市、区)人民政府", "history1"];
    await host.run(async (ctx) => {
      for (const n of names) ctx.workbook.worksheets.add(n);
      ctx.workbook.worksheets.getItem("Sheet1").name = "SHEET1";
      await ctx.sync();
    });
    expect(host.sheetNames()).toEqual(["SHEET1", ...names]);
  });

  it("adds at the end with default names, moves, counts and navigates", async () => {
    const host = createNodeHost();
    const out = await host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const s2 = sheets.add();
      sheets.add("汇总").position = 0;
      const count = sheets.getCount();
      const first = sheets.getFirst().load("name");
      const next = s2.getNextOrNullObject();
      const prev = s2.getPrevious().load("name");
      s2.load("name,position");
      await ctx.sync();
      return [s2.name, s2.position, count.value, first.name, next.isNullObject, prev.name];
    });
    expect(out).toEqual(["Sheet2", 2, 3, "汇总", true, "Sheet1"]);
    expect(host.sheetNames()).toEqual(["汇总", "Sheet1", "Sheet2"]);
  });

  it("hides sheets (Hidden, VeryHidden), keeps one visible and moves the active sheet away", async () => {
    const host = createNodeHost({ sheets: ["A", "B", "C"] });
    const out = await host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.getItem("A").visibility = "Hidden";
      sheets.getItem("C").visibility = "VeryHidden";
      const visible = sheets.getCount(true);
      const active = sheets.getActiveWorksheet().load("name");
      const tab = sheets.getItem("A").load("tabColor,visibility");
      await ctx.sync();
      return [visible.value, active.name, tab.visibility, tab.tabColor];
    });
    expect(out).toEqual([1, "B", "Hidden", null]);
    const lastVisible = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("B").visibility = "Hidden";
        await ctx.sync();
      }),
    );
    expect(lastVisible.code).toBe("InvalidOperation");
    const deleteLast = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("B").delete();
        await ctx.sync();
      }),
    );
    expect(deleteLast.code).toBe("InvalidOperation");
    const activateHidden = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").activate();
        await ctx.sync();
      }),
    );
    expect(activateHidden.code).toBe("InvalidOperation");
  });

  it("activates, freezes panes and colours tabs", async () => {
    const host = createNodeHost({ sheets: ["A", "B"] });
    const out = await host.run(async (ctx) => {
      const b = ctx.workbook.worksheets.getItem("B");
      b.activate();
      b.tabColor = "orange";
      b.freezePanes.freezeRows(2);
      const frozenRows = b.freezePanes.getLocationOrNullObject().load("address");
      const a = ctx.workbook.worksheets.getItem("A");
      a.freezePanes.freezeAt(a.getRange("A1:B3"));
      const frozenBoth = a.freezePanes.getLocation().load("address");
      const none = ctx.workbook.worksheets.add("C").freezePanes.getLocationOrNullObject();
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name,tabColor");
      await ctx.sync();
      return [active.name, active.tabColor, frozenRows.address, frozenBoth.address, none.isNullObject];
    });
    expect(out).toEqual(["B", "#FFA500", "B!1:2", "A!A1:B3", true]);
    expect(host.sheet("A").freeze).toEqual({ rows: 3, cols: 2 });
  });
});
