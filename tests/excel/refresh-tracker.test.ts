import { buildTracker } from "../../src/excel/build-tracker";
import { ListChangedError, NoTrackerError, refreshTracker } from "../../src/excel/refresh-tracker";
import { parseTaskList } from "../../src/domain";
import { seedText } from "../support/seed";
import { ALL_SETS, buildOptions, newHost, roundTrips, sheetInfo, typeStatuses, usedValues } from "../support/excel-host-helpers";

const source = seedText();
const list = parseTaskList(source);
/** The same list with 省审计厅 added to task 3: a new unit that needs a sheet. */
const withAuditSource = source.replace("省教育厅、省发展改革委,各市人民政府", "省教育厅、省发展改革委,各市人民政府,省审计厅");

describe("refreshTracker", () => {
  it("adds a sheet for a new unit, rebuilds the summary, stamps the time and keeps every report, in 3 round trips (figures read once calculation resumed)", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source })));
    await typeStatuses(host, "省教育厅", [[3, "已完成", "方案已备案"]]);
    const withAudit = parseTaskList(withAuditSource);
    expect(withAudit.units).toContain("省审计厅");

    host.stats.reset();
    const result = await host.run((ctx) =>
      refreshTracker(ctx, { refreshedAt: "2026-12-01 09:30", isSetSupported: ALL_SETS, list: withAudit, listSource: withAuditSource }),
    );
    expect(roundTrips(host)).toBe(3);
    expect(result.addedUnits).toEqual(["省审计厅"]);
    expect(result.figures.stamp).toBe("2026-12-01 09:30");
    expect(result.figures.units.map((u) => u.unit)).toEqual(withAudit.units);
    expect(result.figures.units.find((u) => u.unit === "省审计厅")).toMatchObject({ tasks: 1, notReported: 1 });
    expect(result.figures.overall.责任分工总数).toBe(172);
    expect(result.figures.overall.已完成分工数).toBe(1);

    const audit = await usedValues(host, "省审计厅");
    expect(audit[2].slice(0, 3)).toEqual([3, expect.stringContaining("一市一策"), "配合"]);
    expect((await usedValues(host, "省教育厅")).find((r) => r[0] === 3)!.slice(6, 8)).toEqual(["已完成", "方案已备案"]);
    const sheets = await sheetInfo(host);
    expect(sheets.find((s) => s.name === "省审计厅")).toMatchObject({ protected: true, visibility: "Visible" });
    expect(sheets.filter((s) => s.name.startsWith("__tracker"))).toEqual([]);

    // Task 3 now counts the new unit: 1 of 4 done.
    const master = await usedValues(host, "任务总表");
    expect(master.find((r) => r[0] === 3)!.slice(6, 10)).toEqual([4, 1, 0.25, "推进中"]);

    // The chart of rates by unit is there, and the stored list is the new one (a second refresh changes nothing).
    const chartCount = await host.run(async (ctx) => {
      const charts = ctx.workbook.worksheets.getItem("汇总").charts.load("items/name");
      await ctx.sync();
      return charts.items.map((c) => c.name);
    });
    expect(chartCount).toEqual(["各单位完成率"]);
    const again = await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-02 08:00", isSetSupported: ALL_SETS }));
    expect(again.addedUnits).toEqual([]);
    expect(again.figures.overall.责任分工总数).toBe(172);
  });

  it("asks for a rebuild when the list changed the tasks of an existing unit", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source })));
    const changed = parseTaskList(source.replace("省教育厅、省发展改革委,各市人民政府", "省教育厅、省发展改革委、省财政厅,各市人民政府"));
    await expect(host.run((ctx) => refreshTracker(ctx, { refreshedAt: "x", isSetSupported: ALL_SETS, list: changed }))).rejects.toBeInstanceOf(ListChangedError);
  });

  it("says there is no tracker in a workbook without one", async () => {
    const host = newHost();
    await expect(host.run((ctx) => refreshTracker(ctx, { refreshedAt: "x", isSetSupported: ALL_SETS }))).rejects.toBeInstanceOf(NoTrackerError);
  });
});

describe("the early-warning window", () => {
  it("is kept in the tracker and a refresh with a new window rewrites every 时限预警 formula", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source })));
    await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01", isSetSupported: ALL_SETS, warningDays: 90 }));
    const formulas = await host.run(async (ctx) => {
      const unit = ctx.workbook.worksheets.getItem("省教育厅").getRange("N3").load("formulas");
      const master = ctx.workbook.worksheets.getItem("任务总表").getRange("K3").load("formulas");
      await ctx.sync();
      return [unit.formulas[0][0], master.formulas[0][0]];
    });
    expect(formulas.every((f) => String(f).includes("<=90,"))).toBe(true);
    const meta = await usedValues(host, "_meta");
    expect(meta.find((r) => r[0] === "warning_days")![1]).toBe("90");
    // The window survives a plain rebuild.
    await host.run((ctx) => buildTracker(ctx, list, buildOptions()));
    expect((await usedValues(host, "_meta")).find((r) => r[0] === "warning_days")![1]).toBe("90");
  });
});
