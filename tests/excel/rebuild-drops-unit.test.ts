import { parseTaskList } from "../../src/domain";
import { NameClashError, buildTracker } from "../../src/excel/build-tracker";
import { buildOptions, newHost, sheetInfo, typeStatuses, usedValues } from "../support/excel-host-helpers";

const OWN = ["序号\t政策内容\t责任部门", "1\t推进中职学校达标建设\t省教育厅、省财政厅", "2\t落实学生资助政策\t本地专项办", "3\t开展督导评估\t省教育厅"].join("\n");
const NEXT = ["序号\t政策内容\t责任部门", "1\t推进中职学校达标建设\t省教育厅、省财政厅", "2\t落实学生资助政策\t省财政厅", "3\t开展督导评估\t省教育厅"].join("\n");

describe("a rebuild with a list that drops a unit", () => {
  it("removes that unit's sheet, keeps every other report and leaves no held or staged sheet", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, parseTaskList(OWN, { name: "本地清单" }), buildOptions({ listSource: OWN })));
    await typeStatuses(host, "本地专项办", [[2, "已完成", "已发放到位"]]);
    await typeStatuses(host, "省教育厅", [[3, "推进中", "督导已启动"]]);

    const result = await host.run((ctx) => buildTracker(ctx, parseTaskList(NEXT, { name: "本地清单" }), buildOptions({ listSource: NEXT })));

    const names = (await sheetInfo(host)).map((s) => s.name);
    expect(names).not.toContain("本地专项办");
    expect(names.filter((n) => n.startsWith("__tracker"))).toEqual([]);
    expect(result.issues).toEqual([]);
    const row = (await usedValues(host, "省教育厅")).find((r) => r[0] === 3)!;
    expect(row.slice(6, 8)).toEqual(["推进中", "督导已启动"]);
    // 本地专项办's report was read but has no row any more: not counted as kept.
    expect(result.keptReports).toBe(1);
  });

  it("counts only reports that still have a row when it runs again after a name clash (the pane's rename button)", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, parseTaskList(OWN, { name: "本地清单" }), buildOptions({ listSource: OWN })));
    await typeStatuses(host, "本地专项办", [[2, "已完成", "已发放到位"]]);
    await typeStatuses(host, "省教育厅", [[3, "推进中", "督导已启动"], [1, "推进中"]]);
    // The user's own sheet under the name the new list needs for its new unit.
    const withNew = NEXT.replace("3\t开展督导评估\t省教育厅", "3\t开展督导评估\t省教育厅、省审计厅");
    expect(parseTaskList(withNew).units).toContain("省审计厅");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("省审计厅");
      await ctx.sync();
    });
    const list = parseTaskList(withNew, { name: "本地清单" });
    await expect(host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: withNew })))).rejects.toBeInstanceOf(NameClashError);
    const result = await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: withNew, onNameClash: "rename" })));
    expect(result.renamedUserSheets).toEqual([{ from: "省审计厅", to: expect.stringMatching(/^省审计厅.+/) }]);
    expect(result.keptReports).toBe(2);
    expect((await sheetInfo(host)).map((s) => s.name)).not.toContain("本地专项办");
  });
});
