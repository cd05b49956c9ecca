import { NameClashError, buildTracker } from "../../src/excel/build-tracker";
import { RequirementError } from "../../src/excel/requirements";
import { parseTaskList, reportKey } from "../../src/domain";
import { seedText } from "../support/seed";
import { buildOptions, newHost, roundTrips, sheetInfo, typeStatuses, usedValues } from "../support/excel-host-helpers";

const list = parseTaskList(seedText());
const SHEETS = ["汇总", "任务总表", "填报说明", ...list.units, "_meta"];

describe("buildTracker through the genuine Office.js client", () => {
  it("builds the Jiangxi tracker in an empty workbook in 3 round trips (figures read once calculation resumed)", async () => {
    const host = newHost();
    host.stats.reset();
    const result = await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: seedText() })));
    expect(roundTrips(host)).toBe(3);

    const sheets = await sheetInfo(host);
    expect(sheets.map((s) => s.name).slice(0, SHEETS.length)).toEqual(SHEETS);
    expect(sheets.filter((s) => SHEETS.includes(s.name)).every((s) => s.protected)).toBe(true);
    expect(sheets.find((s) => s.name === "_meta")!.visibility).toBe("VeryHidden");

    expect(result.figures.overall).toMatchObject({ 任务总数: 50, 责任分工总数: 171, 已完成分工数: 0, 逾期任务数: 4 });
    expect(result.figures.units.map((u) => u.unit)).toEqual(list.units);
    expect(result.figures.units.find((u) => u.unit === "省教育厅")).toMatchObject({ tasks: 45, notReported: 45, rate: 0 });

    const edu = await usedValues(host, "省教育厅");
    expect(edu[1][6]).toBe("完成状态");
    expect(edu.slice(2).map((r) => r[0])).toEqual(list.tasks.filter((t) => t.units.includes("省教育厅")).map((t) => t.id));

    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("省教育厅");
      const status = ws.getRange("G3:G47");
      status.dataValidation.load("rule");
      const inputs = ws.getRange("G3:M47").format.protection.load("locked");
      const fixed = ws.getRange("A3:F47").format.protection.load("locked");
      const overdue = ws.getRange("N3").load("formulas");
      const master = ctx.workbook.worksheets.getItem("任务总表").getRange("H3:AA3").load("formulas");
      await ctx.sync();
      expect(status.dataValidation.rule.list).toEqual({ inCellDropDown: true, source: "未启动,推进中,已完成,滞后,长期坚持" });
      expect(inputs.locked).toBe(false);
      expect(fixed.locked).toBe(true);
      expect(overdue.formulas[0][0]).toBe('=IF(AND(ISNUMBER(F3),G3<>"已完成",G3<>"长期坚持"),IF(F3<TODAY(),"逾期",IF(F3-TODAY()<=30,"即将到期","")),"")');
      // H: done units counted over the row's status block; Q/R: each unit's row by 序号; Z: the status read there.
      expect(master.formulas[0][0]).toBe('=COUNTIF($Z3:$AH3,"已完成")');
      expect(master.formulas[0].slice(9, 11)).toEqual(["=IFERROR(MATCH($A3,'省委组织部'!$A$3:$A$7,0),\"\")", "=IFERROR(MATCH($A3,'省教育厅'!$A$3:$A$47,0),\"\")"]);
      expect(master.formulas[0][18]).toBe("=IF(ISNUMBER($Q3),INDEX('省委组织部'!$G$3:$G$7,$Q3)&\"\",\"\")");
    });
  });

  it("writes next to the user's own sheets without touching them", async () => {
    const host = newHost();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("我的数据");
      ws.getRange("A1:B2").values = [["名称", "数量"], ["=总计", 3]];
      await ctx.sync();
    });
    const before = await usedValues(host, "我的数据");
    await host.run((ctx) => buildTracker(ctx, list, buildOptions()));
    expect(await usedValues(host, "我的数据")).toEqual(before);
    const sheets = await sheetInfo(host);
    expect(sheets.find((s) => s.name === "我的数据")!.protected).toBe(false);
    expect(sheets.map((s) => s.name)).toContain("汇总");
  });

  it("refuses a name clash with a user sheet, leaving the workbook unchanged, unless asked to rename", async () => {
    const host = newHost();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("汇总").getRange("A1").values = [["我自己的汇总"]];
      await ctx.sync();
    });
    await expect(host.run((ctx) => buildTracker(ctx, list, buildOptions()))).rejects.toBeInstanceOf(NameClashError);
    const untouched = (await sheetInfo(host)).map((s) => s.name);
    expect(untouched).toContain("汇总");
    expect(untouched).not.toContain("_meta");
    expect(await usedValues(host, "汇总")).toEqual([["我自己的汇总"]]);

    const result = await host.run((ctx) => buildTracker(ctx, list, buildOptions({ onNameClash: "rename" })));
    expect(result.renamedUserSheets).toEqual([{ from: "汇总", to: "汇总(原)" }]);
    expect(await usedValues(host, "汇总(原)")).toEqual([["我自己的汇总"]]);
    expect((await usedValues(host, "汇总"))[0][0]).toContain("落实情况汇总");
  });

  it("rebuilds over a filled tracker in 5 round trips without losing an entered report", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "keep-me" })));
    await typeStatuses(host, "省教育厅", [
      [26, "已完成", "全部达标"],
      [1, "推进中", "已起草办法"],
    ]);
    await typeStatuses(host, "省财政厅", [[26, "滞后", "资金未到位"]]);

    host.stats.reset();
    const result = await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "new-id" })));
    // List, read, write, then one read of the old and new unit sheets for what co-authors typed meanwhile
    // (the old sheets' removal rides with the figures' read).
    expect(roundTrips(host)).toBe(5);
    expect(result.keptReports).toBe(3);
    expect(result.blueprint.trackerId).toBe("keep-me");

    const edu = await usedValues(host, "省教育厅");
    const row26 = edu.find((r) => r[0] === 26)!;
    expect(row26.slice(6, 8)).toEqual(["已完成", "全部达标"]);
    expect(edu.find((r) => r[0] === 1)!.slice(6, 8)).toEqual(["推进中", "已起草办法"]);
    expect(result.figures.units.find((u) => u.unit === "省财政厅")).toMatchObject({ late: 1, notReported: 12 });
    expect(result.figures.overall.已完成分工数).toBe(1);
    expect((await sheetInfo(host)).filter((s) => s.name.startsWith("__tracker"))).toEqual([]);
    expect(reportKey(26, "省教育厅")).toBe("26|省教育厅");
  });

  it("explains what an old Excel lacks and sends nothing", async () => {
    const host = newHost();
    host.stats.reset();
    const old = (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1]) <= 7;
    const failure = host.run((ctx) => buildTracker(ctx, list, buildOptions({ isSetSupported: old })));
    await expect(failure).rejects.toBeInstanceOf(RequirementError);
    await expect(failure).rejects.toThrow("需要 ExcelApi 1.9 或更高版本");
    expect(roundTrips(host)).toBe(0);
  });
});

describe("unit corrections chosen in the pane", () => {
  it("are applied, saved in the tracker and read back for the next rebuild", async () => {
    const host = newHost();
    const overrides = { 省扶贫办: "省乡村振兴局" };
    const { applyUnitOverrides } = await import("../../src/domain");
    await host.run((ctx) => buildTracker(ctx, applyUnitOverrides(list, overrides), buildOptions({ unitOverrides: overrides })));
    const names = (await sheetInfo(host)).map((s) => s.name);
    expect(names).toContain("省乡村振兴局");
    expect(names).not.toContain("省扶贫办");
    const meta = await usedValues(host, "_meta");
    expect(JSON.parse(String(meta.find((r) => r[0] === "unit_aliases")![1]))).toEqual(overrides);
  });
});
