import { buildTracker } from "../../src/excel/build-tracker";
import { refreshTracker } from "../../src/excel/refresh-tracker";
import { parseTaskList } from "../../src/domain";
import { seedText } from "../support/seed";
import { ALL_SETS, buildOptions, newHost, roundTrips, typeStatuses, usedValues } from "../support/excel-host-helpers";

const source = seedText();
const list = parseTaskList(source);

describe("archiving reporting periods in the add-in", () => {
  it("snapshots the roll-up into 历次汇总 (replacing a re-archived period), charts the trend on 汇总, in 3 round trips (figures read once calculation resumed)", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source })));
    await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-10-31", isSetSupported: ALL_SETS, archivePeriod: "2026年10月" }));
    await typeStatuses(host, "省外办", [[12, "已完成"]]);
    await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-11-30", isSetSupported: ALL_SETS, archivePeriod: "2026年11月" }));
    await typeStatuses(host, "省外办", [[46, "已完成"]]);
    host.stats.reset();
    const last = await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-11-30 18:00", isSetSupported: ALL_SETS, archivePeriod: "2026年11月" }));
    expect(roundTrips(host)).toBe(3);
    expect(last.periods).toBe(2);

    const history = await usedValues(host, "历次汇总");
    expect(history[0].slice(0, 3)).toEqual(["期间", "归档时间", "单位"]);
    const overall = history.filter((r) => r[2] === "(全部)").map((r) => [r[0], r[1], r[4]]);
    expect(overall).toEqual([
      ["2026年10月", "2026-10-31", 0],
      ["2026年11月", "2026-11-30 18:00", 2],
    ]);
    expect(history.filter((r) => r[0] === "2026年11月" && r[2] === "省外办")[0][4]).toBe(2);

    const charts = await host.run(async (ctx) => {
      const c = ctx.workbook.worksheets.getItem("汇总").charts.load("items/name");
      await ctx.sync();
      return c.items.map((x) => x.name);
    });
    expect(charts).toEqual(["各单位完成率", "完成率趋势"]);
    const summary = await usedValues(host, "汇总");
    const trendHeader = summary.findIndex((r) => r[0] === "期间" && r[1] === "分工完成率");
    expect(summary.slice(trendHeader + 1, trendHeader + 3).map((r) => r[0])).toEqual(["2026年10月", "2026年11月"]);

    // A rebuild keeps the history.
    await host.run((ctx) => buildTracker(ctx, list, buildOptions()));
    expect((await usedValues(host, "历次汇总")).filter((r) => r[2] === "(全部)")).toHaveLength(2);
  });
});
