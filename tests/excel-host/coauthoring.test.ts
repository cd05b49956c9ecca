/**
 * Several genuine clients on one workbook, as co-authors in Excel on the web or desktop: each
 * has its own client script, context and reference ids; their batches apply one at a time in
 * arrival order; a hook runs a co-author's batch between two requests of another client.
 */
import { createNodeHost, officeError } from ".";

describe("co-authoring: several clients on one workbook", () => {
  it("applies each client's batches in arrival order on the same cells", async () => {
    const host = createNodeHost();
    const b = host.connect();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["from A"]];
      await ctx.sync();
    });
    const seen = await b.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
      r.values = [["from B"]];
      await ctx.sync();
      return r.values[0][0];
    });
    expect(seen).toBe("from B");
    expect(host.values("Sheet1!A1")).toEqual([["from B"]]);
  });

  it("runs a co-author's batch between the add-in's read and its write", async () => {
    const host = createNodeHost({ seed: { sheets: [{ name: "甲", cells: [["序号"], [1], [2]] }] } });
    const calls: number[] = [];
    const coauthor = host.connect();
    const addin = host.connect({
      beforeRequest: async ({ index }) => {
        calls.push(index);
        // Before the add-in's second request: the co-author sorts (swaps the two rows).
        if (index === 1) {
          await coauthor.run(async (ctx) => {
            ctx.workbook.worksheets.getItem("甲").getRange("A2:A3").values = [[2], [1]];
            await ctx.sync();
          });
        }
      },
    });
    const rowOf1 = await addin.run(async (ctx) => {
      const ids = ctx.workbook.worksheets.getItem("甲").getRange("A1:A3").load("values");
      await ctx.sync();
      const stale = ids.values.findIndex((r) => r[0] === 1);
      // Located inside the write's own batch, the row is where 1 is now.
      const now = ctx.workbook.worksheets.getItem("甲").getRange("A:A").find("1", { completeMatch: true }).load("rowIndex");
      await ctx.sync();
      return { stale, now: now.rowIndex };
    });
    expect(rowOf1).toEqual({ stale: 1, now: 2 });
    // Only operation batches reach the hook, not Excel.run's trailing reference cleanup.
    expect(calls).toEqual([0, 1]);
  });

  it("keeps each client's reference ids apart", async () => {
    const host = createNodeHost();
    const b = host.connect();
    await Promise.all([
      host.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("B1").values = [[1]];
        await ctx.sync();
        ws.getRange("B2").values = [[2]];
        await ctx.sync();
      }),
      b.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.add("乙");
        await ctx.sync();
        ws.getRange("A1").values = [[3]];
        await ctx.sync();
      }),
    ]);
    expect(host.values("Sheet1!B1:B2")).toEqual([[1], [2]]);
    expect(host.values("'乙'!A1")).toEqual([[3]]);
  });
});

describe("Range.find", () => {
  const host = createNodeHost({ seed: { sheets: [{ name: "甲", cells: [["序号", "状态"], [1, "已完成"], [11, "滞后"], [2, "Done"]] }] } });
  const find = (address: string, text: string, criteria: Excel.SearchCriteria) =>
    host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("甲").getRange(address).find(text, criteria).load("address");
      await ctx.sync();
      return r.address;
    });

  it("finds the first matching cell, whole or partial, with or without case", async () => {
    expect(await find("A:A", "1", { completeMatch: true })).toBe("甲!A2");
    expect(await find("A3:A4", "1", { completeMatch: false })).toBe("甲!A3");
    expect(await find("B:B", "done", { completeMatch: true })).toBe("甲!B4");
    await expect(officeError(find("B:B", "done", { completeMatch: true, matchCase: true }))).resolves.toMatchObject({ code: "ItemNotFound" });
  });

  it("searches the whole sheet after a one-cell range, and backwards", async () => {
    expect(await find("A2", "滞后", { completeMatch: true })).toBe("甲!B3");
    expect(await find("A:B", "1", { searchDirection: "Backwards" })).toBe("甲!A3");
  });

  it("answers a null object from findOrNullObject when nothing matches", async () => {
    const isNull = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("甲").getRange("A:A").findOrNullObject("99", { completeMatch: true });
      await ctx.sync();
      return r.isNullObject;
    });
    expect(isNull).toBe(true);
  });
});
