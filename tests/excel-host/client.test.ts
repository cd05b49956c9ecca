/** The host driven by the genuine Office.js client: proxies, syncs, handles, errors, null objects. */
import { createNodeHost } from "./node-host";
import { officeError } from "./testing";

describe("the genuine Excel client against the host", () => {
  it("refuses to read a property that was not loaded (PropertyNotLoaded, raised by the client)", async () => {
    const host = createNodeHost();
    const err = await officeError(
      host.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
        await ctx.sync();
        return r.values;
      }),
    );
    expect(err.code).toBe("PropertyNotLoaded");
    expect(err.debugInfo.errorLocation).toBe("Range.values");
  });

  it("keeps a sheet added in one sync usable in the next, even after a rename", async () => {
    const host = createNodeHost();
    const answer = await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add("任务");
      await ctx.sync();
      sheet.name = "任务清单";
      await ctx.sync();
      sheet.getRange("A1").values = [["序号"]];
      sheet.load("name,position");
      await ctx.sync();
      return { name: sheet.name, position: sheet.position };
    });
    expect(answer).toEqual({ name: "任务清单", position: 1 });
    expect(host.values("'任务清单'!A1")).toEqual([["序号"]]);
  });

  it("keeps a range across syncs through its reference id, then releases it when Excel.run ends", async () => {
    const host = createNodeHost();
    const values = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:C2");
      r.values = [[1, 2]];
      await ctx.sync();
      expect(host.references.size).toBeGreaterThan(0);
      r.values = [[3, 4]];
      r.load("values,address");
      await ctx.sync();
      return [r.address, r.values];
    });
    expect(values).toEqual(["Sheet1!B2:C2", [[3, 4]]]);
    expect(host.references.size).toBe(0);
  });

  it("caches a property the add-in set, so reading it back needs no load (as in Excel)", async () => {
    const host = createNodeHost();
    const v = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [["x"]];
      return r.values;
    });
    expect(v).toEqual([["x"]]);
  });

  it("reports an error with the failing statement and location, and stops the batch there", async () => {
    const host = createNodeHost();
    const err = await officeError(
      host.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["before"]];
        ws.getRange("A2:B2").values = [[1, 2, 3]];
        ws.getRange("A3").values = [["after"]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(err.debugInfo.errorLocation).toBe("Range.values");
    // the client names the statement from the ActionIndex the host reported
    expect(err.debugInfo.statement).toMatch(/^range\d*\.values = \.\.\.;$/);
    expect(host.values("Sheet1!A1:A3")).toEqual([["before"], [""], [""]]);
  });

  it("answers ItemNotFound at the getItem that fails", async () => {
    const host = createNodeHost();
    const err = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Missing").load("name");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
    expect(err.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
    expect(err.debugInfo.statement).toBe("var worksheet = worksheets.getItem(...);");
  });

  it("answers null objects for *OrNullObject members, readable without load", async () => {
    const host = createNodeHost({ sheets: ["汇总"] });
    const seen = await host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const missing = sheets.getItemOrNullObject("明细");
      const present = sheets.getItemOrNullObject("汇总");
      const used = present.getUsedRangeOrNullObject(true);
      const name = ctx.workbook.names.getItemOrNullObject("nothing");
      missing.getRange("A1").values = [["ignored"]];
      await ctx.sync();
      return { missing: missing.isNullObject, present: present.isNullObject, used: used.isNullObject, name: name.isNullObject };
    });
    expect(seen).toEqual({ missing: true, present: false, used: true, name: true });
    expect(host.sheetNames()).toEqual(["汇总"]);
  });

  it("fails loudly (ApiNotFound naming the member) on anything it does not emulate", async () => {
    const host = createNodeHost();
    const method = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").merge();
        await ctx.sync();
      }),
    );
    expect(method.code).toBe("ApiNotFound");
    expect(method.message).toContain("Range.merge is not emulated");
    const property = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("text");
        await ctx.sync();
      }),
    );
    expect(property.code).toBe("ApiNotFound");
    expect(property.message).toContain("Range.text");
    const navigation = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").autoFilter.load("enabled");
        await ctx.sync();
      }),
    );
    expect(navigation.code).toBe("ApiNotFound");
    expect(navigation.message).toContain("Worksheet.autoFilter");
  });

  it("returns every emulated scalar on a plain load(), with collection items addressable afterwards", async () => {
    const host = createNodeHost({ sheets: ["A", "B"] });
    const out = await host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load();
      await ctx.sync();
      sheets.items[0].getRange("A1").values = [["via item"]];
      sheets.items[1].delete();
      await ctx.sync();
      return sheets.items.map((s) => s.toJSON());
    });
    expect(out[0]).toMatchObject({ name: "A", position: 0, visibility: "Visible", tabColor: "", standardWidth: 8.43 });
    expect(typeof out[0].id).toBe("string");
    expect(host.sheetNames()).toEqual(["A"]);
    expect(host.values("A!A1")).toEqual([["via item"]]);
  });

  it("rejects writes through a deleted sheet", async () => {
    const host = createNodeHost({ sheets: ["A", "B"] });
    const err = await officeError(
      host.run(async (ctx) => {
        const b = ctx.workbook.worksheets.getItem("B");
        const r = b.getRange("A1");
        await ctx.sync();
        b.delete();
        await ctx.sync();
        r.values = [[1]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
  });
});
