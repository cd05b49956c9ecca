/** Ranges: addressing, shapes of values/formulas/numberFormat, typed-value conversion, formats. */
import { createNodeHost } from "./node-host";
import { officeError } from "./testing";

describe("ranges", () => {
  it("fills a multi-cell range from a single value and refuses arrays of the wrong shape", async () => {
    const host = createNodeHost();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C2").values = "x" as unknown as unknown[][];
      ws.getRange("A3:C3").numberFormat = "0.0%" as unknown as unknown[][];
      await ctx.sync();
    });
    expect(host.values("Sheet1!A1:C2")).toEqual([["x", "x", "x"], ["x", "x", "x"]]);
    for (const bad of [[[1, 2]], [[1], [2]], [1, 2, 3], [[[1]]]]) {
      const err = await officeError(
        host.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = bad as unknown[][];
          await ctx.sync();
        }),
      );
      expect(err.code).toBe("InvalidArgument");
    }
  });

  it("leaves cells alone where the 2-D array holds null", async () => {
    const host = createNodeHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [["a", "b"]];
      await ctx.sync();
      r.values = [[null, "c"]] as unknown as unknown[][];
      await ctx.sync();
    });
    expect(host.values("Sheet1!A1:B1")).toEqual([["a", "c"]]);
  });

  it("converts written text the way Excel converts typed input, unless the cell is formatted as Text", async () => {
    const host = createNodeHost();
    const out = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("J1:J8").numberFormat = [["@"], ["@"], ["@"], ["@"], ["@"], ["@"], ["@"], ["@"]];
      const row = [["007", "1,234.5", "TRUE", "2025-12-31", "50%", "'0123", "=1+1", "长期坚持"]];
      ws.getRange("A1:H1").values = row;
      ws.getRange("J1:J8").values = row[0].map((v) => [v]);
      const a = ws.getRange("A1:H1").load("values,numberFormat,valueTypes");
      const b = ws.getRange("J1:J8").load("values");
      await ctx.sync();
      return { a: a.values[0], formats: a.numberFormat[0], types: a.valueTypes[0], b: b.values.map((r) => r[0]) };
    });
    expect(out.a).toEqual([7, 1234.5, true, 46022, 0.5, "0123", 2, "长期坚持"]);
    expect(out.formats).toEqual(["General", "General", "General", "yyyy-mm-dd", "0%", "General", "General", "General"]);
    expect(out.types).toEqual(["Double", "Double", "Boolean", "Double", "Double", "String", "Double", "String"]);
    expect(out.b).toEqual(["007", "1,234.5", "TRUE", "2025-12-31", "50%", "'0123", "=1+1", "长期坚持"]);
  });

  it("addresses cells relative to ranges and sheets", async () => {
    const host = createNodeHost({ sheets: ["A's"] });
    const out = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("A's");
      const base = ws.getRange("B2:C3");
      const list = [
        base.getCell(1, 1),
        base.getResizedRange(2, -1),
        base.getOffsetRange(1, 2),
        ws.getRangeByIndexes(4, 0, 2, 3),
        ws.getCell(0, 0),
        base.getRow(1),
        base.getColumn(0).getEntireColumn(),
        base.getEntireRow(),
        base.getLastCell(),
        base.getBoundingRect("E5"),
        ws.getRange("'A''s'!A1:B2"),
        ws.getRange(),
      ].map((r) => r.load("address,rowIndex,columnIndex,rowCount,columnCount"));
      await ctx.sync();
      return list.map((r) => r.address);
    });
    expect(out).toEqual([
      "'A''s'!C3",
      "'A''s'!B2:B5",
      "'A''s'!D3:E4",
      "'A''s'!A5:C6",
      "'A''s'!A1",
      "'A''s'!B3:C3",
      "'A''s'!B:B",
      "'A''s'!2:3",
      "'A''s'!C3",
      "'A''s'!B2:E5",
      "'A''s'!A1:B2",
      "'A''s'!1:1048576",
    ]);
  });

  it("refuses addresses of other sheets, malformed addresses and ranges off the grid", async () => {
    const host = createNodeHost({ sheets: ["汇总", "B"] });
    for (const bad of ["B!A1", "A0", "XFE1", "A1:B2:C3"]) {
      const err = await officeError(
        host.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("汇总").getRange(bad).load("address");
          await ctx.sync();
        }),
      );
      expect(err.code).toBe("InvalidArgument");
    }
    const off = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("汇总").getRange("A1").getOffsetRange(-1, 0).load("address");
        await ctx.sync();
      }),
    );
    expect(off.code).toBe("InvalidArgument");
  });

  it("answers the used range with and without formats, and a null object for an empty sheet", async () => {
    const host = createNodeHost();
    const out = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const empty = ws.getUsedRangeOrNullObject();
      const emptyStrict = ws.getUsedRange().load("address");
      await ctx.sync();
      ws.getRange("B2:C3").values = [[1, 2], [3, ""]];
      ws.getRange("E9").format.fill.color = "yellow";
      const withFormats = ws.getUsedRange().load("address");
      const valuesOnly = ws.getUsedRange(true).load("address");
      const inside = ws.getRange("C1:Z100").getUsedRange(true).load("address");
      await ctx.sync();
      return [empty.isNullObject, emptyStrict.address, withFormats.address, valuesOnly.address, inside.address];
    });
    expect(out).toEqual([true, "Sheet1!A1", "Sheet1!B2:E9", "Sheet1!B2:C3", "Sheet1!C2:C3"]);
  });

  it("formats ranges and answers uniform values, or null when cells differ", async () => {
    const host = createNodeHost();
    const out = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const head = ws.getRange("A1:D1");
      head.format.fill.color = "#1f4e79";
      head.format.font.set({ bold: true, color: "white", size: 12, name: "宋体" });
      head.format.horizontalAlignment = "Center";
      head.format.verticalAlignment = "Center";
      head.format.wrapText = true;
      head.format.rowHeight = 30;
      ws.getRange("A:A").format.columnWidth = 40;
      const edge = head.format.borders.getItem("EdgeBottom");
      edge.style = "Continuous";
      edge.weight = "Medium";
      const fill = head.format.fill.load("color");
      const font = head.format.font.load();
      const fmt = head.format.load("horizontalAlignment,verticalAlignment,wrapText,rowHeight,columnWidth");
      const mixed = ws.getRange("A1:A2").format.fill.load("color");
      const plain = ws.getRange("Z99").format.load("columnWidth,rowHeight");
      const plainFill = ws.getRange("Z99").format.fill.load("color");
      const border = head.format.borders.getItem("EdgeBottom").load("style,weight,color");
      const noBorder = head.format.borders.getItem("EdgeTop").load("style");
      await ctx.sync();
      const f = fmt;
      return [
        fill.color,
        font.toJSON(),
        [f.horizontalAlignment, f.verticalAlignment, f.wrapText, f.rowHeight, f.columnWidth],
        mixed.color,
        [plain.columnWidth, plain.rowHeight],
        plainFill.color,
        border.toJSON(),
        noBorder.style,
      ];
    });
    expect(out).toEqual([
      "#1F4E79",
      { bold: true, color: "#FFFFFF", italic: false, name: "宋体", size: 12, strikethrough: false, underline: "None" },
      ["Center", "Center", true, 30, null],
      null,
      [48, 15],
      "#FFFFFF",
      { style: "Continuous", weight: "Medium", color: "#000000" },
      "None",
    ]);
  });

  it("formats whole columns without touching a million cells, and cells keep later row formats", async () => {
    const host = createNodeHost();
    const out = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C:E").format.protection.locked = false;
      ws.getRange("C:E").format.fill.color = "#EEEEEE";
      ws.getRange("1:1").format.font.bold = true;
      const col = ws.getRange("C:E").format.protection.load("locked");
      const c1 = ws.getRange("C1").format.load("protection/locked,fill/color,font/bold");
      const c500 = ws.getRange("D500000").format.load("protection/locked,font/bold");
      const a1 = ws.getRange("A1").format.load("protection/locked,font/bold");
      await ctx.sync();
      return [col.locked, c1.protection.locked, c1.fill.color, c1.font.bold, c500.protection.locked, c500.font.bold, a1.protection.locked, a1.font.bold];
    });
    expect(out).toEqual([false, false, "#EEEEEE", true, false, false, true, true]);
  });

  it("clears contents, formats or both", async () => {
    const host = createNodeHost();
    const out = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const r = ws.getRange("A1:B1");
      r.values = [[1, 2]];
      r.format.font.bold = true;
      await ctx.sync();
      ws.getRange("A1").clear("Contents");
      ws.getRange("B1").clear("Formats");
      const a = ws.getRange("A1").load("values");
      const af = ws.getRange("A1").format.font.load("bold");
      const b = ws.getRange("B1").load("values");
      const bf = ws.getRange("B1").format.font.load("bold");
      await ctx.sync();
      return [a.values[0][0], af.bold, b.values[0][0], bf.bold];
    });
    expect(out).toEqual(["", true, 2, false]);
  });

  it("autofits columns to their text, wider for Chinese than for Latin text", async () => {
    const host = createNodeHost();
    const widths = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").values = [["abcdefghij", "省人力资源社会保障厅"]];
      ws.getRange("A:B").format.autofitColumns();
      const a = ws.getRange("A1").format.load("columnWidth");
      const b = ws.getRange("B1").format.load("columnWidth");
      await ctx.sync();
      return [a.columnWidth, b.columnWidth];
    });
    expect(widths[0]).toBeGreaterThan(48);
    expect(widths[1]).toBeGreaterThan(widths[0]);
  });
});
