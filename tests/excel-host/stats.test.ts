/** Instrumentation: round trips and bytes per operation, cleanup counted apart, 5 MB caps. */
import { createNodeHost } from "./node-host";
import { officeError } from "./testing";

async function writeTwice(ctx: Excel.RequestContext): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem("Sheet1");
  const r = ws.getRange("A1:C3");
  r.values = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
  await ctx.sync();
  r.load("values");
  await ctx.sync();
}

describe("statistics", () => {
  it("counts the add-in's syncs as round trips and Excel.run's reference cleanup apart", async () => {
    const host = createNodeHost();
    host.stats.reset();
    await host.run(writeTwice);
    const s = host.stats.snapshot();
    expect(s.roundTrips).toBe(2);
    expect(s.cleanupTrips).toBe(1);
    expect(s.batches.map((b) => b.kind)).toEqual(["operation", "operation", "cleanup"]);
    expect(s.requestBytes).toBe(s.batches[0].requestBytes + s.batches[1].requestBytes);
    expect(s.largestRequest).toBe(Math.max(s.batches[0].requestBytes, s.batches[1].requestBytes));
    expect(s.responseBytes).toBeGreaterThan(0);
    expect(s.cleanupRequestBytes).toBeGreaterThan(0);
    host.stats.reset();
    expect(host.stats.snapshot().roundTrips).toBe(0);
  });

  it("records failed batches", async () => {
    const host = createNodeHost();
    host.stats.reset();
    await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("nope").load("name");
        await ctx.sync();
      }),
    );
    const s = host.stats.snapshot();
    expect(s.roundTrips).toBe(1);
    expect(s.failedTrips).toBe(1);
    expect(s.batches[0].error).toBe("ItemNotFound");
  });
});

describe("Excel on the web's 5 MB payload limit", () => {
  const text = "政策任务".repeat(30);

  it("refuses a request over 5 MB without applying any of it", async () => {
    const host = createNodeHost();
    const rows = Array.from({ length: 1000 }, (_, i) => Array.from({ length: 15 }, () => `${i}${text}`));
    const err = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:O1000").values = rows;
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.stats.snapshot().batches[0].requestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(host.values("Sheet1!A1")).toEqual([[""]]);
  });

  it("refuses an answer over 5 MB, and a read too large to answer at all", async () => {
    const host = createNodeHost();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      for (let part = 0; part < 3; part++) {
        const rows = Array.from({ length: 400 }, () => Array.from({ length: 15 }, () => text));
        ws.getRange(`A${part * 400 + 1}:O${part * 400 + 400}`).values = rows;
        await ctx.sync();
      }
    });
    const tooBig = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:O1200").load("values");
        await ctx.sync();
      }),
    );
    expect(tooBig.code).toBe("ResponsePayloadSizeLimitExceeded");
    const huge = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A:Z").load("values");
        await ctx.sync();
      }),
    );
    expect(huge.code).toBe("ResponsePayloadSizeLimitExceeded");
    const fine = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:O400").load("values");
      await ctx.sync();
      return r.values.length;
    });
    expect(fine).toBe(400);
  });
});
